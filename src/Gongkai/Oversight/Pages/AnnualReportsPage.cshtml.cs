using Gongkai.Oversight.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Pages;

/// <summary>A year's request figures summed over the published reports shown (table 三's 总计 column).</summary>
public sealed record YearFigures(int Year, int Reports, long Received, long Carried, long Closed, long CarriedForward);

/// <summary>政府信息公开工作年度报告: every body's published reports by year, and the request figures over the years
/// (all bodies, or the chosen one) as an SVG chart with the same numbers in a table.</summary>
public sealed class AnnualReportsPageModel(AnnualReportDesk desk) : PageModel
{
    public IReadOnlyList<PublishedAnnualReport> Reports { get; private set; } = [];

    public IReadOnlyList<YearFigures> Figures { get; private set; } = [];

    public string? Body { get; private set; }

    public string? BodyName { get; private set; }

    public async Task OnGetAsync(string? body, CancellationToken cancellationToken)
    {
        Reports = await desk.PublishedAsync(cancellationToken);
        var chosen = Reports.FirstOrDefault(r => r.Body.Code == body)?.Body;
        Body = chosen?.Code;
        BodyName = chosen?.Name;
        // Summed over all bodies, a department whose figures a government's published report already includes is not
        // counted twice.
        var summedElsewhere = Reports.Where(r => r.Tables.Aggregation is not null)
            .SelectMany(r => r.Tables.Aggregation!.Included.Skip(1).Select(name => (r.Year, name))).ToHashSet();
        Figures = Reports.Where(r => chosen is null ? !summedElsewhere.Contains((r.Year, r.Body.Name)) : r.Body.Id == chosen.Id)
            .GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g => new YearFigures(g.Key, g.Count(),
                g.Sum(r => Total(r.Tables, TableThreeLineKind.New)), g.Sum(r => Total(r.Tables, TableThreeLineKind.Carried)),
                g.Sum(r => Total(r.Tables, TableThreeLineKind.Results)), g.Sum(r => Total(r.Tables, TableThreeLineKind.CarriedForward))))
            .ToList();
    }

    private static long Total(AnnualReportTables tables, TableThreeLineKind kind) =>
        tables.Three.FirstOrDefault(l => l.Kind == kind)?.Counts[^1] ?? 0;

    /// <summary>A bar's height in the chart's drawing area, the largest value filling it.</summary>
    public static double BarHeight(long value, long max, double area) => max <= 0 ? 0 : Math.Round(area * value / max, 1);
}
