using System.Net;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Portal;

public sealed class PortalPagesTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private async Task<string> PageAsync(string url)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_home_page_shows_latest_documents_policies_bodies_and_disclosure_links()
    {
        var html = await PageAsync("/");

        foreach (var heading in new[] { "最新公开", "政策文件", "机构设置", "政府信息公开" })
        {
            Assert.Contains($">{heading}</h2>", html, StringComparison.Ordinal);
        }

        Assert.Contains("绵阳市人民政府办公室关于印发《2018年政务公开工作要点》的通知", html, StringComparison.Ordinal);
        Assert.Contains("绵阳市人民政府关于印发《绵阳市行政规范性文件管理办法》的通知", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/bodies/myfgw\">市发展改革委</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/xxgk#guide\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_disclosure_column_links_guides_rules_and_documents_and_says_plainly_what_is_not_built()
    {
        var html = await PageAsync("/xxgk");

        foreach (var part in new[] { "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开" })
        {
            Assert.Contains($">{part}</h2>", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/bodies/myszf/guide\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/bodies/ztxzrzyj/guide\"", html, StringComparison.Ordinal);
        Assert.Contains("绵阳市人民政府办公室关于印发《绵阳市政府信息公开工作制度》的通知", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/documents\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("建设中").Length - 1);
    }

    [Fact]
    public async Task The_site_map_reaches_every_body()
    {
        var html = await PageAsync("/site-map");
        using var client = factory.CreateClient();
        var bodies = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/bodies", UriKind.Relative))).RootElement;

        foreach (var body in bodies.EnumerateArray())
        {
            Assert.Contains($"href=\"/bodies/{body.GetProperty("code").GetString()}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/xxgk#annual\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_public_page_escapes_Chinese_into_numeric_character_references()
    {
        using var client = factory.CreateClient();
        var documents = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/documents", UriKind.Relative))).RootElement;
        var urls = new List<string> { "/", "/xxgk", "/site-map", "/bodies", "/bodies/myszf", "/bodies/myzwzx", "/bodies/myszf/guide", "/documents", "/documents?body=myszfb", "/bodies/no-such-body", "/documents/0/2018-00001" };
        urls.AddRange(documents.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("url").GetString()!));

        foreach (var url in urls)
        {
            // Not-found pages are included: their status is 404 but they are still pages people read.
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Length > 0, url);
            Assert.False(html.Contains("&#x", StringComparison.Ordinal), $"{url} contains a numeric character reference");
        }
    }
}
