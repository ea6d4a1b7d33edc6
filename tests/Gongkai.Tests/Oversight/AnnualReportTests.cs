using System.Net;
using System.Text.Json;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Oversight;

public sealed class AnnualReportTests(OversightClockFactory factory) : IClassFixture<OversightClockFactory>
{
    /// <summary>A staff client that does not follow redirects, so a form's redirect after success can be seen.</summary>
    private HttpClient Client(string name, Gongkai.Organizations.Body body, params string[] roles) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SignedInAs(name, body.Id, roles);

    private static async Task<(HttpStatusCode Status, string Text)> PostFormAsync(HttpClient client, string page, string? handler, params (string Key, string Value)[] fields)
    {
        using var response = await client.SubmitAsync(page, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), handler);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static (string, string)[] Hand(string regulationsInForce) =>
    [
        ("Hand[regulations.issued]", "3"), ("Hand[regulations.repealed]", "0"), ("Hand[regulations.in-force]", regulationsInForce),
        ("Hand[licensing.decisions]", "120"), ("Hand[penalty.decisions]", "8"), ("Hand[enforcement.decisions]", "0"), ("Hand[fees.amount]", "0"),
        ("Overview", "2025年，本委认真贯彻落实条例。"), ("Problems", "解读形式单一。"), ("Other", "未收取信息处理费。"),
    ];

    [Fact]
    public async Task The_demo_departments_2025_report_is_public_as_json_pdf_and_on_the_list_with_its_chart()
    {
        using var anonymous = factory.CreateClient();
        var report = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/mysthjj/2025", null, HttpStatusCode.OK);
        Assert.Equal("mysthjj", report.GetProperty("body").GetString());
        Assert.Equal(2025, report.GetProperty("year").GetInt32());
        Assert.Equal("published", report.GetProperty("status").GetString());
        var tables = report.GetProperty("tables");
        var two = tables.GetProperty("二").EnumerateArray().ToList();
        Assert.Equal(10, two.Count);
        Assert.Equal("hand", two.Single(f => f.GetProperty("key").GetString() == "licensing.decisions").GetProperty("source").GetString());
        Assert.Equal(412, two.Single(f => f.GetProperty("key").GetString() == "licensing.decisions").GetProperty("value").GetDecimal());
        Assert.Equal("computed", two.Single(f => f.GetProperty("key").GetString() == "normative.in-force").GetProperty("source").GetString());
        // 一, 二, （一）…（六） with their 19 numbered sub-rows, （七）, 四: 29 rows of seven counts (the 2021 format).
        Assert.Equal(29, tables.GetProperty("三").GetArrayLength());
        Assert.All(tables.GetProperty("三").EnumerateArray(), r => Assert.Equal(7, r.GetProperty("counts").GetArrayLength()));
        Assert.Equal(3, tables.GetProperty("四").GetArrayLength());
        Assert.All(report.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("ok").GetBoolean(), c.GetProperty("detail").GetString()));

        var list = await anonymous.GetStringAsync(new Uri("/annual-reports", UriKind.Relative));
        Assert.Contains("绵阳市生态环境局2025年政府信息公开工作年度报告", list, StringComparison.Ordinal);
        Assert.Contains("<svg", list, StringComparison.Ordinal);
        Assert.Contains("id=\"request-table\"", list, StringComparison.Ordinal);

        var page = await anonymous.GetStringAsync(new Uri("/annual-reports/mysthjj/2025", UriKind.Relative));
        Assert.Contains("412（手工填报）", page, StringComparison.Ordinal);
        Assert.Contains("四、政府信息公开行政复议、行政诉讼情况", page, StringComparison.Ordinal);

        using var pdf = await anonymous.GetAsync(new Uri("/annual-reports/mysthjj/2025.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);

        await anonymous.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/mysthjj/2024", null, HttpStatusCode.NotFound);
        await anonymous.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/no-such-body/2025", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_report_is_generated_refused_while_a_hand_figure_breaks_an_invariant_then_fixed_reviewed_and_published()
    {
        var body = await OversightTestData.BodyAsync(factory.Services, "myfgw");
        using var editor = Client("发改编辑", body, StaffRoles.Editor);
        using var anonymous = factory.CreateClient();

        var generated = await PostFormAsync(editor, "/admin/oversight/annual-reports", null, ("Body", "myfgw"), ("reportYear", "2025"));
        Assert.Equal(HttpStatusCode.Redirect, generated.Status);
        // Generated once: the 2024 page (which still offers the form) posts a second 2025 report, which is refused.
        using (var again = await editor.SubmitAsync("/admin/oversight/annual-reports?year=2024", [new("Body", "myfgw"), new("reportYear", "2025")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }

        var draft = await editor.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/myfgw/2025", null, HttpStatusCode.OK);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Contains(draft.GetProperty("checks").EnumerateArray(), c => !c.GetProperty("ok").GetBoolean() && c.GetProperty("rule").GetString() == "二.filled.licensing.decisions");
        // Before publication nobody outside the body sees it.
        await anonymous.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/myfgw/2025", null, HttpStatusCode.NotFound);
        using var other = Client("交通编辑", await OversightTestData.BodyAsync(factory.Services, "myjtysj"), StaffRoles.Editor);
        await other.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/myfgw/2025", null, HttpStatusCode.NotFound);
        using (var foreign = await other.SubmitAsync("/admin/oversight/annual-reports", [new("Body", "myfgw"), new("reportYear", "2024")]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        }

        var id = await IdAsync(editor);
        var url = $"/admin/oversight/annual-reports/{id}";
        var saved = await PostFormAsync(editor, url, "Save", Hand("1"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var console = await editor.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Contains("二·规章·现行有效件数：1，应不小于本年制发 3 − 本年废止 0 = 3。", console, StringComparison.Ordinal);

        var refused = await PostFormAsync(editor, url, "Submit");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("不能冻结或送审", refused.Text, StringComparison.Ordinal);
        Assert.Contains("二·规章·现行有效件数：1", refused.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(editor, url, "Save", Hand("5"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(editor, url, "Submit")).Status);
        var submitted = await editor.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/myfgw/2025", null, HttpStatusCode.OK);
        Assert.Equal("in-review", submitted.GetProperty("status").GetString());
        Assert.All(submitted.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("ok").GetBoolean(), c.GetProperty("detail").GetString()));

        // Frozen and in review: no more edits.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(editor, url, "Save", Hand("6"))).Status);

        var documentId = DocumentId(await editor.GetStringAsync(new Uri(url, UriKind.Relative)));
        foreach (var (stage, role) in new[] { ("first", StaffRoles.FirstReviewer), ("second", StaffRoles.SecondReviewer), ("final", StaffRoles.FinalReviewer) })
        {
            using var reviewer = Client("发改" + stage, body, role);
            await reviewer.SendAsync(HttpMethod.Post, $"/api/v1/documents/{documentId}/review/{stage}", new { decision = "approve", comment = "同意" }, HttpStatusCode.OK);
        }

        var published = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/myfgw/2025", null, HttpStatusCode.OK);
        Assert.Equal("published", published.GetProperty("status").GetString());
        var indexNo = published.GetProperty("indexNo").GetString()!;
        Assert.Equal(5, published.GetProperty("tables").GetProperty("二").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "regulations.in-force").GetProperty("value").GetDecimal());
        var document = await anonymous.GetStringAsync(new Uri("/documents/" + indexNo, UriKind.Relative));
        Assert.Contains("绵阳市发展和改革委员会2025年政府信息公开工作年度报告", document, StringComparison.Ordinal);
        Assert.Contains("120（手工填报）", document, StringComparison.Ordinal);
        Assert.Contains("绵阳市发展和改革委员会2025年政府信息公开工作年度报告", await anonymous.GetStringAsync(new Uri("/annual-reports", UriKind.Relative)), StringComparison.Ordinal);

        var audit = await OversightTestData.AuditAsync(factory.Services, "annual-report.submitted");
        Assert.Contains(audit, a => a.Target == $"annual-report:{id}" && a.BodyId == body.Id);
    }

    [Fact]
    public async Task The_deadline_dashboard_marks_the_government_overdue_on_31_March_and_the_published_department_on_time()
    {
        using var admin = Client("annual.admin", await OversightTestData.BodyAsync(factory.Services, "myszf"), StaffRoles.SystemAdmin);
        var page = await admin.GetStringAsync(new Uri("/admin/oversight/annual-reports?year=2025", UriKind.Relative));
        var government = Row(page, "绵阳市人民政府")!;
        Assert.Contains("2026年3月31日（政府）", government, StringComparison.Ordinal);
        Assert.Contains("已逾期", government, StringComparison.Ordinal);
        Assert.Contains("class=\"overdue\"", government, StringComparison.Ordinal);
        var environment = Row(page, "绵阳市生态环境局")!;
        Assert.Contains("2026年1月31日（部门）", environment, StringComparison.Ordinal);
        Assert.Contains("已按时发布", environment, StringComparison.Ordinal);
    }

    /// <summary>The dashboard row (tr) whose header cell is the body's name.</summary>
    private static string? Row(string html, string bodyName)
    {
        var at = html.IndexOf($"<th scope=\"row\">{bodyName}</th>", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[start..end];
    }

    private static async Task<int> IdAsync(HttpClient editor)
    {
        var dashboard = await editor.GetStringAsync(new Uri("/admin/oversight/annual-reports?year=2025", UriKind.Relative));
        var match = System.Text.RegularExpressions.Regex.Match(dashboard, "/admin/oversight/annual-reports/(\\d+)\">");
        Assert.True(match.Success, "The dashboard links the generated report.");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int DocumentId(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "/admin/documents/(\\d+)\"");
        Assert.True(match.Success, "The report page links its document.");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
