using System.Globalization;
using System.Security.Claims;
using Gongkai.Calendar;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Time;
using Gongkai.Platform.Web;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Oversight;

/// <summary>Where the calendar stands for the statutory clocks: the year wanted (null when none is), the clocks of
/// every module that counts them (<see cref="IOpenClockCensus"/>), and their totals.</summary>
public sealed record CalendarReadinessStatus(DateOnly Today, int? MissingYear, IReadOnlyList<OpenClockCount> Clocks)
{
    public int Open => Clocks.Sum(c => c.Open);

    public int Waiting => Clocks.Sum(c => c.WaitingForYear);

    /// <summary>The warning in one paragraph, for the banner and the notification; null when nothing is missing.</summary>
    public string? Message => MissingYear is not { } year ? null : string.Create(CultureInfo.InvariantCulture,
        $"尚未导入{year}年法定节假日安排：法定期限计算到{year - 1}年12月31日为止，之后的期限暂停计算。目前有 {Waiting} 个时限因此暂停、无法确定到期日；另有 {Open - Waiting} 个正在计时的事项，延期、中止后可能需要{year}年的安排。请在国务院办公厅公布后导入。");
}

/// <summary>Reads the calendar's covered years and asks every registered clock census.</summary>
public sealed class CalendarReadiness(CalendarService calendars, IEnumerable<IOpenClockCensus> censuses, TimeProvider clock)
{
    public const string NotificationKind = "calendar.year-missing";

    public async Task<CalendarReadinessStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var counts = new List<OpenClockCount>();
        foreach (var census in censuses)
        {
            counts.Add(await census.CountAsync(calendar, today, cancellationToken));
        }

        return new CalendarReadinessStatus(today, CalendarReadinessRule.MissingYear(today, calendar.CoveredYears), counts);
    }

    /// <summary>Only the year wanted, without counting clocks: the cheap question the console banner asks first.</summary>
    public async Task<int?> MissingYearAsync(CancellationToken cancellationToken = default) =>
        CalendarReadinessRule.MissingYear(ChinaTime.Today(clock), (await calendars.GetCalendarAsync(cancellationToken)).CoveredYears);
}

/// <summary>Warns the system administrators once a week, from 1 October until next year's holiday schedule is
/// imported (<see cref="CalendarReadinessRule"/>). The last warning is read from the outbox (its kind), so a restart,
/// another node or a missed day never sends two in a week, and a day missed is caught up the next.</summary>
public sealed class CalendarReadinessJob(
    GongkaiDbContext db, CalendarReadiness readiness, CalendarService calendars, INotifier notifier, UserManager<StaffUser> users, TimeProvider clock,
    ILogger<CalendarReadinessJob> logger) : IRecurringJob
{
    public string Name => "oversight.calendar-readiness";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(9, 0));

    public async Task RunAsync(CancellationToken cancellationToken) => await WarnIfDueAsync(cancellationToken);

    /// <summary>Sends this week's warning if one is due; true when it was sent.</summary>
    public async Task<bool> WarnIfDueAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var last = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Kind == CalendarReadiness.NotificationKind)
            .OrderByDescending(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (!CalendarReadinessRule.WarningDue(today, calendar.CoveredYears, last is { } at ? ChinaTime.DateOf(at) : null))
        {
            return false;
        }

        var status = await readiness.StatusAsync(cancellationToken);
        var admins = (await users.GetUsersInRoleAsync(StaffRoles.SystemAdmin)).Select(a => a.Id).ToList();
        if (admins.Count == 0 || status.MissingYear is not { } year)
        {
            logger.LogWarning("The {Year} holiday schedule is missing and no system administrator can be warned", status.MissingYear);
            return false;
        }

        var lines = string.Join("\n", status.Clocks.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"- {c.Area}：正在计时 {c.Open} 个，其中暂停等待 {c.WaitingForYear} 个（{c.Href}）")));
        await notifier.NotifyAsync(new Notification(
            admins,
            string.Create(CultureInfo.InvariantCulture, $"请导入{year}年法定节假日安排（{status.Waiting} 个时限正在等待）"),
            $"{status.Message}\n\n{lines}\n\n导入：/admin/calendar（或 `gongkai calendar import`）。导入前每周提醒一次。",
            CalendarReadiness.NotificationKind), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>The console banner of calendar readiness, shown to system administrators on every console page while a
/// year is wanted (from 1 October for next year).</summary>
public sealed class CalendarReadinessBanner(CalendarReadiness readiness) : IConsoleBanner
{
    public async Task<ConsoleBannerMessage?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(StaffRoles.SystemAdmin) || await readiness.MissingYearAsync(cancellationToken) is null)
        {
            return null;
        }

        var status = await readiness.StatusAsync(cancellationToken);
        return status.Message is { } message ? new ConsoleBannerMessage(message, "/admin/calendar", "导入节假日安排") : null;
    }
}
