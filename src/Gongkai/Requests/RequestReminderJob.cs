using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>Reminds officers of open requests due in 5 and in 1 working days. Idempotent: a reminder row per request,
/// threshold and due date is written in the same unit of work as the outbox messages, so a rerun sends nothing twice.
/// The assigned officer is reminded; an unassigned case reminds every request officer of the body.</summary>
public sealed class RequestReminderJob(
    GongkaiDbContext db, CalendarService calendars, RequestDesk desk, INotifier notifier, UserManager<StaffUser> users, TimeProvider clock,
    ILogger<RequestReminderJob> logger) : IRecurringJob
{
    public string Name => "requests.reminders";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(8, 0));

    public async Task RunAsync(CancellationToken cancellationToken) => await SendDueRemindersAsync(cancellationToken);

    /// <summary>Sends what is due today; returns how many reminders were sent.</summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var today = desk.Today;
        // 5 working days never span more than a few weeks, even across the Spring Festival.
        var horizon = today.AddDays(40);
        var open = await db.Set<DisclosureRequest>().AsNoTracking()
            .WhereOpen().Where(r => r.DueOn != null && r.DueOn >= today && r.DueOn <= horizon)
            .Select(r => new { r.Id, r.TrackingNumber, r.BodyId, r.AssignedTo, DueOn = r.DueOn!.Value })
            .ToListAsync(cancellationToken);
        var officers = (await users.GetUsersInRoleAsync(StaffRoles.RequestOfficer)).ToList();
        var sent = 0;
        foreach (var request in open)
        {
            int left;
            try
            {
                left = calendar.CountWorkingDaysBetween(today, request.DueOn);
            }
            catch (CalendarYearMissingException)
            {
                continue;
            }

            if (ReminderRule.Due(left) is not { } threshold)
            {
                continue;
            }

            var already = await db.Set<RequestReminder>().AnyAsync(
                r => r.RequestId == request.Id && r.DueOn == request.DueOn && r.WorkingDaysBefore <= threshold, cancellationToken);
            if (already)
            {
                continue;
            }

            var recipients = officers
                .Where(o => request.AssignedTo is null ? o.BodyId == request.BodyId : o.UserName == request.AssignedTo)
                .Select(o => o.Id).ToList();
            if (recipients.Count == 0)
            {
                logger.LogWarning("Request {TrackingNumber} is due on {DueOn} but has no officer to remind", request.TrackingNumber, request.DueOn);
                continue;
            }

            var dueText = RequestPresentation.Date(request.DueOn);
            await notifier.NotifyAsync(new Notification(
                recipients,
                $"依申请公开提醒：{request.TrackingNumber} 还有{left}个工作日到期",
                $"申请 {request.TrackingNumber} 的答复期限为{dueText}，还有{left}个工作日。请及时办理：/admin/requests/{request.TrackingNumber}",
                "request.due-soon"), cancellationToken);
            db.Set<RequestReminder>().Add(new RequestReminder
            {
                RequestId = request.Id,
                WorkingDaysBefore = threshold,
                DueOn = request.DueOn,
                SentAt = clock.GetUtcNow(),
                Recipient = request.AssignedTo ?? "本机关全部经办人",
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another run recorded this reminder first (the unique key): its messages stand, ours are dropped.
                db.ChangeTracker.Clear();
            }
        }

        return sent;
    }
}
