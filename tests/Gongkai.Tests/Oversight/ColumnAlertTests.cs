using Gongkai.Organizations;
using Gongkai.Oversight;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Publishing;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Oversight;

/// <summary>On 3 December 2026: a 工作动态 column last updated on 20 November is fresh until 4 December and stale from
/// 5 December, so its body's administrator is alerted today — once, not again on the next run or the next day — while
/// another body's administrator hears nothing of it; once the column is updated, no alert stands for it.</summary>
public sealed class ColumnAlertTests
{
    private static async Task<int> RunAsync(JoblessOversightClockFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ColumnAlertJob>().AlertAsync();
    }

    private static async Task<List<OutboxMessage>> AlertsAsync(JoblessOversightClockFactory host, string subject)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Kind == ColumnAlertJob.NotificationKind && m.Subject == subject).ToListAsync();
    }

    [Fact]
    public async Task A_body_admin_is_alerted_three_days_before_a_column_goes_stale_and_only_once()
    {
        await using var host = new JoblessOversightClockFactory();
        var china = TimeSpan.FromHours(8);
        Body body;
        string path, adminEmail = "column.admin@example.cn", otherEmail = "other.admin@example.cn";
        int documentId;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var document = await db.Set<Document>().Where(d => d.Status == DocumentStatus.Published).OrderBy(d => d.Id).FirstAsync();
            body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == document.BodyId);
            var news = await db.Set<CatalogueNode>().SingleAsync(n => n.BodyId == body.Id && n.Name == "工作动态");
            await db.Set<Document>().Where(d => d.CatalogueNodeId == news.Id && d.Id != document.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.CatalogueNodeId, (int?)null));
            document.CatalogueNodeId = news.Id;
            document.PublishedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, china).ToUniversalTime();
            documentId = document.Id;
            await db.SaveChangesAsync();

            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var other = await db.Set<Body>().AsNoTracking().FirstAsync(b => b.Id != body.Id);
            foreach (var (name, email, bodyId) in new[] { ("column.admin", adminEmail, body.Id), ("other.admin", otherEmail, other.Id) })
            {
                var user = new StaffUser { UserName = name, Email = email, BodyId = bodyId, DisplayName = name };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, StaffRoles.BodyAdmin)).Succeeded);
            }
        }

        using (var scope = host.Services.CreateScope())
        {
            var columns = await scope.ServiceProvider.GetRequiredService<Gongkai.Publishing.Contracts.PublishedColumns>().ActivityAsync([body.Id]);
            path = columns.Single(c => c.Name == "工作动态").Path;
        }

        var subject = ColumnAlertJob.Subject(body.Name, path, new DateOnly(2026, 12, 5));
        Assert.True(await RunAsync(host) >= 1);
        var alerts = await AlertsAsync(host, subject);
        var alert = Assert.Single(alerts);
        Assert.Equal(adminEmail, alert.To);
        Assert.Contains("2026年11月20日", alert.Body, StringComparison.Ordinal);
        Assert.Contains("2天后（2026年12月5日起）将计为超期未更新", alert.Body, StringComparison.Ordinal);

        // Rerun the same day, and the next day: the same column and date are not alerted again.
        await RunAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync(host);
        Assert.Single(await AlertsAsync(host, subject));

        // Updated on 4 December: fresh until 18 December, nothing stands for the column now.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var document = await db.Set<Document>().SingleAsync(d => d.Id == documentId);
            document.PublishedAt = new DateTimeOffset(2026, 12, 4, 9, 0, 0, china).ToUniversalTime();
            await db.SaveChangesAsync();
        }

        await RunAsync(host);
        Assert.Empty(await AlertsAsync(host, ColumnAlertJob.Subject(body.Name, path, new DateOnly(2026, 12, 19))));
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Kind == ColumnAlertJob.NotificationKind && m.To == otherEmail && m.Subject == subject));
        }
    }
}
