using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Publishing.Gazette.Pages;

/// <summary>The gazette archive: years, the issues of one year (or all) with their contents, filtered by title or 文号.</summary>
public sealed class ArchiveModel(GazetteArchive archive) : PageModel
{
    public IReadOnlyList<(int Year, int Issues)> Years { get; private set; } = [];

    public IReadOnlyList<GazetteIssueView> Issues { get; private set; } = [];

    public int? Year { get; private set; }

    public string? Query { get; private set; }

    public async Task OnGetAsync(int? year, string? q, CancellationToken cancellationToken)
    {
        Year = year;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Years = await archive.YearsAsync(cancellationToken);
        Issues = await archive.SearchAsync(year, Query, cancellationToken);
    }
}
