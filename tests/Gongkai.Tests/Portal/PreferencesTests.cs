using System.Net;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Tests.Portal;

public sealed class PreferencesTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private HttpClient NewVisitor() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> Switch(HttpClient visitor, string setting, string returnUrl) =>
        visitor.GetAsync(new Uri($"/preferences?{setting}&returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));

    /// <summary>The switch link exactly as the layout renders it on <paramref name="page"/>.</summary>
    private static Uri SwitchLinkOn(string page, string setting)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/preferences\\?" + setting + "[^\"]*)\"");
        Assert.True(match.Success, $"no {setting} switch on the page");
        return new Uri(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value), UriKind.Relative);
    }

    [Fact]
    public async Task Turning_on_elderly_mode_sets_a_year_long_cookie_and_changes_the_next_page()
    {
        using var visitor = NewVisitor();
        var before = await visitor.GetStringAsync(new Uri("/bodies", UriKind.Relative));
        Assert.DoesNotContain("class=\"elderly\"", before, StringComparison.Ordinal);

        var response = await visitor.GetAsync(SwitchLinkOn(before, "elderly=on"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bodies", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gongkai.elderly=on", StringComparison.Ordinal));
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var expires = DateTimeOffset.Parse(cookie.Split(';').Single(p => p.Trim().StartsWith("expires=", StringComparison.OrdinalIgnoreCase)).Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(360), DateTimeOffset.UtcNow.AddDays(370));

        var next = await visitor.GetStringAsync(new Uri("/bodies", UriKind.Relative));
        Assert.Contains("<body class=\"elderly\">", next, StringComparison.Ordinal);
        Assert.Contains("退出长者模式", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task High_contrast_can_be_turned_on_and_off_again()
    {
        using var visitor = NewVisitor();
        await Switch(visitor, "contrast=on", "/");
        Assert.Contains("<body class=\"contrast\">", await visitor.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        await Switch(visitor, "contrast=off", "/");
        Assert.Contains("<body class=\"\">", await visitor.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("")]
    public async Task A_return_address_that_is_not_on_this_site_goes_home(string returnUrl)
    {
        using var visitor = NewVisitor();
        var response = await Switch(visitor, "elderly=on", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_local_return_address_with_a_query_is_kept()
    {
        using var visitor = NewVisitor();
        var response = await Switch(visitor, "elderly=on", "/documents?body=myszfb&page=1");
        Assert.Equal("/documents?body=myszfb&page=1", response.Headers.Location?.OriginalString);
    }
}
