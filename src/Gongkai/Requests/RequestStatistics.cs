using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Requests.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>Loads the outcomes of a body's requests and builds table 三 from them.</summary>
public sealed class RequestStatistics(GongkaiDbContext db)
{
    private static readonly string[] FinalTypes =
    [
        RequestEventTypes.Code(RequestEventType.Replied), RequestEventTypes.Code(RequestEventType.Transferred),
        RequestEventTypes.Code(RequestEventType.CorrectionLapsed), RequestEventTypes.Code(RequestEventType.FeeLapsed),
    ];

    /// <summary>Null when no body has <paramref name="bodyCode"/>.</summary>
    public async Task<TableThree?> TableThreeAsync(string bodyCode, int year, CancellationToken cancellationToken = default)
    {
        var bodyId = await db.Set<Body>().Where(b => b.Code == bodyCode).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken);
        if (bodyId is null)
        {
            return null;
        }

        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        // One grouped query: applicant type × received before the year or in it × closing event type and decision ×
        // closed before, in or after the year (or open). Table 三 needs nothing finer, so a few dozen rows come back
        // however many requests there are. A request's closing event is its first one of a closing type.
        var groups = await db.Database.SqlQueryRaw<TableThreeOutcomeGroup>(TableThreeSql, bodyId.Value, start, end).ToListAsync(cancellationToken);
        return TableThree.BuildCounted(year, groups.Select(g => (new RequestOutcome(
            g.ApplicantType,
            g.ReceivedBeforeYear == 1 ? start.AddDays(-1) : start,
            g.ClosedPeriod switch { 0 => null, 1 => start.AddDays(-1), 2 => start, _ => end.AddDays(1) },
            g.FinalType is null ? null : TableThree.DecisionForFinalEvent(RequestEventTypes.Parse(g.FinalType)!.Value, g.Decision)), checked((int)g.Count))));
    }

    /// <summary>Parameters: {0} body id, {1} first day of the year, {2} last day. The closing types are code constants,
    /// inlined. Plain SQL that SQLite and PostgreSQL both run; the closing event is found through the (RequestId, Type) index.</summary>
    private static readonly string TableThreeSql = $$"""
        SELECT r."ApplicantType" AS "ApplicantType",
               CASE WHEN r."ReceivedOn" < {1} THEN 1 ELSE 0 END AS "ReceivedBeforeYear",
               e."Type" AS "FinalType",
               e."Decision" AS "Decision",
               CASE WHEN e."On" IS NULL THEN 0 WHEN e."On" < {1} THEN 1 WHEN e."On" <= {2} THEN 2 ELSE 3 END AS "ClosedPeriod",
               COUNT(*) AS "Count"
        FROM disclosure_requests r
        LEFT JOIN disclosure_request_events e ON e."Id" = (
            SELECT MIN(x."Id") FROM disclosure_request_events x
            WHERE x."RequestId" = r."Id" AND x."Type" IN ({{string.Join(", ", FinalTypes.Select(t => $"'{t}'"))}}))
        WHERE r."BodyId" = {0} AND r."ReceivedOn" <= {2}
        GROUP BY 1, 2, 3, 4, 5
        """;

    /// <summary>Table 四 for a body and year; null when no body has <paramref name="bodyCode"/>.</summary>
    public async Task<TableFour?> TableFourAsync(string bodyCode, int year, CancellationToken cancellationToken = default)
    {
        var bodyId = await db.Set<Body>().Where(b => b.Code == bodyCode).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken);
        if (bodyId is null)
        {
            return null;
        }

        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var cases = await db.Set<RequestAppeal>().AsNoTracking()
            .Where(a => a.BodyId == bodyId && a.FiledOn >= start && a.FiledOn <= end)
            .Select(a => new AppealOutcome(a.Kind, a.FiledOn, a.Outcome, a.DecidedOn))
            .ToListAsync(cancellationToken);
        return TableFour.Build(year, cases);
    }
}

/// <summary>One row of the grouped table 三 query.</summary>
public sealed class TableThreeOutcomeGroup
{
    public string ApplicantType { get; set; } = "";

    public int ReceivedBeforeYear { get; set; }

    public string? FinalType { get; set; }

    public string? Decision { get; set; }

    public int ClosedPeriod { get; set; }

    public long Count { get; set; }
}
