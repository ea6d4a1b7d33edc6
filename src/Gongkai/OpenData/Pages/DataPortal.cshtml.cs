using Gongkai.OpenData.Ckan;
using Gongkai.OpenData.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.OpenData.Pages;

/// <summary>数据开放: the datasets, filtered by theme, body and words, with their formats and whether their promised
/// update frequency has lapsed.</summary>
public sealed class DataPortalModel(OpenDataCatalog catalog, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DatasetView> All { get; private set; } = [];

    public IReadOnlyList<DatasetView> Datasets { get; private set; } = [];

    public string? Q { get; private set; }

    public string? Theme { get; private set; }

    public string? Body { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(string? q, string? theme, string? body, CancellationToken cancellationToken)
    {
        (Q, Theme, Body) = (q?.Trim(), theme, body);
        Now = clock.GetUtcNow();
        All = await catalog.ListDatasetsAsync(cancellationToken);
        var clauses = string.IsNullOrEmpty(Q) ? [] : Q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new CkanClause("text", [w], false)).ToList();
        Datasets = All
            .Where(d => string.IsNullOrEmpty(theme) || d.Dataset.Theme == theme)
            .Where(d => string.IsNullOrEmpty(body) || d.Body.Code == body)
            .Where(d => CkanQuery.Matches(CkanJson.SearchItem(d), clauses))
            .OrderByDescending(d => d.Dataset.ModifiedAt).ToList();
    }
}
