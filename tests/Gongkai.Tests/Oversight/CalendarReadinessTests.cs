using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Calendar;
using Gongkai.Organizations;
using Gongkai.Oversight;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Oversight;

/// <summary>Calendar readiness on a fake clock standing at 4 December 2026, with 2027's holiday schedule not loaded
/// (as in the shipped calendar): the system administrators are warned once a week, by notification and on every
/// console page, with the clocks that wait; an application filed today waits for 2027 in the queue; importing 2027
/// ends the warnings.</summary>
public sealed class CalendarReadinessTests
{
    private static async Task<bool> WarnAsync(JoblessOversightClockFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarReadinessJob>().WarnIfDueAsync();
    }

    private static async Task<List<OutboxMessage>> WarningsAsync(JoblessOversightClockFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Kind == CalendarReadiness.NotificationKind).ToListAsync();
    }

    [Fact]
    public async Task System_administrators_are_warned_weekly_until_next_years_schedule_is_imported()
    {
        await using var host = new JoblessOversightClockFactory();
        string bodyCode;
        int systemAdmins;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            bodyCode = await db.Set<Body>().Where(b => b.Id == 1).Select(b => b.Code).SingleAsync();
            systemAdmins = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>()
                .GetUsersInRoleAsync(StaffRoles.SystemAdmin)).Count;
            Assert.DoesNotContain(2027, (await scope.ServiceProvider.GetRequiredService<CalendarService>().GetCalendarAsync()).CoveredYears);
        }

        Assert.True(systemAdmins > 0, "the demo accounts include a system administrator");
        var waitingBefore = await WaitingAsync(host);

        // An application filed on 4 December: its 20 working days run into 2027 (from 3 December they end on 31
        // December), so it waits without a due date.
        host.Clock.Advance(TimeSpan.FromDays(1));
        using var citizen = host.CreateClient();
        var response = await citizen.PostAsJsonAsync(new Uri("/api/v1/requests", UriKind.Relative), new Dictionary<string, object?>
        {
            ["applicantType"] = "自然人",
            ["name"] = "张三",
            ["idType"] = "居民身份证",
            ["idNumber"] = "11010519491231002x",
            ["phone"] = "13800000000",
            ["description"] = "本市2026年老旧小区改造项目清单",
            ["form"] = "electronic",
            ["delivery"] = "email",
            ["email"] = "zhangsan@example.cn",
            ["body"] = bodyCode,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, filed.GetProperty("dueOn").ValueKind);
        Assert.Equal(waitingBefore + 1, await WaitingAsync(host));

        // The first run warns every system administrator, naming the year and the number of clocks waiting.
        Assert.True(await WarnAsync(host));
        var warnings = await WarningsAsync(host);
        Assert.Equal(systemAdmins, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("请导入2027年法定节假日安排", w.Subject, StringComparison.Ordinal));
        Assert.Contains($"目前有 {waitingBefore + 1} 个时限因此暂停", warnings[0].Body, StringComparison.Ordinal);
        Assert.Contains("依申请公开答复期限", warnings[0].Body, StringComparison.Ordinal);

        // Not again the same week — the next day, nor six days on; on the seventh day the week's warning goes out.
        Assert.False(await WarnAsync(host));
        host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.False(await WarnAsync(host));
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await WarnAsync(host));
        Assert.Equal(2 * systemAdmins, (await WarningsAsync(host)).Count);

        // The console banner: on every console page for a system administrator, not for other staff.
        using var admin = host.CreateClient().SignedInAs("readiness.admin", 1, StaffRoles.SystemAdmin);
        var console = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative));
        Assert.Contains("尚未导入2027年法定节假日安排", console, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/calendar\"", console, StringComparison.Ordinal);
        using var officer = host.CreateClient().SignedInAs("readiness.officer", 1, StaffRoles.RequestOfficer);
        Assert.DoesNotContain("尚未导入2027年法定节假日安排", await officer.GetStringAsync(new Uri("/admin", UriKind.Relative)), StringComparison.Ordinal);

        // The request queue shows the filed application as waiting for 2027, not as an unexplained blank.
        var queue = await officer.GetStringAsync(new Uri("/admin/requests", UriKind.Relative));
        Assert.Contains("等待2027年节假日安排", queue, StringComparison.Ordinal);

        // Importing 2027 ends it: no banner, no more warnings, and the application has its due date.
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CalendarService>().ImportYearAsync(
                new HolidayYearFile(2027, [new SpecialDay(new DateOnly(2027, 1, 1), true, "元旦")]), "readiness.admin");
        }

        host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.False(await WarnAsync(host));
        Assert.DoesNotContain("尚未导入2027年法定节假日安排", await admin.GetStringAsync(new Uri("/admin", UriKind.Relative)), StringComparison.Ordinal);
    }

    private static async Task<int> WaitingAsync(JoblessOversightClockFactory host)
    {
        using var scope = host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CalendarReadiness>().StatusAsync()).Waiting;
    }
}
