using System.Globalization;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Oversight;

/// <summary>
/// Reminds each body of last year's annual report before its deadline (条例 第四十九条: departments by 31 January,
/// governments by 31 March): 14 days before, 3 days before, and once when overdue (<see cref="AnnualReportRules.ReminderDue"/>),
/// to the body's admins and editors. The outbox is the record: the subject names body, year and stage, and one already
/// sent is not sent again. A leased recurring job, every morning at 08:40 Beijing time.
/// </summary>
public sealed class AnnualReportReminderJob(
    GongkaiDbContext db, AnnualReportDesk desk, INotifier notifier, UserManager<StaffUser> users,
    ILogger<AnnualReportReminderJob> logger) : IRecurringJob
{
    public const string NotificationKind = "oversight.annual-report-due";

    public string Name => "oversight.annual-report-reminders";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(8, 40));

    public async Task RunAsync(CancellationToken cancellationToken) => await RemindAsync(cancellationToken);

    /// <summary>Sends today's reminders; returns how many bodies were reminded.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        var today = desk.Today;
        var year = today.Year - 1;
        var due = await desk.DashboardForAsync(null, year, cancellationToken);
        var sent = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == NotificationKind)
            .Select(m => m.Subject).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var staff = (await users.GetUsersInRoleAsync(StaffRoles.BodyAdmin)).Concat(await users.GetUsersInRoleAsync(StaffRoles.Editor))
            .DistinctBy(u => u.Id).ToLookup(u => u.BodyId);
        var reminded = 0;
        foreach (var body in due)
        {
            var published = body.State is ReportDeadlineState.PublishedOnTime or ReportDeadlineState.PublishedLate;
            if (AnnualReportRules.ReminderDue(body.DueOn, today, published) is not { } stage)
            {
                continue;
            }

            var subject = Subject(body.Body.Name, year, stage, body.DueOn);
            var recipients = staff[body.Body.Id].Select(u => u.Id).ToList();
            if (sent.Contains(subject) || recipients.Count == 0)
            {
                if (recipients.Count == 0)
                {
                    logger.LogWarning("The {Year} annual report of body {Body} is due on {DueOn} and the body has no admin or editor to remind", year, body.Body.Id, body.DueOn);
                }

                continue;
            }

            var status = body.Report is null ? "尚未生成" : "尚未发布";
            await notifier.NotifyAsync(new Notification(recipients, subject, string.Create(CultureInfo.InvariantCulture,
                $"{body.Body.Name}{year}年政府信息公开工作年度报告{status}。按《政府信息公开条例》第四十九条，{(body.IsGovernment ? "人民政府" : "政府部门")}应于{body.DueOn:yyyy年M月d日}前公布上一年度报告。\n生成、校验和发布：/admin/oversight/annual-reports?year={year}"),
                NotificationKind), cancellationToken);
            sent.Add(subject);
            reminded++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return reminded;
    }

    /// <summary>Names body, year, stage and deadline: also the key that keeps the reminder from repeating.</summary>
    public static string Subject(string bodyName, int year, string stage, DateOnly dueOn) => stage switch
    {
        "overdue" => string.Create(CultureInfo.InvariantCulture, $"年度报告已逾期：{bodyName}{year}年报告应于{dueOn:yyyy年M月d日}前公布"),
        "3" => string.Create(CultureInfo.InvariantCulture, $"年度报告3日内到期：{bodyName}{year}年报告应于{dueOn:yyyy年M月d日}前公布"),
        _ => string.Create(CultureInfo.InvariantCulture, $"年度报告提醒：{bodyName}{year}年报告应于{dueOn:yyyy年M月d日}前公布"),
    };
}
