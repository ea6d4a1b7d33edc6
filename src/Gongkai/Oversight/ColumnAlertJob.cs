using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Oversight;

/// <summary>
/// Tells a body's administrators, before it counts, that a column is about to go stale: every column that is
/// "stale soon" (<see cref="ColumnFreshness.WarningDays"/> days or less before its window ends) gets one notification
/// per stale date. The outbox is the record of what was sent: a column already alerted for that date (same kind and
/// subject, which names body, column and date) is not alerted again, so reruns, catch-up runs and other nodes send
/// nothing twice, and a column updated and then nearing its new date is alerted afresh.
/// A leased recurring job, every morning at 08:30 Beijing time.
/// </summary>
public sealed class ColumnAlertJob(
    GongkaiDbContext db, PublishedColumns columns, BodyDirectory directory, INotifier notifier, UserManager<StaffUser> users, TimeProvider clock,
    ILogger<ColumnAlertJob> logger) : IRecurringJob
{
    public const string NotificationKind = "oversight.column-stale-soon";

    public string Name => "oversight.column-alerts";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(8, 30));

    public async Task RunAsync(CancellationToken cancellationToken) => await AlertAsync(cancellationToken);

    /// <summary>Sends the alerts due today; returns how many columns were alerted.</summary>
    public async Task<int> AlertAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var activity = await columns.ActivityAsync(null, cancellationToken);
        var inspection = ColumnFreshness.Inspect(
            activity.Select(a => new ColumnFacts(a.Id, a.Name, a.UpdateFrequency, a.PublishedCount, a.LastPublishedAt)), today, ChinaTime.DateOf);
        var soon = inspection.Columns.Where(c => c.StaleSoon && c.StaleOn is not null).ToList();
        if (soon.Count == 0)
        {
            return 0;
        }

        var byId = activity.ToDictionary(a => a.Id);
        var hierarchy = await directory.LoadAsync(cancellationToken);
        var bodyAdmins = (await users.GetUsersInRoleAsync(StaffRoles.BodyAdmin)).ToLookup(u => u.BodyId);
        var alreadySent = (await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Kind == NotificationKind && m.CreatedAt >= clock.GetUtcNow().AddDays(-2 * ColumnFreshness.WarningDays - 2))
            .Select(m => m.Subject).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var alerted = 0;
        foreach (var reading in soon)
        {
            var column = byId[reading.Column.Id];
            var body = hierarchy.Find(column.BodyId);
            var staleOn = reading.StaleOn.GetValueOrDefault();
            var subject = Subject(body?.Name ?? "", column.Path, staleOn);
            if (alreadySent.Contains(subject))
            {
                continue;
            }

            var recipients = bodyAdmins[column.BodyId].Select(u => u.Id).ToList();
            if (recipients.Count == 0)
            {
                logger.LogWarning("Column {Column} of body {Body} goes stale on {StaleOn} and the body has no administrator to alert", column.Id, column.BodyId, staleOn);
                continue;
            }

            var left = staleOn.DayNumber - today.DayNumber;
            var lastUpdated = reading.Column.LastUpdated is { } at ? ChinaTime.DateOf(at).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "无";
            await notifier.NotifyAsync(new Notification(
                recipients,
                subject,
                string.Create(CultureInfo.InvariantCulture,
                    $"栏目“{column.Path}”最近一次更新为{lastUpdated}，按{ColumnFreshness.ChineseName(reading.Kind)}的更新要求，{left}天后（{staleOn:yyyy年M月d日}起）将计为超期未更新（国办秘函〔2019〕19号）。请及时发布更新。\n自查结果：/admin/oversight/inspection?body={body?.Code}"),
                NotificationKind), cancellationToken);
            alreadySent.Add(subject);
            alerted++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return alerted;
    }

    /// <summary>Names the body, the column (by its path, unique within the body) and the date, so it is also the key that keeps the alert from repeating.</summary>
    public static string Subject(string bodyName, string columnPath, DateOnly staleOn) =>
        string.Create(CultureInfo.InvariantCulture, $"网站自查预警：{bodyName}“{columnPath}”栏目将于{staleOn:yyyy年M月d日}超期未更新");
}
