using System.Net;
using System.Net.Http.Headers;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Portal;

/// <summary>A browser that hits a mistyped address or a refused request reads a Chinese page with the way back;
/// an API client keeps its RFC 7807 problem details.</summary>
public sealed class ErrorPagesTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private HttpClient Browser()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client;
    }

    [Theory]
    [InlineData("/no-such-page", "页面未找到")]
    [InlineData("/xxgk/typo/deeper", "页面未找到")]
    [InlineData("/css/missing.css", "页面未找到")]
    public async Task A_browser_gets_a_Chinese_page_for_an_unknown_address(string url, string heading)
    {
        using var browser = Browser();
        using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/site-map\"", html, StringComparison.Ordinal);
        Assert.Contains("主导航", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_token_gets_a_Chinese_page_too()
    {
        using var browser = Browser();
        using var response = await browser.PostAsync(new Uri("/requests/apply", UriKind.Relative), new FormUrlEncodedContent([new("Application.Name", "张三")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>请求有误</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/no-such-endpoint")]
    [InlineData("/api/v1/bodies/no-such-body")]
    public async Task An_API_client_keeps_problem_details_even_when_it_accepts_HTML(string url)
    {
        using var browser = Browser();
        using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_does_not_ask_for_HTML_gets_problem_details()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
