using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Publishing.Checks.Links;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Safeguards.Links;

/// <summary>The application with quick link probes (half a second, one retry), for tests against loopback servers.</summary>
public sealed class QuickProbeFactory : TestAuthFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Safeguards:LinkProbeTimeoutSeconds"] = "0.5",
        ["Safeguards:LinkProbeRetries"] = "1",
        ["Safeguards:LinkProbeRetryDelaySeconds"] = "0.05",
        // The test's own sites listen on loopback, which the outbound guard refuses unless allowed.
        ["Gongkai:OutboundHttp:AllowedHosts:0"] = "127.0.0.1",
    };
}

/// <summary>Link checks of documents: after submission (in the background), daily over published documents, results
/// stored per document and URL, shown on the review page and the broken-links dashboard. Only a loopback server the
/// test starts is probed.</summary>
public sealed class DocumentLinkCheckTests(QuickProbeFactory factory) : IClassFixture<QuickProbeFactory>
{
    private static async Task<WebApplication> StartSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapMethods("/ok", ["GET", "HEAD"], () => Results.Ok());
        app.MapMethods("/gone", ["GET", "HEAD"], () => Results.NotFound());
        app.MapMethods("/error", ["GET", "HEAD"], () => Results.StatusCode(500));
        app.MapMethods("/slow", ["GET", "HEAD"], async () =>
        {
            await Task.Delay(3000);
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

    private async Task<int> DraftAsync(string title, string bodyHtml)
    {
        using var response = await (await Editor()).PostAsJsonAsync("/api/v1/documents/",
            new CreateDocumentRequest(new DocumentInput(title, null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 9, 27), bodyHtml)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    private async Task<List<LinkCheck>> ChecksAsync(int documentId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<LinkCheck>().AsNoTracking().Where(l => l.DocumentId == documentId).ToListAsync();
    }

    [Fact]
    public async Task Submitting_checks_the_links_in_the_background_and_broken_ones_show_on_the_review_page_and_dashboard()
    {
        await using var site = await StartSiteAsync();
        var root = site.Urls.First();
        var id = await DraftAsync("关于网站链接的通知",
            $"<p><a href=\"{root}/ok\">正常</a>，<a href=\"{root}/gone\">已删除</a>，<a href=\"{root}/error\">出错</a>，<a href=\"{root}/slow\">超时</a>，"
            + "<a href=\"/documents/00000000-0/2024-99999\">不存在的文件</a>，<a href=\"/xxgk\">信息公开</a></p>");

        (await (await Editor()).PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var checks = new List<LinkCheck>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (checks.Count < 6 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            checks = await ChecksAsync(id);
        }

        var byUrl = checks.ToDictionary(c => c.Url.Replace(root, "", StringComparison.Ordinal));
        Assert.Equal(6, byUrl.Count);
        Assert.True(byUrl["/ok"].Ok && byUrl["/ok"].IsExternal && byUrl["/ok"].BrokenSince is null);
        Assert.True(byUrl["/xxgk"].Ok && !byUrl["/xxgk"].IsExternal);
        Assert.Equal((false, 404), (byUrl["/gone"].Ok, byUrl["/gone"].StatusCode));
        Assert.Equal((false, 500), (byUrl["/error"].Ok, byUrl["/error"].StatusCode));
        Assert.Contains("未响应", byUrl["/slow"].Problem, StringComparison.Ordinal);
        Assert.Equal("链接指向不存在的文件", byUrl["/documents/00000000-0/2024-99999"].Problem);
        Assert.All(checks.Where(c => !c.Ok), c => Assert.NotNull(c.BrokenSince));

        var editor = await Editor();
        var review = await editor.GetStringAsync(new Uri($"/admin/documents/{id}", UriKind.Relative));
        Assert.Contains("失效链接", review, StringComparison.Ordinal);
        Assert.Contains($"{root}/gone", review, StringComparison.Ordinal);
        Assert.Contains("链接指向不存在的文件", review, StringComparison.Ordinal);
        Assert.DoesNotContain($"“{root}/ok”", review, StringComparison.Ordinal);

        var dashboard = await editor.GetStringAsync(new Uri("/admin/safeguards/links", UriKind.Relative));
        Assert.Contains("绵阳市人民政府", dashboard, StringComparison.Ordinal);
        Assert.Contains($"{root}/error", dashboard, StringComparison.Ordinal);
        Assert.Contains("服务器返回 500", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_to_internal_network_addresses_are_not_visited_and_the_report_says_why()
    {
        var id = await DraftAsync("关于内网系统的通知",
            "<p><a href=\"http://169.254.169.254/latest/meta-data/\">元数据</a>，<a href=\"http://10.1.2.3/oa\">办公系统</a></p>");

        (await (await Editor()).PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var checks = new List<LinkCheck>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (checks.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            checks = await ChecksAsync(id);
        }

        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal((true, "内部网络地址，不检查", (DateTimeOffset?)null), (c.Ok, c.Problem, c.BrokenSince)));
        var dashboard = await (await Editor()).GetStringAsync(new Uri("/admin/safeguards/links", UriKind.Relative));
        Assert.Contains("未检查的链接", dashboard, StringComparison.Ordinal);
        Assert.Contains("http://10.1.2.3/oa", dashboard, StringComparison.Ordinal);
        Assert.Contains("内部网络地址，不检查", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_check_of_published_documents_keeps_since_when_a_link_has_been_broken()
    {
        await using var site = await StartSiteAsync();
        var root = site.Urls.First();
        Document published;
        using (var scope = factory.Services.CreateScope())
        {
            var publisher = scope.ServiceProvider.GetRequiredService<DocumentPublisher>();
            var bodyId = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Organizations.Body>().Where(b => b.Code == "myszf").Select(b => b.Id).SingleAsync();
            published = await publisher.PublishAsync(new DocumentDraft("关于开展链接检查的通知", null, bodyId, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 9, 27),
                $"详见 {root}/gone ，说明见 {root}/ok 。"));
        }

        await RunDailyJobAsync();
        var first = (await ChecksAsync(published.Id)).Single(c => c.Url.EndsWith("/gone", StringComparison.Ordinal));
        await RunDailyJobAsync();
        var second = (await ChecksAsync(published.Id)).Single(c => c.Url.EndsWith("/gone", StringComparison.Ordinal));

        Assert.Equal((false, 404), (second.Ok, second.StatusCode));
        Assert.Equal(first.BrokenSince, second.BrokenSince);
        Assert.True(second.CheckedAt >= first.CheckedAt);
        Assert.True((await ChecksAsync(published.Id)).Single(c => c.Url.EndsWith("/ok", StringComparison.Ordinal)).Ok);
    }

    private async Task RunDailyJobAsync()
    {
        using var scope = factory.Services.CreateScope();
        var job = scope.ServiceProvider.GetServices<Gongkai.Platform.Jobs.IRecurringJob>().OfType<PublishedLinksJob>().Single();
        await job.RunAsync(CancellationToken.None);
    }
}
