using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Pages;

/// <summary>办事指南: every guide with a public version.</summary>
public sealed class GuidesModel(GuideDesk desk) : PageModel
{
    public IReadOnlyList<GuideSummary> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Guides = await desk.ListPublicAsync(cancellationToken);
}
