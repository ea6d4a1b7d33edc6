using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Staff;
using Gongkai.Safeguards;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Safeguards;

/// <summary>POST /api/v1/safeguards/check against the demo bodies' data and the seeded word lists.</summary>
public sealed class SafeguardsApiTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static readonly Uri CheckUri = new("/api/v1/safeguards/check", UriKind.Relative);

    [Fact]
    public async Task Staff_get_findings_with_positions_and_the_masked_text()
    {
        using var client = await factory.CreateStaffClientAsync("editor.safeguards", StaffRoles.Editor);
        var text = "当事人：张三，身份证号码11010519491231002X，手机13812345678。咨询电话：0816-2222820。经查，请到市工商局办理。";

        var response = await client.PostAsJsonAsync(CheckUri, new { text, documentDate = "2019-06-01" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<SafeguardsCheckResponse>();
        Assert.NotNull(body);
        Assert.Equal(["person-name", "id-number", "mobile", "outdated-name"], body.Findings.Select(f => f.Kind));
        var id = body.Findings[1];
        Assert.Equal(text.IndexOf("11010519491231002X", StringComparison.Ordinal), id.Start);
        Assert.Equal(18, id.Length);
        Assert.Equal("1101**********002X", id.Replacement);
        Assert.Equal("当事人：张某，身份证号码1101**********002X，手机138****5678。咨询电话：0816-2222820。经查，请到市工商局办理。", body.Masked);
    }

    [Fact]
    public async Task The_demo_bodies_phones_and_heads_are_known()
    {
        using var client = await factory.CreateStaffClientAsync("editor.safeguards2", StaffRoles.Editor);

        var response = await client.PostAsJsonAsync(CheckUri, new { text = "举报人可致电0816-2222820（市财政局）。副局长张立新出席。" });

        var body = await response.Content.ReadFromJsonAsync<SafeguardsCheckResponse>();
        var finding = Assert.Single(body!.Findings);
        Assert.Equal(("leader-title", "局长张立新"), (finding.Kind, finding.Replacement));
    }

    [Fact]
    public async Task The_response_uses_the_documented_field_names()
    {
        using var client = await factory.CreateStaffClientAsync("editor.safeguards3", StaffRoles.Editor);

        var json = await (await client.PostAsJsonAsync(CheckUri, new { text = "手机13812345678" })).Content.ReadAsStringAsync();

        using var document = JsonDocument.Parse(json);
        var finding = document.RootElement.GetProperty("findings")[0];
        foreach (var name in new[] { "kind", "start", "length", "text", "replacement", "message" })
        {
            Assert.True(finding.TryGetProperty(name, out _), name);
        }

        Assert.Equal("手机138****5678", document.RootElement.GetProperty("masked").GetString());
    }

    [Fact]
    public async Task Oversized_text_is_refused_with_a_problem()
    {
        using var client = await factory.CreateStaffClientAsync("editor.safeguards4", StaffRoles.Editor);

        var response = await client.PostAsJsonAsync(CheckUri, new { text = new string('文', SafeguardsChecker.MaxTextLength + 1) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("分段检查", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\":\"abc\",\"documentDate\":\"2019年6月1日\"}")]
    public async Task Bad_requests_are_problems(string json)
    {
        using var client = await factory.CreateStaffClientAsync("editor.safeguards5", StaffRoles.Editor);

        var response = await client.PostAsync(CheckUri, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsJsonAsync(CheckUri, new { text = "手机13812345678" });

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Forbidden });
    }
}
