using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hotline;

/// <summary>One row of the monthly figures (a body or a category). Rates are null when nothing was measured.</summary>
public sealed record HotlineFigures(string Key, string Name, int Volume, int SignMeasured, int SignedOnTime, int ReplyMeasured, int RepliedOnTime,
    int Rated, int Satisfied, int Replied, int Reopened, int Supervised)
{
    public double? SignRate => SignMeasured == 0 ? null : (double)SignedOnTime / SignMeasured;

    public double? ReplyRate => ReplyMeasured == 0 ? null : (double)RepliedOnTime / ReplyMeasured;

    /// <summary>满意率: 满意 and 基本满意 over all ratings.</summary>
    public double? SatisfactionRate => Rated == 0 ? null : (double)Satisfied / Rated;

    public double? ReopenRate => Replied == 0 ? null : (double)Reopened / Replied;

    public static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "—";
}

/// <summary>The month's figures per body (ranked by on-time reply rate) and per top-level category. Aggregates only:
/// nothing about a caller is read.</summary>
public sealed record HotlineMonth(int Year, int Month, IReadOnlyList<HotlineFigures> Bodies, IReadOnlyList<HotlineFigures> Categories);

/// <summary>Computes the monthly statistics with grouped counts in the database (one pass per grouping).</summary>
public sealed class HotlineStatistics(GongkaiDbContext db, BodyDirectory directory)
{
    public async Task<HotlineMonth> MonthAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        var from = ChinaTime.StartOfDay(new DateOnly(year, month, 1)).ToUniversalTime();
        var to = ChinaTime.StartOfDay(new DateOnly(year, month, 1).AddMonths(1)).ToUniversalTime();
        var tickets = db.Set<HotlineTicket>().AsNoTracking().Where(t => t.ReceivedAt >= from && t.ReceivedAt < to);
        // One grouped pass over the month (body × category, a few thousand groups at most); both tables are summed
        // from it in memory, so the month's rows are read once, not once per table.
        var groups = await tickets.GroupBy(t => new { t.BodyId, t.CategoryId }).Select(g => new Counts(
            g.Key.BodyId, g.Key.CategoryId, g.Count(), g.Count(t => t.SignedOnTime != null), g.Count(t => t.SignedOnTime == true), g.Count(t => t.RepliedOnTime != null),
            g.Count(t => t.RepliedOnTime == true), g.Count(t => t.Rating != null), g.Count(t => t.Rating == "satisfied" || t.Rating == "basically-satisfied"),
            g.Count(t => t.RepliedAt != null), g.Count(t => t.ReopenCount > 0))).ToListAsync(cancellationToken);
        // Like every figure here, supervisions count towards the month the ticket was taken in.
        var supervised = await db.Set<HotlineSupervision>().AsNoTracking().Join(tickets, s => s.TicketId, t => t.Id, (s, t) => s)
            .GroupBy(s => s.BodyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var bodies = await directory.LoadAsync(cancellationToken);
        var bodyRows = groups.Where(c => c.BodyId is not null).GroupBy(c => c.BodyId.GetValueOrDefault())
            .Select(g => Figures(bodies.Find(g.Key)?.Code ?? "?", bodies.Find(g.Key)?.Name ?? "?", g.ToList(), supervised.GetValueOrDefault(g.Key)))
            .OrderByDescending(f => f.ReplyRate ?? -1).ThenByDescending(f => f.Volume).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();

        var categories = await db.Set<HotlineCategory>().AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        HotlineCategory Top(int id)
        {
            var c = categories[id];
            while (c.ParentId is { } parent)
            {
                c = categories[parent];
            }

            return c;
        }

        var categoryRows = groups.GroupBy(c => Top(c.CategoryId)).Select(g => Figures(g.Key.Code, g.Key.Name, g.ToList(), 0))
            .OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        return new HotlineMonth(year, month, bodyRows, categoryRows);
    }

    private sealed record Counts(int? BodyId, int CategoryId, int Volume, int SignMeasured, int SignedOnTime, int ReplyMeasured, int RepliedOnTime, int Rated, int Satisfied, int Replied, int Reopened);

    private static HotlineFigures Figures(string key, string name, IReadOnlyList<Counts> counts, int supervised) => new(
        key, name, counts.Sum(c => c.Volume), counts.Sum(c => c.SignMeasured), counts.Sum(c => c.SignedOnTime), counts.Sum(c => c.ReplyMeasured),
        counts.Sum(c => c.RepliedOnTime), counts.Sum(c => c.Rated), counts.Sum(c => c.Satisfied), counts.Sum(c => c.Replied), counts.Sum(c => c.Reopened), supervised);

    /// <summary>The body table as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese).</summary>
    public static string Csv(HotlineMonth month)
    {
        var lines = new List<string> { "机关代码,机关,工单量,按时签收率,按时办结率,满意率,重办率,督办次数" };
        lines.AddRange(month.Bodies.Select(b => string.Join(',', b.Key, Quote(b.Name), b.Volume.ToString(CultureInfo.InvariantCulture),
            Rate(b.SignRate), Rate(b.ReplyRate), Rate(b.SatisfactionRate), Rate(b.ReopenRate), b.Supervised.ToString(CultureInfo.InvariantCulture))));
        return "\uFEFF" + string.Join("\r\n", lines) + "\r\n";
    }

    private static string Rate(double? rate) => rate is { } r ? r.ToString("0.0000", CultureInfo.InvariantCulture) : "";

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
