using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Hotline;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Hotline;

/// <summary>The handler's own extension request decided by the centre, and the evaluation link sent by SMS.</summary>
public sealed class HotlineExtensionAndSmsTests(HotlineClockFactory factory) : IClassFixture<HotlineClockFactory>
{
    private static DateTimeOffset China(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static async Task<JsonElement> PostEventAsync(HttpClient client, int id, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(new Uri($"/api/v1/hotline/tickets/{id}/events", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A ticket taken in on 30 September (the eve of 国庆节), dispatched and signed: reply due at the end of 13 October (8, 9, 10 — the make-up Saturday —, 12, 13).</summary>
    private static async Task<(int Id, string Number)> SignedTicketAsync(HttpClient operatorClient, HttpClient handler, string bodyCode, bool smsConsent = false)
    {
        var intake = await HotlineTestData.SucceededJsonAsync(await operatorClient.PostAsJsonAsync(new Uri("/api/v1/hotline/tickets", UriKind.Relative), new
        {
            channel = "phone", category = "0102", description = "路边占道经营，影响通行。", district = "涪城区", callerName = "孙八", callerPhone = "139 1234 5678", smsConsent,
        }));
        var id = intake.GetProperty("id").GetInt32();
        await PostEventAsync(operatorClient, id, new { type = "dispatched", body = bodyCode });
        await PostEventAsync(handler, id, new { type = "signed" });
        return (id, intake.GetProperty("serviceRequestId").GetString()!);
    }

    [Fact]
    public async Task The_body_asks_for_an_extension_the_centre_refuses_with_a_reason_then_approves_a_second_request_and_the_clock_moves_only_then()
    {
        await using var host = new HotlineClockFactory();
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(host.Services);
        using var operatorClient = await host.CreateStaffClientAsync("hotline.ext", StaffRoles.HotlineOperator);
        using var handler = host.CreateClient().SignedInAs("handler.ext", first.Id, StaffRoles.HotlineHandler);
        host.Clock.SetUtcNow(HotlineClockFactory.Start);
        var (id, number) = await SignedTicketAsync(operatorClient, handler, first.Code);

        // The centre cannot ask in the body's name, and the body cannot approve its own request.
        await PostEventAsync(operatorClient, id, new { type = "extension-requested", workingDays = 3, reason = "x" }, HttpStatusCode.Forbidden);
        await PostEventAsync(handler, id, new { type = "extension-requested", workingDays = 3 }, HttpStatusCode.BadRequest);
        host.Clock.SetUtcNow(China(10, 9, 9));
        var asked = await PostEventAsync(handler, id, new { type = "extension-requested", workingDays = 3, reason = "需协调供电公司迁改线路" });
        Assert.Equal(3, asked.GetProperty("pendingExtensionDays").GetInt32());
        Assert.Equal(China(10, 14, 0), asked.GetProperty("replyDueAt").GetDateTimeOffset());
        await PostEventAsync(handler, id, new { type = "extension-approved" }, HttpStatusCode.Forbidden);
        await PostEventAsync(handler, id, new { type = "extension-requested", workingDays = 2, reason = "再申请" }, HttpStatusCode.Conflict);

        // Refused: the clock stays, and the handler reads why on the ticket page.
        await PostEventAsync(operatorClient, id, new { type = "extension-refused" }, HttpStatusCode.BadRequest);
        var refused = await PostEventAsync(operatorClient, id, new { type = "extension-refused", reason = "可先设置临时隔离，无需延期" });
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("pendingExtensionDays").ValueKind);
        Assert.Equal(China(10, 14, 0), refused.GetProperty("replyDueAt").GetDateTimeOffset());
        var page = await handler.GetStringAsync(new Uri($"/admin/hotline/tickets/{number}", UriKind.Relative));
        Assert.Contains("延期申请未获批准", page, StringComparison.Ordinal);
        Assert.Contains("可先设置临时隔离，无需延期", page, StringComparison.Ordinal);
        await PostEventAsync(operatorClient, id, new { type = "extension-refused", reason = "再次" }, HttpStatusCode.Conflict);

        // Asked again; approved without naming days: the days asked for, after the old due day (14, 15, 16 October).
        await PostEventAsync(handler, id, new { type = "extension-requested", workingDays = 3, reason = "线路迁改须停电，已约定 10 月 19 日" });
        var approved = await PostEventAsync(operatorClient, id, new { type = "extension-approved" });
        Assert.Equal(China(10, 17, 0), approved.GetProperty("replyDueAt").GetDateTimeOffset());
        Assert.Contains(approved.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "extension-approved" && e.GetProperty("workingDays").GetInt32() == 3);

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var actions = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Target == number).Select(a => a.Action).ToListAsync();
        Assert.Equal(2, actions.Count(a => a == "hotline.extension-requested"));
        Assert.Contains("hotline.extension-refused", actions);
        Assert.Contains("hotline.extension-approved", actions);
        // The centre was told of each request, the handler of each decision (outbox, no SMTP in tests).
        var notices = await db.Set<Gongkai.Platform.Notifications.OutboxMessage>().AsNoTracking().Where(m => m.Subject.Contains(number)).Select(m => m.Kind).ToListAsync();
        Assert.Contains("hotline.extension-requested", notices);
        Assert.Contains("hotline.extension-refused", notices);
    }

    [Fact]
    public async Task Without_a_gateway_the_evaluation_link_is_recorded_in_the_outbox_and_the_link_lets_the_caller_rate()
    {
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        using var operatorClient = await factory.CreateStaffClientAsync("hotline.sms", StaffRoles.HotlineOperator);
        using var handler = factory.CreateClient().SignedInAs("handler.sms", first.Id, StaffRoles.HotlineHandler);
        var (id, number) = await SignedTicketAsync(operatorClient, handler, first.Code, smsConsent: true);
        var (silentId, silentNumber) = await SignedTicketAsync(operatorClient, handler, first.Code, smsConsent: false);
        await PostEventAsync(handler, id, new { type = "replied", text = "已清理占道摊点，并安排巡查。" });
        await PostEventAsync(handler, silentId, new { type = "replied", text = "已处理。" });

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var messages = await db.Set<HotlineSmsMessage>().AsNoTracking().Where(m => m.TicketId == id || m.TicketId == silentId).ToListAsync();
        var message = Assert.Single(messages); // the caller who did not agree gets nothing
        Assert.Equal((id, "13912345678", SmsStatus.Recorded), (message.TicketId!.Value, message.To, message.Status));
        var token = await db.Set<HotlineTicket>().Where(t => t.Id == id).Select(t => t.EvaluationToken).SingleAsync();
        Assert.Matches("^[0-9a-f]{32}$", token);
        Assert.Contains($"/hotline/track?e={token}", message.Text, StringComparison.Ordinal);
        Assert.Contains(number, message.Text, StringComparison.Ordinal);

        var outbox = await operatorClient.GetStringAsync(new Uri("/admin/hotline/sms", UriKind.Relative));
        Assert.Contains(number, outbox, StringComparison.Ordinal);
        Assert.Contains("未配置短信网关", outbox, StringComparison.Ordinal);
        Assert.DoesNotContain(silentNumber, outbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync(new Uri("/admin/hotline/sms", UriKind.Relative))).StatusCode);

        // The caller opens the link (no number, no 查询码) and rates the reply.
        using var caller = factory.CreateClient();
        var link = $"/hotline/track?e={token}";
        var form = await caller.GetStringAsync(new Uri(link, UriKind.Relative));
        Assert.Contains("已清理占道摊点", form, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", form, StringComparison.Ordinal);
        var rated = await caller.SubmitAsync(link, new Dictionary<string, string> { ["e"] = token, ["Rating"] = "satisfied" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Contains("感谢您的评价", await rated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var view = await HotlineTestData.SucceededJsonAsync(await operatorClient.GetAsync(new Uri($"/api/v1/hotline/tickets/{id}", UriKind.Relative)));
        Assert.Equal("evaluated", view.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync(new Uri($"/hotline/track?e={new string('0', 32)}", UriKind.Relative))).StatusCode);
        Assert.Contains("不正确", await caller.GetStringAsync(new Uri($"/hotline/track?e={new string('0', 32)}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_gateway_the_message_is_posted_as_signed_json_to_a_real_local_receiver()
    {
        var received = new ConcurrentQueue<(string Body, string Signature, string Timestamp)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var gateway = builder.Build();
        gateway.MapPost("/sms/send", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            received.Enqueue((await reader.ReadToEndAsync(), request.Headers["X-Gongkai-Signature"].ToString(), request.Headers["X-Gongkai-Timestamp"].ToString()));
            return Results.Json(new { messageId = "gw-0001" });
        });
        await gateway.StartAsync();

        await using var host = new SmsGatewayFactory(gateway.Urls.First() + "/sms/send");
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(host.Services);
        using var operatorClient = await host.CreateStaffClientAsync("hotline.gw", StaffRoles.HotlineOperator);
        using var handler = host.CreateClient().SignedInAs("handler.gw", first.Id, StaffRoles.HotlineHandler);
        var (id, number) = await SignedTicketAsync(operatorClient, handler, first.Code, smsConsent: true);
        await PostEventAsync(handler, id, new { type = "replied", text = "已清理。" });

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var message = await db.Set<HotlineSmsMessage>().AsNoTracking().SingleAsync(m => m.TicketId == id);
        Assert.Equal(SmsStatus.Queued, message.Status);
        var job = await db.Set<ScheduledJob>().AsNoTracking().SingleAsync(j => j.Kind == HotlineSmsDelivery.JobKind && j.Payload.Contains(message.Id.ToString()));
        var delivery = ActivatorUtilities.CreateInstance<HotlineSmsDelivery>(scope.ServiceProvider);
        await delivery.HandleAsync(new JobContext(job.Id, job.Kind, job.Payload, 1, 6), CancellationToken.None);

        var (body, signature, timestamp) = Assert.Single(received);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SmsGatewayFactory.Secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
        Assert.Equal(expected, signature);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("13912345678", json.GetProperty("to").GetString());
        Assert.Equal("hotline.evaluation-link", json.GetProperty("kind").GetString());
        Assert.Contains(number, json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("【12345热线】", json.GetProperty("text").GetString(), StringComparison.Ordinal);

        var sent = await db.Set<HotlineSmsMessage>().AsNoTracking().SingleAsync(m => m.Id == message.Id);
        Assert.Equal((SmsStatus.Sent, "gw-0001", 1), (sent.Status, sent.GatewayMessageId, sent.Attempts));
    }

    /// <summary>A host that sends text messages to a gateway on loopback (allowed explicitly), with background jobs off so
    /// the test runs the delivery itself.</summary>
    private sealed class SmsGatewayFactory(string gatewayUrl) : HotlineClockFactory
    {
        public const string Secret = "test-gateway-secret";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hotline:Sms:GatewayUrl", gatewayUrl);
            builder.UseSetting("Hotline:Sms:Secret", Secret);
            builder.UseSetting("Gongkai:OutboundHttp:AllowedHosts:0", "127.0.0.1");
            builder.UseSetting("Gongkai:Jobs:Enabled", "false");
        }
    }
}
