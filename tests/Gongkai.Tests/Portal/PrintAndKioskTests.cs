using System.Net;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Portal;

/// <summary>Printing a public page and the lobby kiosk's fence, as a browser without JavaScript meets them.</summary>
public sealed class PrintAndKioskTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task Every_public_page_prints_without_navigation_with_full_addresses_and_page_numbers()
    {
        using var visitor = factory.CreateClient();
        var home = await visitor.GetStringAsync(new Uri("/documents", UriKind.Relative));
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/print.css\" media=\"print\">", home, StringComparison.Ordinal);

        using var response = await visitor.GetAsync(new Uri("/css/print.css", UriKind.Relative));
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains(".site-nav", css, StringComparison.Ordinal);
        Assert.Contains("counter(page)", css, StringComparison.Ordinal);
        Assert.Contains("content: \" （http://localhost\" attr(href) \"）\"", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_started_at_the_kiosk_address_is_kept_inside_and_an_ordinary_visitor_is_not()
    {
        using var ordinary = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await ordinary.GetStringAsync(new Uri("/kiosk", UriKind.Relative));
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"120;url=/kiosk\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ordinary.GetAsync(new Uri("/documents", UriKind.Relative))).StatusCode);

        using var kiosk = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync(new Uri("/kiosk?lock=1", UriKind.Relative))).StatusCode);
        foreach (var outside in new[] { "/", "/documents", "/admin", "/admin/sign-in", "/api/v1/documents", "/feeds/atom.xml" })
        {
            using var refused = await kiosk.GetAsync(new Uri(outside, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/kiosk", refused.Headers.Location?.OriginalString);
        }

        using var post = await kiosk.PostAsync(new Uri("/api/v1/interpretations/", UriKind.Relative), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync(new Uri("/kiosk/bodies", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync(new Uri("/css/kiosk.css", UriKind.Relative))).StatusCode);
    }
}
