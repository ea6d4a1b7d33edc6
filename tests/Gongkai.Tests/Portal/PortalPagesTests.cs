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
    public async Task The_disclosure_column_links_guides_rules_documents_and_the_online_application()
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
        Assert.Contains("href=\"/requests/apply\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/requests/track\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_public_page_offers_the_online_application_and_the_gazette_in_the_main_navigation()
    {
        foreach (var url in new[] { "/", "/xxgk", "/bodies/stxzf/guide", "/documents" })
        {
            var html = await PageAsync(url);
            var nav = html[html.IndexOf("aria-label=\"主导航\"", StringComparison.Ordinal)..html.IndexOf("</nav>", html.IndexOf("aria-label=\"主导航\"", StringComparison.Ordinal), StringComparison.Ordinal)];
            Assert.Contains("<a href=\"/requests/apply\">依申请公开</a>", nav, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/gazette\">政府公报</a>", nav, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_public_page_announces_something_under_construction()
    {
        using var client = factory.CreateClient();
        var bodies = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/bodies", UriKind.Relative))).RootElement
            .EnumerateArray().Select(b => b.GetProperty("code").GetString()!).ToList();
        var urls = new List<string> { "/", "/xxgk", "/site-map", "/bodies", "/documents", "/gazette", "/requests/apply", "/requests/track" };
        urls.AddRange(bodies.SelectMany(code => new[] { $"/bodies/{code}", $"/bodies/{code}/guide", $"/bodies/{code}/xxgk" }));

        foreach (var url in urls)
        {
            var html = await PageAsync(url);
            foreach (var stub in new[] { "建设中", "尚未开通", "建成后" })
            {
                Assert.False(html.Contains(stub, StringComparison.Ordinal), $"{url} says {stub}");
            }
        }

        // Nor does any page source, so a stub cannot come back through a page these URLs miss.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gongkai.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var pages = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);
        foreach (var file in pages)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.False(text.Contains("建设中", StringComparison.Ordinal) || text.Contains("尚未开通", StringComparison.Ordinal), file);
        }
    }

    [Fact]
    public async Task Every_guide_offers_the_online_application_and_only_the_channels_the_body_has()
    {
        using var client = factory.CreateClient();
        var bodies = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/bodies", UriKind.Relative))).RootElement;
        foreach (var body in bodies.EnumerateArray())
        {
            var code = body.GetProperty("code").GetString()!;
            var html = await PageAsync($"/bodies/{code}/guide");
            Assert.Contains($"href=\"/requests/apply?body={code}\"", html, StringComparison.Ordinal);
            Assert.Contains("网址 /requests/apply", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/requests/track\"", html, StringComparison.Ordinal);
            var profile = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/bodies/{code}", UriKind.Relative))).RootElement;
            Assert.Equal(!string.IsNullOrEmpty(profile.GetProperty("email").GetString()), html.Contains("电子邮件：发送至", StringComparison.Ordinal));
            Assert.Equal(!string.IsNullOrEmpty(profile.GetProperty("address").GetString()), html.Contains("当面提交：", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_site_map_lists_every_bodys_guide_and_disclosure_section_and_the_application_pages()
    {
        var html = await PageAsync("/site-map");
        using var client = factory.CreateClient();
        var bodies = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/bodies", UriKind.Relative))).RootElement;
        foreach (var body in bodies.EnumerateArray())
        {
            var code = body.GetProperty("code").GetString();
            Assert.Contains($"href=\"/bodies/{code}/guide\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/bodies/{code}/xxgk\"", html, StringComparison.Ordinal);
        }

        foreach (var link in new[] { "/requests/apply", "/requests/track", "/gazette", "/xxgk#guide", "/xxgk#annual" })
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }
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
