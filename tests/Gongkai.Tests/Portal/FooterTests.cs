using System.Net;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Portal;

/// <summary>The footer's landmarks: the ICP and 公安 filings linked to where they can be verified, 我为政府网站找错 and
/// the 党政机关网站标识 when configured; the site's icon and description.</summary>
public sealed class FooterTests(FooterTests.ConfiguredSite factory) : IClassFixture<FooterTests.ConfiguredSite>
{
    public sealed class ConfiguredSite : GongkaiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Gongkai:Site:ErrorReportUrl"] = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=5107000001",
            ["Gongkai:Site:PartyGovernmentMarkImageUrl"] = "https://dcs.conac.cn/image/red.png",
            ["Gongkai:Site:PartyGovernmentMarkLinkUrl"] = "https://bszs.conac.cn/sitename?method=show&id=0001",
            ["Gongkai:Site:Description"] = "绵阳市政府信息公开平台的测试描述",
        };
    }

    [Fact]
    public async Task The_footer_links_the_filings_the_error_report_and_the_party_government_mark()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];

        Assert.Contains("<a href=\"https://beian.miit.gov.cn/\">蜀ICP备05012345号</a>", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://beian.gov.cn/portal/registerSystemInfo?recordcode=51070302000001\">川公网安备 51070302000001号</a>", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=5107000001\">我为政府网站找错</a>", footer, StringComparison.Ordinal);
        Assert.Contains("<a class=\"party-mark\" href=\"https://bszs.conac.cn/sitename?method=show&amp;id=0001\"><img src=\"https://dcs.conac.cn/image/red.png\" alt=\"党政机关网站标识\"", footer, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: https://dcs.conac.cn;", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"绵阳市政府信息公开平台的测试描述\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_icon_is_served()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }
}

/// <summary>Without the optional settings the footer leaves the error-report link and the mark out, not empty.</summary>
public sealed class DefaultFooterTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Unconfigured_landmarks_are_left_out()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("我为政府网站找错", html, StringComparison.Ordinal);
        Assert.DoesNotContain("party-mark", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://beian.miit.gov.cn/\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"", html, StringComparison.Ordinal);
    }
}
