using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Pages;

/// <summary>The difference between two versions of a list: items added, removed, and changed field by field.</summary>
public sealed class ListDiffPageModel(ListDesk desk, LawLinks laws) : PageModel
{
    /// <summary>The laws of the 设定依据 shown that the law library holds.</summary>
    public BasisLinks Laws { get; private set; } = BasisLinks.None;

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
        var d = Difference;
        Laws = await laws.ForAsync(d.Added.Concat(d.Removed).Select(i => i[ListDesk.BasisColumn])
            .Concat(d.Changed.SelectMany(c => c.Changes).Where(f => f.Column.Key == ListDesk.BasisColumn).SelectMany(f => new[] { f.Before, f.After })), cancellationToken);
        return Page();
    }
}
