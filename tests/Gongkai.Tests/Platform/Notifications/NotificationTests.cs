using System.Net;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Gongkai.Tests.Platform.Notifications;

public sealed class NotificationTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private const string Subject = "依申请公开答复期限提醒";
    private const string Body = "您好：\n申请编号 2026-0001（关于2018年工作计划）的答复期限为2026年3月20日，请及时办理。\n——绵阳市人民政府办公室";

    [Fact]
    public async Task With_SMTP_configured_a_notification_is_mailed_in_the_background_in_UTF8_to_staff_and_addresses()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = factory.WithTestAuth(settings: new Dictionary<string, string?>
        {
            ["Gongkai:Mail:SmtpHost"] = "127.0.0.1",
            ["Gongkai:Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gongkai:Mail:From"] = "noreply@mianyang.example",
            // Delivery must not wait for the poll: saving the notification wakes the runner.
            ["Gongkai:Jobs:PollInterval"] = "01:00:00",
        });
        var staffId = await AddStaffAsync(host, "zhang.wei@mianyang.example");

        var ids = await NotifyAsync(host, [staffId, "citizen@example.com"]);

        await WaitUntilAsync(() => smtp.Received.Count >= 2);
        Assert.Equal(["citizen@example.com", "zhang.wei@mianyang.example"], smtp.Received.SelectMany(m => m.Envelope).Order());
        foreach (var mail in smtp.Received)
        {
            Assert.Equal(Subject, mail.Message.Subject);
            Assert.Equal("noreply@mianyang.example", mail.Message.From.Mailboxes.Single().Address);
            var text = Assert.IsType<TextPart>(mail.Message.Body);
            Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
            Assert.Equal(Body, text.Text.ReplaceLineEndings("\n").TrimEnd('\n'));
        }

        await WaitUntilAsync(() => MessagesAsync(host, ids).Result.All(m => m.Status == OutboxStatus.Sent));
        var messages = await MessagesAsync(host, ids);
        Assert.All(messages, m =>
        {
            Assert.NotNull(m.SentAt);
            Assert.Equal(1, m.Attempts);
            Assert.Null(m.Error);
        });
    }

    [Fact]
    public async Task A_send_that_fails_stays_in_the_outbox_and_is_retried_until_the_mail_server_answers()
    {
        var port = TestSmtpServer.FreePort();      // nobody listens here yet
        await using var host = factory.WithTestAuth(settings: new Dictionary<string, string?>
        {
            ["Gongkai:Mail:SmtpHost"] = "127.0.0.1",
            ["Gongkai:Mail:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gongkai:Jobs:PollInterval"] = "00:00:00.100",
            ["Gongkai:Jobs:RetryBaseDelay"] = "00:00:00.500",
            ["Gongkai:Jobs:MaxRetryDelay"] = "00:00:00.500",
        });

        var id = (await NotifyAsync(host, ["citizen@example.com"])).Single();

        await WaitUntilAsync(() => MessagesAsync(host, [id]).Result.Single().Error is not null);
        var failed = (await MessagesAsync(host, [id])).Single();
        Assert.Equal(OutboxStatus.Queued, failed.Status);
        Assert.True(failed.Attempts >= 1);

        await using var smtp = await TestSmtpServer.StartAsync(port);
        await WaitUntilAsync(() => MessagesAsync(host, [id]).Result.Single().Status == OutboxStatus.Sent);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal(Subject, mail.Message.Subject);
        var sent = (await MessagesAsync(host, [id])).Single();
        Assert.True(sent.Attempts >= 2);
        Assert.Null(sent.Error);
    }

    [Fact]
    public async Task Without_SMTP_notifications_wait_in_the_outbox_which_only_system_admins_can_read()
    {
        await using var host = factory.WithTestAuth();
        var staffWithoutMail = await AddStaffAsync(host, email: null);

        var ids = await NotifyAsync(host, ["citizen@example.com", staffWithoutMail]);

        var messages = await MessagesAsync(host, ids);
        var queued = Assert.Single(messages, m => m.To == "citizen@example.com");
        Assert.Equal(OutboxStatus.Queued, queued.Status);
        var unreachable = Assert.Single(messages, m => m.To == staffWithoutMail);
        Assert.Equal(OutboxStatus.Failed, unreachable.Status);
        Assert.Contains("电子邮箱", unreachable.Error, StringComparison.Ordinal);
        using (var scope = host.Services.CreateScope())
        {
            var deliveries = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ScheduledJob>()
                .Where(j => j.Kind == OutboxDelivery.JobKind).Select(j => j.Payload).ToListAsync();
            Assert.DoesNotContain(deliveries, payload => ids.Any(id => payload.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)));
        }

        using var admin = host.CreateClient().SignedInAs("test-user", 1, StaffRoles.SystemAdmin);
        var page = await admin.GetAsync(new Uri("/admin/outbox", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>发件箱</h1>", html, StringComparison.Ordinal);
        Assert.Contains(Subject, html, StringComparison.Ordinal);
        Assert.Contains("citizen@example.com", html, StringComparison.Ordinal);
        Assert.Contains("申请编号 2026-0001", html, StringComparison.Ordinal);
        Assert.Contains("待发送", html, StringComparison.Ordinal);
        Assert.Contains("发送失败", html, StringComparison.Ordinal);

        foreach (var role in new[] { StaffRoles.BodyAdmin, StaffRoles.Editor, StaffRoles.Auditor })
        {
            using var other = host.CreateClient().SignedInAs("test-user", 1, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri("/admin/outbox", UriKind.Relative))).StatusCode);
        }

        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/admin/outbox", UriKind.Relative))).StatusCode);
    }

    private static async Task<string> AddStaffAsync(WebApplicationFactory<Program> host, string? email)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var user = new StaffUser { UserName = "staff-" + Guid.NewGuid().ToString("N")[..8], Email = email, BodyId = 1, DisplayName = "张伟" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task<List<Guid>> NotifyAsync(WebApplicationFactory<Program> host, string[] recipients)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        await scope.ServiceProvider.GetRequiredService<INotifier>()
            .NotifyAsync(new Notification(recipients, Subject, Body, "request.due-soon"));
        var ids = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity.Id).ToList();
        await db.SaveChangesAsync();
        return ids;
    }

    private static async Task<List<OutboxMessage>> MessagesAsync(WebApplicationFactory<Program> host, IReadOnlyList<Guid> ids)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => ids.Contains(m.Id)).ToListAsync();
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Poll.UntilAsync(condition, TimeSpan.FromSeconds(20), "delivery");
}
