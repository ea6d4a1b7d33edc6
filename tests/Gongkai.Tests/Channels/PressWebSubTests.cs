using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Gongkai.Channels.Press;
using Gongkai.Channels.WebSub;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Channels;

/// <summary>The WebSub settings of <see cref="WebSubFactory"/> with staff clients.</summary>
public sealed class PressWebSubFactory : WebSubFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTestAuthentication());
    }
}

/// <summary>The press conference feed is a WebSub topic like the document feeds: it announces the hub and itself, a real
/// subscriber over HTTP subscribes, and receives the signed feed within 2 s of a 预告 being released and again when the
/// conference is marked held — never for a draft.</summary>
public sealed class PressWebSubTests(PressWebSubFactory factory) : IClassFixture<PressWebSubFactory>
{
    private const string Secret = "发布会订阅密钥-42";
    private const string Topic = "http://localhost/feeds/press.xml";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_press_feed_announces_the_hub_and_pushes_each_release_and_holding_to_its_subscriber()
    {
        using var visitor = factory.CreateClient();
        using (var response = await visitor.GetAsync(new Uri(PressPaths.Feed, UriKind.Relative)))
        {
            var link = string.Join(", ", response.Headers.GetValues("Link"));
            Assert.Contains("<http://localhost/websub/hub>; rel=\"hub\"", link, StringComparison.Ordinal);
            Assert.Contains($"<{Topic}>; rel=\"self\"", link, StringComparison.Ordinal);
            var links = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(Atom + "link").ToList();
            Assert.Contains(links, l => (string?)l.Attribute("rel") == "hub" && (string?)l.Attribute("href") == "http://localhost/websub/hub");
            Assert.Contains(links, l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == Topic);
        }

        await using var subscriber = await TestSubscriber.StartAsync();
        using (var subscribed = await visitor.PostAsync(new Uri("/websub/hub", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["hub.mode"] = "subscribe", ["hub.topic"] = Topic, ["hub.callback"] = subscriber.Callback.AbsoluteUri, ["hub.secret"] = Secret,
        })))
        {
            Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        }

        await Poll.UntilAsync(() => Subscriptions() == 1, TimeSpan.FromSeconds(30), "the press feed subscription verified");
        Assert.Equal(Topic, Assert.Single(subscriber.Verifications)["hub.topic"]);

        using var editor = await factory.CreateStaffClientAsync("press.websub.editor", StaffRoles.Editor);
        using var reviewer = await factory.CreateStaffClientAsync("press.websub.reviewer", StaffRoles.FinalReviewer);
        var title = "推送测试新闻发布会" + Guid.NewGuid().ToString("N")[..6];
        var request = new PressConferenceRequest(null, title, "测试发布会推送。", "市政府新闻发布厅", DateTimeOffset.UtcNow.AddMinutes(-30),
            ["李明 市民政局局长"], "李明", null, null, []);
        using var created = await editor.PostAsJsonAsync("/api/v1/press-conferences/", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<PressConferenceStatus>())!.Id;
        Assert.Equal(0, Changes(id)); // a draft changes no public feed, so nothing is staged for subscribers

        // Released: the subscriber has the feed with the 预告 within 2 s, signed with its secret.
        using (var released = await reviewer.PostAsync(new Uri($"/api/v1/press-conferences/{id}/schedule", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        }

        var clock = Stopwatch.StartNew();
        var announced = await WaitForAsync(subscriber, title, "预告：");
        Assert.True(clock.Elapsed <= TimeSpan.FromSeconds(2), $"delivery began {clock.Elapsed.TotalMilliseconds:0} ms after the release");
        AssertSigned(announced);

        // Held with its transcript: delivered again, now as held.
        using (var updated = await editor.PutAsJsonAsync($"/api/v1/press-conferences/{id}", request with { Transcript = "李明：感谢各位记者。" }))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }

        using (var held = await editor.PostAsync(new Uri($"/api/v1/press-conferences/{id}/held", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        }

        AssertSigned(await WaitForAsync(subscriber, title, "举行。第一解读人：李明"));
    }

    private int Changes(int conferenceId)
    {
        using var scope = factory.Services.CreateScope();
        var entity = conferenceId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ChangeLogEntry>().Count(e => e.Kind == "press-conference.changed" && e.EntityId == entity);
    }

    private int Subscriptions()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<WebSubSubscription>().Count(s => s.Topic == Topic);
    }

    private static async Task<ReceivedDelivery> WaitForAsync(TestSubscriber subscriber, string title, string text)
    {
        ReceivedDelivery? found = null;
        await Poll.UntilAsync(() => (found = subscriber.Deliveries.FirstOrDefault(d => Entry(d, title)?.Contains(text, StringComparison.Ordinal) == true)) is not null,
            TimeSpan.FromSeconds(30), $"a delivery of {title} saying {text}");
        return found!;
    }

    /// <summary>The text of the delivered feed's entry titled <paramref name="title"/>, if any.</summary>
    private static string? Entry(ReceivedDelivery delivery, string title) =>
        XDocument.Parse(Encoding.UTF8.GetString(delivery.Body)).Root!.Elements(Atom + "entry")
            .FirstOrDefault(e => e.Element(Atom + "title")?.Value == title)?.Value;

    private static void AssertSigned(ReceivedDelivery delivery)
    {
        Assert.StartsWith("application/atom+xml", delivery.ContentType, StringComparison.Ordinal);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), delivery.Body)), delivery.Signature);
        Assert.Contains($"<{Topic}>; rel=\"self\"", delivery.Link, StringComparison.Ordinal);
    }
}
