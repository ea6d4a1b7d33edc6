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

        var end = new DateOnly(year, 12, 31);
        var rows = await db.Set<DisclosureRequest>().AsNoTracking()
            .Where(r => r.BodyId == bodyId && r.ReceivedOn <= end)
            .Select(r => new
            {
                r.ApplicantType,
                r.ReceivedOn,
                Final = r.Events.Where(e => FinalTypes.Contains(e.Type)).Select(e => new { e.Type, e.On, e.Decision }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return TableThree.Build(year, rows.Select(r => new RequestOutcome(
            r.ApplicantType,
            r.ReceivedOn,
            r.Final?.On,
            r.Final is null ? null : TableThree.DecisionForFinalEvent(RequestEventTypes.Parse(r.Final.Type)!.Value, r.Final.Decision))));
    }

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
