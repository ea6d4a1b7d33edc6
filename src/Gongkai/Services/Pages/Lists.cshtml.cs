using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Pages;

/// <summary>清单: every body's lists (权责清单, 收费目录清单 …) with the version in force today.</summary>
public sealed class ListsModel(ListDesk desk) : PageModel
{
    public IReadOnlyList<ListSummary> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lists = await desk.ListAsync(cancellationToken: cancellationToken);
}
