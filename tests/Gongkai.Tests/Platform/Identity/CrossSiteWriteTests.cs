using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Identity;

/// <summary>A page on another site cannot make a signed-in officer's browser write through the API: cookie-authenticated
/// API writes from another origin are refused; the site's own pages, and scripts with a bearer token, are not.</summary>
public sealed class CrossSiteWriteTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    private static readonly Uri Tokens = new("/api/v1/session/tokens", UriKind.Relative);

    private HttpRequestMessage CreateToken(string userName, string? origin, string? fetchSite, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Tokens) { Content = JsonContent.Create(new { userName, password = host.DemoPassword, name }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("null", null)]
    [InlineData("http://localhost.evil.example", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    public async Task A_cookie_write_from_another_origin_is_refused_and_nothing_is_created(string? origin, string? fetchSite)
    {
        var staff = await host.DemoStaffAsync();
        var editor = staff.UserName(StaffRoles.Editor);
        using var client = await host.SignedInClientAsync(editor);
        var before = (await client.GetFromJsonAsync<JsonElement>(Tokens)).GetArrayLength();

        var response = await client.SendAsync(CreateToken(editor, origin, fetchSite, "跨站脚本"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("跨站请求被拒绝", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>(Tokens)).GetArrayLength());
    }

    [Theory]
    [InlineData("http://localhost", null)]
    [InlineData(null, "same-origin")]
    [InlineData(null, null)]
    public async Task The_sites_own_pages_and_non_browser_clients_may_write_with_the_cookie(string? origin, string? fetchSite)
    {
        var staff = await host.DemoStaffAsync();
        var reviewer = staff.UserName(StaffRoles.FirstReviewer);
        using var client = await host.SignedInClientAsync(reviewer);

        var response = await client.SendAsync(CreateToken(reviewer, origin, fetchSite, "本站页面"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_request_with_a_bearer_token_is_not_affected_by_the_origin()
    {
        var staff = await host.DemoStaffAsync();
        var reviewer = staff.UserName(StaffRoles.SecondReviewer);
        using var client = await host.SignedInClientAsync(reviewer);
        var created = await client.SendAsync(CreateToken(reviewer, null, null, "报送脚本"));
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        // A script (bearer token) that happens to run where the browser's cookie is also sent.
        var request = CreateToken(reviewer, "https://tools.example", "cross-site", "第二个脚本");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
