using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Gongkai.Channels.WebSub;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Channels;

/// <summary>The hub's settings for tests: the loopback subscriber allowed (production allows only public addresses),
/// short leases and a sweep every second so a restart's hand-over takes seconds.</summary>
public class WebSubFactory : GongkaiFactory
{
    protected virtual int RequestsPerMinute => 1000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gongkai:OutboundHttp:AllowedHosts:0"] = "127.0.0.1",
        ["Gongkai:Jobs:PollInterval"] = "00:00:01",
        ["Gongkai:Channels:WebSub:MinLeaseSeconds"] = "60",
        ["Gongkai:Channels:WebSub:DeliveryLease"] = "00:00:03",
        ["Gongkai:Channels:WebSub:SweepInterval"] = "00:00:01",
        ["Gongkai:Channels:WebSub:RequestsPerMinute"] = RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class FloodedWebSubFactory : WebSubFactory
{
    protected override int RequestsPerMinute => 3;
}

/// <summary>W3C WebSub end to end with a real subscriber over HTTP: discovery, subscription with verification of intent,
/// signed delivery within 2 s of publication, a failing subscriber beside a good one, a hub restart mid-delivery,
/// unsubscription, and the requests the hub refuses.</summary>
public sealed class WebSubTests
{
    private const string Secret = "订阅者的密钥-s3cret";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Every_feed_announces_the_hub_and_itself_in_link_headers_and_in_the_feed()
    {
        using var factory = new WebSubFactory();
        using var client = factory.CreateClient();
        string bodyCode;
        using (var db = factory.NewDbContext(out var scope))
        using (scope)
        {
            bodyCode = await db.Set<Body>().OrderBy(b => b.Id).Select(b => b.Code).FirstAsync();
        }

        foreach (var path in new[] { "/feeds/atom.xml", "/feeds/feed.json", $"/feeds/bodies/{bodyCode}/atom.xml", $"/feeds/types/{Uri.EscapeDataString(DocumentCatalog.Notice)}/feed.json" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var link = string.Join(", ", response.Headers.GetValues("Link"));
            Assert.Contains("<http://localhost/websub/hub>; rel=\"hub\"", link, StringComparison.Ordinal);
            Assert.Contains($"<{new Uri(new Uri("http://localhost/"), path).AbsoluteUri}>; rel=\"self\"", link, StringComparison.Ordinal);
            var text = await response.Content.ReadAsStringAsync();
            if (path.EndsWith(".xml", StringComparison.Ordinal))
            {
                var links = XDocument.Parse(text).Root!.Elements(Atom + "link").ToList();
                Assert.Contains(links, l => (string?)l.Attribute("rel") == "hub" && (string?)l.Attribute("href") == "http://localhost/websub/hub");
                Assert.Contains(links, l => (string?)l.Attribute("rel") == "self");
            }
            else
            {
                using var json = JsonDocument.Parse(text);
                var hub = json.RootElement.GetProperty("hubs")[0];
                Assert.Equal("WebSub", hub.GetProperty("type").GetString());
                Assert.Equal("http://localhost/websub/hub", hub.GetProperty("url").GetString());
            }
        }
    }

    [Fact]
    public async Task A_subscriber_is_verified_receives_a_signed_delivery_within_two_seconds_and_a_restart_mid_delivery_loses_nothing()
    {
        using var factory = new WebSubFactory();
        await using var good = await TestSubscriber.StartAsync();
        await using var failing = await TestSubscriber.StartAsync();
        failing.Failing = true;
        const string topic = "http://localhost/feeds/atom.xml";

        int bodyId;
        await using (var first = factory.WithWebHostBuilder(_ => { }))
        {
            using var client = first.CreateClient();
            using (var db = first.NewDbContextOf(out var scope))
            using (scope)
            {
                bodyId = await db.Set<Body>().OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
            }

            Assert.Equal(HttpStatusCode.Accepted, (await SubscribeAsync(client, "subscribe", topic, good.Callback, "3600", Secret)).StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, (await SubscribeAsync(client, "subscribe", topic, failing.Callback, null, null)).StatusCode);

            // Verification of intent: a GET with the challenge, the topic and the lease; the subscription exists only after it.
            await Poll.UntilAsync(() => ActiveSubscriptions(first) == 2, TimeSpan.FromSeconds(30), "both subscriptions verified");
            var verification = Assert.Single(good.Verifications);
            Assert.Equal("subscribe", verification["hub.mode"]);
            Assert.Equal(topic, verification["hub.topic"]);
            Assert.Equal("3600", verification["hub.lease_seconds"]);
            Assert.False(string.IsNullOrEmpty(verification["hub.challenge"]));

            // Publication → a signed delivery within 2 s; the failing subscriber does not hold it up.
            var title = $"关于推送测试的通知（{Guid.NewGuid():N}）";
            await PublishAsync(first, bodyId, title);
            var published = Stopwatch.StartNew();
            var delivery = await WaitForDeliveryAsync(good, title, TimeSpan.FromSeconds(30), () => Diagnose(first));
            Assert.True(published.Elapsed <= TimeSpan.FromSeconds(2), $"delivery began {published.Elapsed.TotalMilliseconds:0} ms after publication");
            AssertSignedAtomDelivery(delivery, title, topic);
            await Poll.UntilAsync(() => Deliveries(first).Any(d => d.Status == WebSubDeliveryStatus.Pending && d.Attempts == 1 && d.DueAt > DateTimeOffset.UtcNow),
                TimeSpan.FromSeconds(30), "the failing subscriber's delivery waiting for its retry");

            // The next delivery is held open by the subscriber while the hub shuts down.
            good.HoldNextDelivery();
            await PublishAsync(first, bodyId, title + "（续）");
            await Poll.UntilAsync(() => !good.Held.IsEmpty, TimeSpan.FromSeconds(30), "the second delivery to reach the subscriber");
        }

        Assert.DoesNotContain(good.Deliveries, d => Encoding.UTF8.GetString(d.Body).Contains("（续）", StringComparison.Ordinal));

        // The restarted hub finds the delivery in the database and sends it once the dead holder's lease lapses.
        await using var second = factory.WithWebHostBuilder(_ => { });
        _ = second.Services;
        var resumed = await WaitForDeliveryAsync(good, "（续）", TimeSpan.FromSeconds(60));
        AssertSignedAtomDelivery(resumed, "（续）", topic);
        await Poll.UntilAsync(() => Deliveries(second).Any(d => d.Status == WebSubDeliveryStatus.Delivered && d.Attempts == 2), TimeSpan.FromSeconds(30),
            "the held delivery recorded as delivered on its second attempt");

        // Unsubscribing is verified too, and ends the subscription.
        using var again = second.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await SubscribeAsync(again, "unsubscribe", topic, good.Callback, null, null)).StatusCode);
        await Poll.UntilAsync(() => ActiveSubscriptions(second) == 1, TimeSpan.FromSeconds(30), "the unsubscription verified");
        Assert.Contains(good.Verifications, v => v["hub.mode"] == "unsubscribe");
    }

    [Fact]
    public async Task Requests_the_hub_cannot_honour_are_refused_with_400_and_a_flood_with_429()
    {
        using var factory = new WebSubFactory();
        using var client = factory.CreateClient();
        const string topic = "http://localhost/feeds/atom.xml";
        var refused = new (string Mode, string Topic, string Callback, string? Lease, string Field)[]
        {
            ("subscribe", topic, "ftp://example.org/callback", null, "hub.callback"),
            ("subscribe", topic, "http://10.0.0.7/callback", null, "hub.callback"),
            ("subscribe", topic, "http://[::1]:8080/callback", null, "hub.callback"),
            ("subscribe", topic, "http://169.254.169.254/latest/meta-data", null, "hub.callback"),
            ("subscribe", topic, "http://localhost/admin", null, "hub.callback"),
            ("subscribe", topic, "http://127.0.0.1:9/callback", "5", "hub.lease_seconds"),
            ("subscribe", topic, "http://127.0.0.1:9/callback", "99999999", "hub.lease_seconds"),
            ("subscribe", "http://localhost/documents", "http://127.0.0.1:9/callback", null, "hub.topic"),
            ("subscribe", "http://elsewhere.example/feeds/atom.xml", "http://127.0.0.1:9/callback", null, "hub.topic"),
            ("publish", topic, "http://127.0.0.1:9/callback", null, "hub.mode"),
        };
        foreach (var (mode, requestTopic, callback, lease, field) in refused)
        {
            using var response = await SubscribeAsync(client, mode, requestTopic, new Uri(callback), lease, null);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{callback} {lease}: the problem names {field}");
        }

        using var flooded = new FloodedWebSubFactory();
        using var flooder = flooded.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await SubscribeAsync(flooder, "subscribe", topic, new Uri("http://10.0.0.7/callback"), null, null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }, statuses);
    }

    private static Task<HttpResponseMessage> SubscribeAsync(HttpClient client, string mode, string topic, Uri callback, string? lease, string? secret)
    {
        var fields = new Dictionary<string, string> { ["hub.mode"] = mode, ["hub.topic"] = topic, ["hub.callback"] = callback.AbsoluteUri };
        if (lease is not null)
        {
            fields["hub.lease_seconds"] = lease;
        }

        if (secret is not null)
        {
            fields["hub.secret"] = secret;
        }

        return client.PostAsync(new Uri("/websub/hub", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static async Task PublishAsync(WebApplicationFactory<Program> host, int bodyId, string title)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
            new DocumentDraft(title, null, bodyId, DocumentCatalog.Notice, "综合政务", null, "为测试 WebSub 推送而发布。"));
    }

    private static int ActiveSubscriptions(WebApplicationFactory<Program> host)
    {
        using var scope = host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<WebSubSubscription>().Count();
    }

    private static List<WebSubDelivery> Deliveries(WebApplicationFactory<Program> host)
    {
        using var scope = host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<WebSubDelivery>().AsNoTracking().ToList();
    }

    private static async Task<ReceivedDelivery> WaitForDeliveryAsync(TestSubscriber subscriber, string text, TimeSpan timeout, Func<string>? diagnose = null)
    {
        ReceivedDelivery? found = null;
        try
        {
            await Poll.UntilAsync(() => (found = subscriber.Deliveries.FirstOrDefault(d => Encoding.UTF8.GetString(d.Body).Contains(text, StringComparison.Ordinal))) is not null,
                timeout, $"a delivery containing {text}");
        }
        catch (Exception) when (diagnose is not null)
        {
            Assert.Fail($"no delivery containing {text}; received {subscriber.Deliveries.Count}; hub state: {diagnose()}");
        }

        return found!;
    }

    /// <summary>What the hub holds, for a failure message.</summary>
    private static string Diagnose(WebApplicationFactory<Program> host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var deliveries = db.Set<WebSubDelivery>().AsNoTracking().ToList().Select(d => $"{d.Id}:{d.Status}/{d.Attempts}/{d.LastError}");
        var jobs = db.Set<Gongkai.Platform.Jobs.ScheduledJob>().AsNoTracking().Where(j => j.Kind.StartsWith("websub")).ToList().Select(j => $"{j.Kind}:{j.Status}/{j.LastError}");
        var cursors = db.Set<ChangeLogCursor>().AsNoTracking().ToList().Select(c => $"{c.Follower}@{c.Position}");
        var last = db.Set<ChangeLogEntry>().Max(e => e.Id);
        return $"deliveries [{string.Join(", ", deliveries)}]; jobs [{string.Join(", ", jobs)}]; cursors [{string.Join(", ", cursors)}] of {last}";
    }

    /// <summary>The signature is recomputed here from the body and the secret, as a subscriber does (W3C WebSub §8).</summary>
    private static void AssertSignedAtomDelivery(ReceivedDelivery delivery, string title, string topic)
    {
        Assert.StartsWith("application/atom+xml", delivery.ContentType, StringComparison.Ordinal);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), delivery.Body));
        Assert.Equal(expected, delivery.Signature);
        Assert.Contains("rel=\"hub\"", delivery.Link, StringComparison.Ordinal);
        Assert.Contains($"<{topic}>; rel=\"self\"", delivery.Link, StringComparison.Ordinal);
        var feed = XDocument.Parse(Encoding.UTF8.GetString(delivery.Body)).Root!;
        Assert.Contains(feed.Elements(Atom + "entry"), e => (e.Element(Atom + "title")?.Value ?? "").Contains(title, StringComparison.Ordinal));
    }
}

internal static class HostDatabase
{
    public static GongkaiDbContext NewDbContextOf(this WebApplicationFactory<Program> host, out IServiceScope scope)
    {
        scope = host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
    }
}
