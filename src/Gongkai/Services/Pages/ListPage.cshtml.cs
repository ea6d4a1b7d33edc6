using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Pages;

/// <summary>One list as in force on a date (today unless <c>?on=</c> names another), with its history of versions
/// and links to the difference between each version and the one before.</summary>
public sealed class ListPageModel(ListDesk desk, LawLinks laws) : PageModel
{
    /// <summary>The laws of the shown version's 设定依据 that the law library holds.</summary>
    public BasisLinks Laws { get; private set; } = BasisLinks.None;

    public ListSummary Summary { get; private set; } = null!;

    public DateOnly On { get; private set; }

    public bool IsToday { get; private set; }

    public ListVersionView? Shown { get; private set; }

    public IReadOnlyList<ServiceListVersion> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, DateOnly? on, CancellationToken cancellationToken)
    {
        if (await desk.SummaryAsync(id, cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        Summary = summary;
        On = on ?? desk.Today;
        IsToday = On == desk.Today;
        Shown = await desk.InForceAsync(id, On, cancellationToken);
        Versions = await desk.VersionsAsync(id, cancellationToken);
        if (Shown is not null && summary.Kind.Columns.Any(c => c.Key == ListDesk.BasisColumn))
        {
            Laws = await laws.ForAsync(Shown.Items.Select(i => i[ListDesk.BasisColumn]), cancellationToken);
        }

        return Page();
    }
}
