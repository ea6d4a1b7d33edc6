using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Pages;

/// <summary>One guide: the published version in force (or, before the first takes effect, the one announced), the
/// next published version when one is announced, and the dates of the change.</summary>
public sealed class GuidePageModel(GuideDesk desk, LawLinks laws) : PageModel
{
    /// <summary>The laws of the shown versions' 设定依据 that the law library holds.</summary>
    public BasisLinks Laws { get; private set; } = BasisLinks.None;

    public GuideSummary Summary { get; private set; } = null!;

    public GuideVersionView Shown { get; private set; } = null!;

    public GuideVersionView? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await desk.SummaryAsync(id, cancellationToken) is not { } summary || (summary.InForce ?? summary.Upcoming) is not { } shown)
        {
            return NotFound();
        }

        Summary = summary;
        Shown = shown;
        Next = summary.InForce is not null && summary.Upcoming is { } next && next.Version.Number != shown.Version.Number ? next : null;
        Laws = await laws.ForAsync([shown.Content.Basis, Next?.Content.Basis], cancellationToken);
        ViewData["Laws"] = Laws;
        return Page();
    }
}
