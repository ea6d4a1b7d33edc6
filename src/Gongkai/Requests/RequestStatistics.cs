using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Requests.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>Counts a body's requests by their stored closing outcome and builds tables 三 and 四 from them.</summary>
public sealed class RequestStatistics(GongkaiDbContext db, BodyDirectory directory)
{
    /// <summary>Null when no body has <paramref name="bodyCode"/>.</summary>
    public async Task<TableThree?> TableThreeAsync(string bodyCode, int year, CancellationToken cancellationToken = default)
    {
        var bodyId = (await directory.FindByCodeAsync(bodyCode, cancellationToken))?.Id;
        if (bodyId is null)
        {
            return null;
        }

        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        // One grouped query over the request rows alone (each row carries its closing date and decision): applicant
        // type × received before the year or in it × decision × closed in or after the year (or open). Requests closed
        // before the year count nowhere in it and are left out by the index range, so a few dozen rows come back.
        var groups = await db.Database.SqlQueryRaw<TableThreeOutcomeGroup>(TableThreeSql, bodyId.Value, start, end).ToListAsync(cancellationToken);
        return TableThree.BuildCounted(year, groups.Select(g => (new RequestOutcome(
            g.ApplicantType,
            g.ReceivedBeforeYear == 1 ? start.AddDays(-1) : start,
            g.ClosedPeriod switch { 0 => null, 2 => start, _ => end.AddDays(1) },
            g.Decision), checked((int)g.Count))));
    }

    /// <summary>Parameters: {0} body id, {1} first day of the year, {2} last day. Plain SQL that SQLite and PostgreSQL
    /// both run as two range scans of the (BodyId, ClosedOn, ReceivedOn, ApplicantType, ClosingDecision) index, no table
    /// rows read: the part closed from the year on, and the part still open (ClosedOn IS NULL). Written as UNION ALL
    /// rather than one OR, which SQLite answers by scanning every index entry of the body.</summary>
    private const string TableThreeSql = """
        SELECT "ApplicantType" AS "ApplicantType",
               CASE WHEN "ReceivedOn" < {1} THEN 1 ELSE 0 END AS "ReceivedBeforeYear",
               "ClosingDecision" AS "Decision",
               CASE WHEN "ClosedOn" <= {2} THEN 2 ELSE 3 END AS "ClosedPeriod",
               COUNT(*) AS "Count"
        FROM disclosure_requests
        WHERE "BodyId" = {0} AND "ClosedOn" >= {1} AND "ReceivedOn" <= {2}
        GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT "ApplicantType", CASE WHEN "ReceivedOn" < {1} THEN 1 ELSE 0 END, NULL, 0, COUNT(*)
        FROM disclosure_requests
        WHERE "BodyId" = {0} AND "ClosedOn" IS NULL AND "ReceivedOn" <= {2}
        GROUP BY 1, 2
        """;

    /// <summary>Table 四 for a body and year; null when no body has <paramref name="bodyCode"/>.</summary>
    public async Task<TableFour?> TableFourAsync(string bodyCode, int year, CancellationToken cancellationToken = default)
    {
        var bodyId = (await directory.FindByCodeAsync(bodyCode, cancellationToken))?.Id;
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

    /// <summary>The stored table 三 decision; null while open.</summary>
    public string? Decision { get; set; }

    public int ClosedPeriod { get; set; }

    public long Count { get; set; }
}
