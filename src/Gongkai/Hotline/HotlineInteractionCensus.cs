using Gongkai.Hotline.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Inspection;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hotline;

/// <summary>12345 tickets the self-inspection counts as unanswered: dispatched to a body, not merged into another and
/// with no reply to the caller yet (a ticket answered on the spot or replied is answered; a merged one is answered with
/// the ticket it joined). A ticket not yet dispatched belongs to no body and is the hotline centre's, not counted here.</summary>
public sealed class HotlineInteractionCensus(GongkaiDbContext db) : IInteractionCensus
{
    public string Channel => "12345热线工单";

    public async Task<IReadOnlyList<UnansweredMessages>> UnansweredAsync(
        IReadOnlyCollection<int>? bodies, DateTimeOffset receivedFrom, DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        var answered = new[] { TicketVocabulary.Code(TicketStatus.Replied), TicketVocabulary.Code(TicketStatus.Evaluated), TicketVocabulary.Code(TicketStatus.AnsweredDirectly), TicketVocabulary.Code(TicketStatus.Merged) };
        var tickets = db.Set<HotlineTicket>().AsNoTracking().Where(t => t.BodyId != null);
        if (bodies is not null)
        {
            tickets = tickets.Where(t => bodies.Contains(t.BodyId!.Value));
        }

        var rows = await tickets
            .Where(t => t.ReceivedAt >= receivedFrom && t.ReceivedAt < receivedBefore
                && t.RepliedAt == null && t.MergedIntoId == null && !answered.Contains(t.Status))
            .Select(t => new { BodyId = t.BodyId!.Value, t.ReceivedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.BodyId).Select(g => new UnansweredMessages(g.Key, Channel, g.Count(), g.Min(r => r.ReceivedAt))).ToList();
    }
}
