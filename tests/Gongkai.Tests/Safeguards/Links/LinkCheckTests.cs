using System.Net;
using Gongkai.Safeguards.Links;
using Gongkai.Publishing.Checks.Links;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Gongkai.Tests.Safeguards.Links;

public sealed class LinkCheckTests
{
    [Fact]
    public void Links_and_images_are_extracted_with_their_positions()
    {
        var html = "<p>见<a href=\"/documents/myszf-2024-001\">通知</a><img src='/img/a.png' alt='图'>，另见 https://www.sc.gov.cn/zwgk/index.html。<a href=\"mailto:a@b.cn\">信</a><a href=\"#top\">顶</a></p>";

        var links = LinkExtractor.Extract(html);

        Assert.Equal(
            [(LinkKind.Link, "/documents/myszf-2024-001"), (LinkKind.Image, "/img/a.png"), (LinkKind.Link, "https://www.sc.gov.cn/zwgk/index.html")],
            links.Select(l => (l.Kind, l.Url)));
        Assert.Equal("/img/a.png", html.Substring(links[1].Start, links[1].Length));
        Assert.True(links[2].IsExternal);
    }

    [Theory]
    [InlineData("/documents/myszf-2024-001", null)]
    [InlineData("/documents/myszf-2020-009", "链接指向已撤回的文件")]
    [InlineData("/documents/nope", "链接指向不存在的文件")]
    [InlineData("/bodies/myszf/guide", null)]
    [InlineData("/bodies/unknown", "链接指向不存在的单位页面")]
    [InlineData("/xxgk", null)]
    [InlineData("/no-such-page", "站内页面不存在")]
    [InlineData("https://www.my.gov.cn/documents/nope", "链接指向不存在的文件")]
    [InlineData("https://www.sc.gov.cn/anything", null)]
    public void Internal_links_resolve_against_the_sites_documents_and_bodies(string url, string? problem)
    {
        var resolver = new InternalLinkResolver(
            index => index switch { "myszf-2024-001" => DocumentState.Published, "myszf-2020-009" => DocumentState.Withdrawn, _ => DocumentState.Missing },
            code => code == "myszf",
            ["/", "/xxgk", "/documents", "/bodies"]);

        Assert.Equal(problem, resolver.Problem(url, "www.my.gov.cn"));
    }

    [Fact]
    public async Task External_links_are_probed_with_retries_timeouts_and_bounded_concurrency()
    {
        var flakyCalls = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.Use(async (context, next) =>
        {
            await Task.Delay(50);
            await next(context);
        });
        app.MapMethods("/ok/{n}", ["GET", "HEAD"], () => Results.Ok());
        app.MapMethods("/gone", ["GET", "HEAD"], () => Results.NotFound());
        app.MapMethods("/flaky", ["GET", "HEAD"], () => Interlocked.Increment(ref flakyCalls) < 2 ? Results.StatusCode(503) : Results.Ok());
        app.MapGet("/get-only", () => Results.Ok());
        app.MapMethods("/slow", ["GET", "HEAD"], async () =>
        {
            await Task.Delay(2000);
            return Results.Ok();
        });
        await app.StartAsync();
        var root = app.Urls.First();

        // Concurrency is counted on the client: a timed-out request may still run on the server.
        var counting = new CountingHandler();
        using var probe = new LinkProbeClient(new ProbeSettings(MaxConcurrency: 2, Timeout: TimeSpan.FromMilliseconds(500), Retries: 2, RetryDelay: TimeSpan.FromMilliseconds(10)),
            ["127.0.0.1"], () => counting);
        var prober = probe.Prober;
        var urls = Enumerable.Range(1, 6).Select(n => $"{root}/ok/{n}").Concat([$"{root}/gone", $"{root}/flaky", $"{root}/get-only", $"{root}/slow", "ftp://example.invalid/x"]);

        var results = (await prober.ProbeAsync(urls, CancellationToken.None)).ToDictionary(r => r.Url.Replace(root, "", StringComparison.Ordinal));

        Assert.All(Enumerable.Range(1, 6), n => Assert.True(results[$"/ok/{n}"].Ok));
        Assert.Equal((false, 404, 1), (results["/gone"].Ok, results["/gone"].StatusCode, results["/gone"].Attempts));
        Assert.Equal((true, 2), (results["/flaky"].Ok, results["/flaky"].Attempts));
        Assert.True(results["/get-only"].Ok);
        Assert.Equal((false, 3), (results["/slow"].Ok, results["/slow"].Attempts));
        Assert.Contains("未响应", results["/slow"].Problem, StringComparison.Ordinal);
        Assert.False(results["ftp://example.invalid/x"].Ok);
        Assert.InRange(counting.MaxInFlight, 1, 2);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/ok/1")]
    [InlineData("http://localhost:{port}/ok/1")]
    [InlineData("http://[::1]:{port}/ok/1")]
    [InlineData("http://10.20.30.40/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/ok/1")]
    [InlineData("http://0.0.0.0:{port}/ok/1")]
    public async Task Internal_addresses_are_refused_without_a_request_and_reported_as_not_checked(string template)
    {
        var requests = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://[::1]:0");
        await using var app = builder.Build();
        app.MapMethods("/ok/{n}", ["GET", "HEAD"], () =>
        {
            Interlocked.Increment(ref requests);
            return Results.Ok();
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        using var probe = new LinkProbeClient(new ProbeSettings(Timeout: TimeSpan.FromSeconds(2), Retries: 2, RetryDelay: TimeSpan.FromMilliseconds(10)), []);
        var url = template.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var result = Assert.Single(await probe.Prober.ProbeAsync([url], CancellationToken.None));

        Assert.True(result.Refused);
        Assert.Equal("内部网络地址，不检查", result.Problem);
        Assert.Equal(1, result.Attempts); // refused at connect time, never retried
        Assert.Equal(0, requests);
    }

    [Fact]
    public async Task An_allow_listed_internal_host_is_probed()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapMethods("/intranet", ["GET", "HEAD"], () => Results.Ok());
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        using var byName = new LinkProbeClient(new ProbeSettings(Timeout: TimeSpan.FromSeconds(2)), ["LOCALHOST"]);
        using var byNetwork = new LinkProbeClient(new ProbeSettings(Timeout: TimeSpan.FromSeconds(2)), ["127.0.0.0/8"]);

        var named = Assert.Single(await byName.Prober.ProbeAsync([$"http://localhost:{port}/intranet"], CancellationToken.None));
        var numbered = Assert.Single(await byNetwork.Prober.ProbeAsync([$"http://127.0.0.1:{port}/intranet"], CancellationToken.None));
        var other = Assert.Single(await byNetwork.Prober.ProbeAsync(["http://192.168.1.1/"], CancellationToken.None));

        Assert.Equal((true, 200, false), (named.Ok, named.StatusCode, named.Refused));
        Assert.Equal((true, 200, false), (numbered.Ok, numbered.StatusCode, numbered.Refused));
        Assert.True(other.Refused);
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_site_to_an_internal_address_is_refused()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapMethods("/moved", ["GET", "HEAD"], () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        await app.StartAsync();
        using var probe = new LinkProbeClient(new ProbeSettings(Timeout: TimeSpan.FromSeconds(2)), ["127.0.0.1"]);

        var result = Assert.Single(await probe.Prober.ProbeAsync([$"{app.Urls.First()}/moved"], CancellationToken.None));

        Assert.True(result.Refused);
        Assert.Equal("内部网络地址，不检查", result.Problem);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _inFlight;
        private int _maxInFlight;

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int current;
            while ((current = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, current) != current)
            {
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
