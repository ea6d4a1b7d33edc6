using Gongkai.Organizations;
using Gongkai.Oversight;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Oversight;

/// <summary>Annual report deadline reminders on a fake clock: on 20 January 2027 a department's 2026 report (due 31
/// January) is 11 days off and its editor is reminded once; the city government's (due 31 March) is not yet; on 29
/// January the 3-day reminder follows, once.</summary>
public sealed class AnnualReportReminderTests
{
    private static async Task<int> RunAsync(JoblessOversightClockFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnnualReportReminderJob>().RemindAsync();
    }

    private static async Task<List<OutboxMessage>> SentAsync(JoblessOversightClockFactory host, string to)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Kind == AnnualReportReminderJob.NotificationKind && m.To == to).ToListAsync();
    }

    [Fact]
    public async Task A_department_is_reminded_14_and_3_days_before_31_January_once_each_and_the_government_later()
    {
        await using var host = new JoblessOversightClockFactory();
        host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 1, 0, 0, TimeSpan.Zero));
        Body department, government;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var bodies = await db.Set<Body>().AsNoTracking().ToListAsync();
            department = bodies.First(b => !AnnualReportDesk.IsGovernment(b));
            government = bodies.First(AnnualReportDesk.IsGovernment);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            foreach (var (name, body) in new[] { ("report.department", department), ("report.government", government) })
            {
                var user = new StaffUser { UserName = name, Email = $"{name}@example.cn", BodyId = body.Id, DisplayName = name };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, StaffRoles.Editor)).Succeeded);
            }
        }

        Assert.True(await RunAsync(host) >= 1);
        var first = Assert.Single(await SentAsync(host, "report.department@example.cn"));
        Assert.Equal(AnnualReportReminderJob.Subject(department.Name, 2026, "14", new DateOnly(2027, 1, 31)), first.Subject);
        Assert.Contains("2027年1月31日前公布", first.Body, StringComparison.Ordinal);
        Assert.Empty(await SentAsync(host, "report.government@example.cn"));

        await RunAsync(host);
        Assert.Single(await SentAsync(host, "report.department@example.cn"));

        host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 29, 1, 0, 0, TimeSpan.Zero));
        await RunAsync(host);
        await RunAsync(host);
        var both = await SentAsync(host, "report.department@example.cn");
        Assert.Equal(2, both.Count);
        Assert.Contains(both, m => m.Subject.StartsWith("年度报告3日内到期", StringComparison.Ordinal));
        Assert.Empty(await SentAsync(host, "report.government@example.cn"));
    }
}
