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
        // Two flat indexed queries joined in memory: a correlated subquery per request is far slower at scale.
        var requests = await db.Set<DisclosureRequest>().AsNoTracking()
            .Where(r => r.BodyId == bodyId && r.ReceivedOn <= end)
            .Select(r => new { r.Id, r.ApplicantType, r.ReceivedOn })
            .ToListAsync(cancellationToken);
        var finals = await db.Set<RequestEventRecord>().AsNoTracking()
            .Where(e => FinalTypes.Contains(e.Type))
            .Join(db.Set<DisclosureRequest>().Where(r => r.BodyId == bodyId && r.ReceivedOn <= end), e => e.RequestId, r => r.Id, (e, r) => new { e.RequestId, e.Id, e.Type, e.On, e.Decision })
            .ToListAsync(cancellationToken);
        var finalByRequest = finals.GroupBy(f => f.RequestId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Id).First());
        return TableThree.Build(year, requests.Select(r =>
        {
            var final = finalByRequest.GetValueOrDefault(r.Id);
            return new RequestOutcome(
                r.ApplicantType,
                r.ReceivedOn,
                final?.On,
                final is null ? null : TableThree.DecisionForFinalEvent(RequestEventTypes.Parse(final.Type)!.Value, final.Decision));
        }));
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
