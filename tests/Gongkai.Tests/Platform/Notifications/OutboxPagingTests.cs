using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Platform.Notifications;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Platform.Notifications;

/// <summary>On a database of its own, so the page holds exactly the messages written here.</summary>
public sealed class OutboxPagingTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task The_outbox_lists_newest_first_thirty_to_a_page()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = factory.WithTestAuth(services => services.AddSingleton<TimeProvider>(clock));
        for (var i = 1; i <= 31; i++)
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<INotifier>()
                .NotifyAsync(new Notification(["citizen@example.com"], $"分页测试第{i:00}条", "正文", "test.paging"));
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        using var admin = host.CreateClient().SignedInAs("test-user", 1, StaffRoles.SystemAdmin);
        var first = await admin.GetStringAsync(new Uri("/admin/outbox", UriKind.Relative));
        Assert.True(first.IndexOf("分页测试第31条", StringComparison.Ordinal) < first.IndexOf("分页测试第30条", StringComparison.Ordinal));
        Assert.Contains("分页测试第02条", first, StringComparison.Ordinal);
        Assert.DoesNotContain("分页测试第01条", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/outbox?p=2\"", first, StringComparison.Ordinal);

        var second = await admin.GetStringAsync(new Uri("/admin/outbox?p=2", UriKind.Relative));
        Assert.Contains("分页测试第01条", second, StringComparison.Ordinal);
        Assert.DoesNotContain("分页测试第02条", second, StringComparison.Ordinal);
    }
}
