using Gongkai.OpenData.Rules;
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

    /// <summary>An environment dataset's AQI columns for the records on this page; null for other datasets.</summary>
    public AirQualityColumns? AirQuality { get; private set; }

    /// <summary>An environment dataset's recent readings per site and pollutant, drawn as charts with tables.</summary>
    public IReadOnlyList<ReadingSeries> Series { get; private set; } = [];

    /// <summary>How many of the latest readings the charts are drawn from (at most 30 days per series).</summary>
    public const int ChartReadings = 3_000;

    /// <summary>A file dataset's first rows (records datasets list their records instead).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> FilePreview { get; private set; } = [];

    /// <summary>A file dataset's public versions, newest first.</summary>
    public IReadOnlyList<Data.FileDatasetVersion> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name, int? page, CancellationToken cancellationToken)
    {
        Dataset = await catalog.FindDatasetAsync(name, cancellationToken);
        if (Dataset is null)
        {
            return NotFound();
        }

        Lapsed = Dataset.Lapsed(clock.GetUtcNow());
        if (Dataset.File is not null)
        {
            FilePreview = await catalog.FilePreviewAsync(Dataset, PageSize, cancellationToken);
            History = await catalog.FileHistoryAsync(Dataset, cancellationToken);
            return Page();
        }

        PageNumber = Math.Max(1, page ?? 1);
        (Total, Records) = await catalog.ListRecordsAsync(Dataset.Type, Dataset.Body.Id, PageNumber, PageSize, cancellationToken);
        Lapsed = Dataset.Lapsed(clock.GetUtcNow());
        AirQuality = await catalog.AirQualityAsync(Dataset.Type, Records, cancellationToken);
        if (AirQualityColumns.AppliesTo(Dataset.Schema))
        {
            Series = ReadingChart.Series(await catalog.RecentValuesAsync(Dataset, ChartReadings, cancellationToken), ShippedRecordTypes.Pollutants);
        }

        return Page();
    }
}
