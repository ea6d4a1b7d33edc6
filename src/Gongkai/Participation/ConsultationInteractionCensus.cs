using Gongkai.Platform.Data;
using Gongkai.Platform.Inspection;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation;

/// <summary>Consultation comments the self-inspection counts as unanswered: not hidden by moderation (a hidden comment
/// is not a valid message) on a consultation whose feedback (采纳情况反馈, which answers every comment) is not yet
/// published.</summary>
public sealed class ConsultationInteractionCensus(GongkaiDbContext db) : IInteractionCensus
{
    public string Channel => "意见征集留言";

    public async Task<IReadOnlyList<UnansweredMessages>> UnansweredAsync(
        IReadOnlyCollection<int>? bodies, DateTimeOffset receivedFrom, DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        var consultations = db.Set<Consultation>().AsNoTracking().Where(c => c.FeedbackPublishedAt == null);
        if (bodies is not null)
        {
            consultations = consultations.Where(c => bodies.Contains(c.BodyId));
        }

        var rows = await db.Set<ConsultationComment>().AsNoTracking()
            .Where(m => m.Moderation != "hidden" && m.CreatedAt >= receivedFrom && m.CreatedAt < receivedBefore)
            .Join(consultations, m => m.ConsultationId, c => c.Id, (m, c) => new { c.BodyId, m.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.BodyId).Select(g => new UnansweredMessages(g.Key, Channel, g.Count(), g.Min(r => r.CreatedAt))).ToList();
    }
}
