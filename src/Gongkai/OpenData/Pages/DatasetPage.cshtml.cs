using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.OpenData.Pages;

/// <summary>One dataset: its metadata, resources (downloads), data dictionary and its records a page at a time.</summary>
public sealed class DatasetPageModel(OpenDataCatalog catalog, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public DatasetView? Dataset { get; private set; }

    public IReadOnlyList<PublicRecord> Records { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool Lapsed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, int? page, CancellationToken cancellationToken)
    {
        Dataset = await catalog.FindDatasetAsync(name, cancellationToken);
        if (Dataset is null)
        {
            return NotFound();
        }

        PageNumber = Math.Max(1, page ?? 1);
        (Total, Records) = await catalog.ListRecordsAsync(Dataset.Type, Dataset.Body.Id, PageNumber, PageSize, cancellationToken);
        Lapsed = Dataset.Lapsed(clock.GetUtcNow());
        return Page();
    }
}
