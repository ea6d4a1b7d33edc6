using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Pages;

/// <summary>The difference between two versions of a list: items added, removed, and changed field by field.</summary>
public sealed class ListDiffPageModel(ListDesk desk) : PageModel
{
    public ListSummary Summary { get; private set; } = null!;

    public ListVersionView From { get; private set; } = null!;

    public ListVersionView To { get; private set; } = null!;

    public ListDifference Difference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken cancellationToken)
    {
        if (await desk.SummaryAsync(id, cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        Summary = summary;
        var versions = await desk.VersionsAsync(id, cancellationToken);
        var newer = to ?? (versions.Count > 0 ? versions[0].Number : 0);
        var diff = await desk.DiffAsync(summary.List, from ?? newer - 1, newer, cancellationToken);
        if (diff.Refusal is not null)
        {
            return NotFound();
        }

        (From, To, Difference) = diff.Value;
        return Page();
    }
}
