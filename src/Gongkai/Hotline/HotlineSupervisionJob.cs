using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hotline;

/// <summary>督办: every few minutes, each open ticket past its sign or reply limit gets one supervision record for that
/// limit, an audit row, and a notice to the body's leaders (its body administrators) and the centre's operators. The
/// ticket's <see cref="HotlineTicket.Supervised"/> flag (cleared by the next event) makes a rerun add nothing.</summary>
public sealed class HotlineSupervisionJob(
    GongkaiDbContext db, AuditLog audit, INotifier notifier, UserManager<StaffUser> users, TimeProvider clock, ILogger<HotlineSupervisionJob> logger) : IRecurringJob
{
    public const int BatchSize = 200;

    public string Name => "hotline.supervision";

    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromMinutes(10));

    public async Task RunAsync(CancellationToken cancellationToken) => await SuperviseOverdueAsync(cancellationToken);

    /// <summary>Returns how many tickets were escalated.</summary>
    public async Task<int> SuperviseOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var overdue = await db.Set<HotlineTicket>()
            .AsNoTracking().Where(t => t.IsOpen && !t.Supervised && t.BodyId != null && t.NextDueAt < now)
            .OrderBy(t => t.NextDueAt).Take(BatchSize).ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var leaders = (await users.GetUsersInRoleAsync(StaffRoles.BodyAdmin)).ToList();
        var centre = (await users.GetUsersInRoleAsync(StaffRoles.HotlineOperator)).Select(u => u.Id).ToList();
        var escalated = 0;
        foreach (var ticket in overdue)
        {
            var limit = ticket.SignDueAt is { } sign && sign < now ? "sign" : "reply";
            var due = limit == "sign" ? ticket.SignDueAt!.Value : ticket.ReplyDueAt ?? ticket.NextDueAt!.Value;
            // Claim the ticket with one conditional update, so two runs (or a run racing an event that set a new
            // limit) never record the same lapse twice.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Set<HotlineTicket>()
                .Where(t => t.Id == ticket.Id && !t.Supervised && t.UpdatedAt == ticket.UpdatedAt)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Supervised, true), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            db.Set<HotlineSupervision>().Add(new HotlineSupervision { TicketId = ticket.Id, BodyId = ticket.BodyId!.Value, At = now, Limit = limit, DueAt = due });
            audit.Record("hotline.supervised", ticket.Number, $"{(limit == "sign" ? "超过签收期限" : "超过办结期限")}，期限 {Platform.Time.ChinaTime.FormatMinutes(due)}", ticket.BodyId, "12345督办");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            escalated++;
            var recipients = leaders.Where(l => l.BodyId == ticket.BodyId).Select(l => l.Id).Concat(centre).Distinct().ToList();
            if (recipients.Count == 0)
            {
                logger.LogWarning("Ticket {Number} is overdue but nobody can be notified", ticket.Number);
                continue;
            }

            await notifier.NotifyAsync(new Notification(
                recipients,
                $"12345督办：工单 {ticket.Number} {(limit == "sign" ? "超过签收期限" : "超过办结期限")}",
                $"工单 {ticket.Number} 的{(limit == "sign" ? "签收" : "办结")}期限为 {Platform.Time.ChinaTime.FormatMinutes(due)}，已超期。请督促办理：/admin/hotline/tickets/{ticket.Number}",
                "hotline.supervised"), cancellationToken);
        }

        return escalated;
    }
}
