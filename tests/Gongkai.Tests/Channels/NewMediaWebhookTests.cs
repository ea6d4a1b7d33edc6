using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Channels.NewMedia;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Platform.Pdf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Tests.Channels;

/// <summary>The webhook adapter's settings for tests: the loopback receiver allowed, retries after a second.</summary>
public sealed class WebhookFactory : TestAuthFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gongkai:OutboundHttp:AllowedHosts:0"] = "127.0.0.1",
        ["Gongkai:Channels:Webhooks:RetryBaseDelay"] = "00:00:01",
        ["Gongkai:Channels:Webhooks:MaxRetryDelay"] = "00:00:01",
        ["Gongkai:Channels:Webhooks:MaxAttempts"] = "3",
        ["Gongkai:Channels:Webhooks:SweepInterval"] = "00:00:01",
    };
}

/// <summary>A webhook request as the integration service received it.</summary>
public sealed record ReceivedWebhook(string? Event, string? Delivery, string? Timestamp, string? Signature, byte[] Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A body's integration service: Kestrel on a loopback port recording every webhook; <see cref="Failing"/> answers 500.</summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    private int _refused;

    /// <summary>Requests answered with 500.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public bool Failing { get; set; }

    public Uri Url { get; private set; } = null!;

    public static async Task<TestWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new TestWebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            if (receiver.Failing)
            {
                Interlocked.Increment(ref receiver._refused);
                return Results.StatusCode(500);
            }

            var headers = http.Request.Headers;
            receiver.Received.Enqueue(new ReceivedWebhook(headers[WebhookRules.EventHeader].FirstOrDefault(), headers[WebhookRules.DeliveryHeader].FirstOrDefault(),
                headers[WebhookRules.TimestampHeader].FirstOrDefault(), headers[WebhookRules.SignatureHeader].FirstOrDefault(), buffer.ToArray()));
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Delivery of new-media posts through their accounts' adapters, with real integration services over HTTP: a
/// released post reaches the webhook signed (the test verifies the signature as a receiver would), a failing endpoint
/// is retried and given up without holding up the other, then queued again by the editor; the export is confirmed by
/// the editor; the cover card scans to the original; withdrawal of the source sends <c>post.withdrawn</c> and flags the
/// export 须在平台删除 until the editor confirms its removal.</summary>
public sealed partial class NewMediaWebhookTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    [Fact]
    public async Task A_released_post_is_delivered_signed_a_failing_endpoint_is_retried_apart_and_withdrawal_takes_it_down_everywhere()
    {
        await using var good = await TestWebhookReceiver.StartAsync();
        await using var failing = await TestWebhookReceiver.StartAsync();
        failing.Failing = true;
        using var editor = await factory.CreateStaffClientAsync("webhook.editor", StaffRoles.Editor);
        using var reviewer = await factory.CreateStaffClientAsync("webhook.reviewer", StaffRoles.FinalReviewer);

        var (goodAccount, goodSecret) = await AccountWithWebhookAsync(editor, "微信公众号", good.Url, export: true);
        var (failingAccount, _) = await AccountWithWebhookAsync(editor, "微博", failing.Url, export: false);
        var source = await PublishAsync("关于新媒体签名回调测试的通知", "为方便群众办事，现将有关事项通知如下。");
        var goodPost = await ReleasedPostAsync(editor, reviewer, goodAccount, source.IndexNo);
        var failingPost = await ReleasedPostAsync(editor, reviewer, failingAccount, source.IndexNo);

        // post.released reaches the good endpoint, signed over timestamp and body with the account's secret.
        var released = await WaitForAsync(() => good.Received.FirstOrDefault(r => r.Event == PostEvents.Released), TimeSpan.FromSeconds(30), "post.released at the good endpoint");
        Assert.True(WebhookRules.Verify(goodSecret, released.Timestamp, released.Body, released.Signature, DateTimeOffset.UtcNow), "the signature verifies with the account's secret");
        Assert.False(WebhookRules.Verify("whsec_wrong", released.Timestamp, released.Body, released.Signature, DateTimeOffset.UtcNow));
        var json = released.Json;
        Assert.Equal(PostEvents.Released, json.GetProperty("event").GetString());
        var post = json.GetProperty("post");
        Assert.Equal(goodPost, post.GetProperty("id").GetInt32());
        Assert.Equal("关于新媒体签名回调测试的通知", post.GetProperty("title").GetString());
        Assert.Equal("http://localhost/documents/" + source.IndexNo, post.GetProperty("link").GetString());
        Assert.Equal(source.IndexNo, post.GetProperty("sourceIndexNo").GetString());
        Assert.Equal($"http://localhost/channels/posts/{goodPost}/cover.png", post.GetProperty("coverImageUrl").GetString());
        Assert.Equal(JsonValueKind.String, post.GetProperty("releasedAt").ValueKind);
        Assert.Equal(goodAccount, json.GetProperty("account").GetProperty("id").GetInt32());
        Assert.Equal(released.Delivery, (await DeliveriesAsync(goodPost)).Single().Id.ToString(CultureInfo.InvariantCulture));

        // The failing endpoint is tried three times, then given up; the status says so on the page and in the API.
        await Poll.UntilAsync(() => ChannelAsync(failingPost, PostAdapters.Webhook).GetAwaiter().GetResult() is { Status: PostChannelStatus.Failed },
            TimeSpan.FromSeconds(60), "the failing endpoint's delivery given up");
        Assert.Equal(3, failing.Refused);
        var api = await StatusAsync(editor, failingPost);
        var webhook = api.GetProperty("channels").EnumerateArray().Single();
        Assert.Equal("webhook", webhook.GetProperty("adapter").GetString());
        Assert.Equal("failed", webhook.GetProperty("status").GetString());
        Assert.Equal(3, webhook.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 500", webhook.GetProperty("lastError").GetString());
        Assert.Contains("投递失败", await editor.GetStringAsync(new Uri(ChannelsPaths.Post(failingPost), UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(await AuditedAsync("new-media.channel.retrying", failingPost));
        Assert.True(await AuditedAsync("new-media.channel.failed", failingPost));

        // The editor queues it again once the service is back.
        failing.Failing = false;
        Assert.Equal(ChannelsPaths.Post(failingPost), Landed(await editor.SubmitAsync(ChannelsPaths.Post(failingPost), [], handler: "Retry")));
        await WaitForAsync(() => failing.Received.FirstOrDefault(r => r.Event == PostEvents.Released), TimeSpan.FromSeconds(30), "the retried post.released");
        await Poll.UntilAsync(() => ChannelAsync(failingPost, PostAdapters.Webhook).GetAwaiter().GetResult() is { Status: PostChannelStatus.Delivered },
            TimeSpan.FromSeconds(30), "the retried delivery recorded");

        // The export: the editor records 已发布 with the platform's address.
        Assert.Equal(PostChannelStatus.Exported, (await ChannelAsync(goodPost, PostAdapters.Export))?.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.SubmitAsync(ChannelsPaths.Post(goodPost), new Dictionary<string, string> { ["PlatformPostUrl"] = "不是网址" }, handler: "Published")).StatusCode);
        Assert.Equal(ChannelsPaths.Post(goodPost), Landed(await editor.SubmitAsync(ChannelsPaths.Post(goodPost),
            new Dictionary<string, string> { ["PlatformPostUrl"] = "https://mp.weixin.qq.com/s/gongkai-test" }, handler: "Published")));
        Assert.Equal("https://mp.weixin.qq.com/s/gongkai-test", (await ChannelAsync(goodPost, PostAdapters.Export))?.PlatformPostUrl);
        Assert.True(await AuditedAsync("new-media.channel.confirmed", goodPost));

        // The cover card: a PNG whose QR code scans to the original, in the console and (released) publicly.
        var cover = await editor.GetByteArrayAsync(new Uri(PostChannels.ConsoleCoverPath(goodPost), UriKind.Relative));
        Assert.Equal("http://localhost/documents/" + source.IndexNo, PdfQr.DecodeImage(cover, CoverCard.QrArea(CoverShape.Wide)));
        using var visitor = factory.CreateClient();
        Assert.Equal("http://localhost/documents/" + source.IndexNo, PdfQr.DecodeImage(await visitor.GetByteArrayAsync(new Uri(PostChannels.PublicCoverPath(goodPost, CoverShape.Square), UriKind.Relative)), CoverCard.QrArea(CoverShape.Square)));

        // Withdrawal: post.withdrawn goes to the webhook, signed; the export is flagged until the editor removes it.
        await WithdrawAsync(source.Id);
        var withdrawn = await WaitForAsync(() => good.Received.FirstOrDefault(r => r.Event == PostEvents.Withdrawn), TimeSpan.FromSeconds(30), "post.withdrawn at the good endpoint");
        Assert.True(WebhookRules.Verify(goodSecret, withdrawn.Timestamp, withdrawn.Body, withdrawn.Signature, DateTimeOffset.UtcNow));
        Assert.Equal(goodPost, withdrawn.Json.GetProperty("post").GetProperty("id").GetInt32());
        await WaitForAsync(() => failing.Received.FirstOrDefault(r => r.Event == PostEvents.Withdrawn), TimeSpan.FromSeconds(30), "post.withdrawn at the other endpoint");
        await Poll.UntilAsync(() => ChannelAsync(goodPost, PostAdapters.Webhook).GetAwaiter().GetResult() is { Status: PostChannelStatus.Removed },
            TimeSpan.FromSeconds(30), "the webhook channel taken down");
        Assert.Equal(PostChannelStatus.RemovalNeeded, (await ChannelAsync(goodPost, PostAdapters.Export))?.Status);
        var page = await editor.GetStringAsync(new Uri(ChannelsPaths.Post(goodPost), UriKind.Relative));
        Assert.Contains("须在平台删除", page, StringComparison.Ordinal);
        Assert.Contains("已通知撤下", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(PostChannels.PublicCoverPath(goodPost), UriKind.Relative))).StatusCode);

        Assert.Equal(ChannelsPaths.Post(goodPost), Landed(await editor.SubmitAsync(ChannelsPaths.Post(goodPost), [], handler: "Removed")));
        Assert.Equal(PostChannelStatus.Removed, (await ChannelAsync(goodPost, PostAdapters.Export))?.Status);
        Assert.True(await AuditedAsync("new-media.channel.removed", goodPost));
        Assert.Equal("removed", (await StatusAsync(editor, goodPost)).GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("adapter").GetString() == "export").GetProperty("status").GetString());

        // Another body's editor can neither read the status nor confirm anything.
        using var stranger = factory.CreateClient().SignedInAs("webhook.stranger", 2, StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(new Uri($"/api/v1/new-media/posts/{goodPost}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync(new Uri($"/api/v1/new-media/posts/{failingPost}/webhook/retry", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task A_webhook_to_a_private_address_or_another_scheme_is_refused_and_nothing_is_saved()
    {
        using var editor = await factory.CreateStaffClientAsync("webhook.editor2", StaffRoles.Editor);
        var accountUrl = await RegisterAsync(editor, "客户端");
        foreach (var (url, reason) in new[] { ("http://10.1.2.3/hook", "公网地址"), ("ftp://example.com/hook", "http://"), ("http://localhost/hook", "本站") })
        {
            using var refused = await editor.SubmitAsync(accountUrl, new Dictionary<string, string> { ["ExportEnabled"] = "true", ["WebhookUrl"] = url }, handler: "Adapters");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains(reason, html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{url}\"", html, StringComparison.Ordinal);
        }

        using var none = await editor.SubmitAsync(accountUrl, new Dictionary<string, string> { ["WebhookUrl"] = "" }, handler: "Adapters");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("至少须有一种发布方式", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var id = int.Parse(accountUrl[(accountUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        var account = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<NewMediaAccount>().AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Null(account.WebhookUrl);
        Assert.False(account.ExportDisabled);
    }

    private static async Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook?> find, TimeSpan timeout, string waitingFor)
    {
        ReceivedWebhook? found = null;
        await Poll.UntilAsync(() => (found = find()) is not null, timeout, waitingFor);
        return found ?? throw new InvalidOperationException(waitingFor);
    }

    private static async Task<string> RegisterAsync(HttpClient editor, string platform)
    {
        using var registered = await editor.SubmitAsync(ChannelsPaths.NewAccount, new Dictionary<string, string>
        {
            ["BodyId"] = "1", ["Platform"] = platform, ["Name"] = "回调测试" + platform, ["PlatformAccountId"] = "wh" + Guid.NewGuid().ToString("N")[..10],
            ["Organizer"] = "绵阳市人民政府办公室", ["Responsible"] = "王五",
        });
        return Landed(registered);
    }

    private async Task<(int Id, string Secret)> AccountWithWebhookAsync(HttpClient editor, string platform, Uri webhook, bool export)
    {
        var accountUrl = await RegisterAsync(editor, platform);
        var form = new Dictionary<string, string> { ["WebhookUrl"] = webhook.AbsoluteUri };
        if (export)
        {
            form["ExportEnabled"] = "true";
        }

        using var saved = await editor.SubmitAsync(accountUrl, form, handler: "Adapters");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var secret = SecretShown().Match(await saved.Content.ReadAsStringAsync());
        Assert.True(secret.Success, "the new secret is shown once");
        // Shown once: the account page afterwards shows only its start.
        Assert.DoesNotContain(secret.Groups[1].Value, await editor.GetStringAsync(new Uri(accountUrl, UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(await AuditedAsync("new-media.account.adapters", int.Parse(accountUrl[(accountUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture), "new-media-account:"));
        return (int.Parse(accountUrl[(accountUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture), secret.Groups[1].Value);
    }

    private static async Task<int> ReleasedPostAsync(HttpClient editor, HttpClient reviewer, int accountId, string indexNo)
    {
        using var drafted = await editor.SubmitAsync(ChannelsPaths.Account(accountId), new Dictionary<string, string> { ["IndexNo"] = indexNo }, handler: "Draft");
        var postUrl = Landed(drafted);
        Assert.Equal(postUrl, Landed(await editor.SubmitAsync(postUrl, [], handler: "Submit")));
        Assert.Equal(postUrl, Landed(await reviewer.SubmitAsync(postUrl, new Dictionary<string, string> { ["Comment"] = "同意" }, handler: "Release")));
        return int.Parse(postUrl[(postUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, int postId)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/new-media/posts/{postId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string Landed(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }

    private async Task<(int Id, string IndexNo)> PublishAsync(string title, string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var document = await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
            new DocumentDraft(title, null, 1, DocumentCatalog.Notice, "综合政务", null, text));
        return (document.Id, document.IndexNo!);
    }

    private async Task WithdrawAsync(int documentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<DocumentPublisher>();
        publisher.MarkWithdrawn(await db.Set<Document>().SingleAsync(d => d.Id == documentId), "测试撤回", null, "测试");
        await publisher.SaveAndEvictAsync();
    }

    private async Task<NewMediaPostChannel?> ChannelAsync(int postId, string adapter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<NewMediaPostChannel>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.PostId == postId && c.Adapter == adapter);
    }

    private async Task<List<NewMediaWebhookDelivery>> DeliveriesAsync(int postId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<NewMediaWebhookDelivery>().AsNoTracking().Where(d => d.PostId == postId).ToListAsync();
    }

    private async Task<bool> AuditedAsync(string action, int id, string prefix = "new-media-post:")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var target = prefix + id.ToString(CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AnyAsync(a => a.Action == action && a.Target == target);
    }

    [GeneratedRegex("<code id=\"webhook-secret\">(whsec_[0-9A-Za-z]+)</code>")]
    private static partial Regex SecretShown();
}
