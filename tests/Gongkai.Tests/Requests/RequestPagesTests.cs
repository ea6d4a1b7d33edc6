using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

/// <summary>The done-when path through the pages: a citizen applies, an officer requests a correction, records it,
/// a consultation and an extension, replies 部分公开, and the citizen sees the reply.</summary>
public sealed partial class RequestPagesTests(FrozenClockFactory factory) : IClassFixture<FrozenClockFactory>
{
    private async Task<string> BodyCodeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return await db.Set<Body>().Where(b => b.Id == 1).Select(b => b.Code).SingleAsync();
    }

    private static Dictionary<string, string> Form(string body) => new()
    {
        ["Application.ApplicantType"] = "自然人",
        ["Application.Name"] = "李四",
        ["Application.IdType"] = "居民身份证",
        ["Application.IdNumber"] = "360426199101010071",
        ["Application.Phone"] = "13800000000",
        ["Application.Email"] = "",
        ["Application.Address"] = "",
        ["Application.Body"] = body,
        ["Application.Description"] = "某路段拓宽工程的环境影响评价批复",
        ["Application.DocNumber"] = "",
        ["Application.Form"] = "electronic",
        ["Application.Delivery"] = "online",
    };

    [GeneratedRegex("<strong>(YSQ-\\d{4}-\\d{6})</strong>")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("查询码</th><td><strong>([A-Z0-9]+)</strong>")]
    private static partial Regex CodePattern();

    [Fact]
    public async Task A_bad_id_number_re_shows_the_form_with_a_chinese_message_and_the_input_kept()
    {
        using var client = factory.CreateClient();
        var fields = Form(await BodyCodeAsync());
        fields["Application.IdNumber"] = "360426199101010072";
        var response = await client.SubmitAsync("/requests/apply", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("校验位", html, StringComparison.Ordinal);
        Assert.Contains("value=\"360426199101010072\"", html, StringComparison.Ordinal);
        Assert.Contains("某路段拓宽工程的环境影响评价批复", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_applies_an_officer_handles_it_and_the_citizen_sees_the_partial_disclosure()
    {
        using var citizen = factory.CreateClient();
        var filed = await citizen.SubmitAsync("/requests/apply", Form(await BodyCodeAsync()));
        var filedHtml = await filed.Content.ReadAsStringAsync();
        Assert.Contains("申请已提交", filedHtml, StringComparison.Ordinal);
        var number = NumberPattern().Match(filedHtml).Groups[1].Value;
        var code = CodePattern().Match(filedHtml).Groups[1].Value;
        Assert.NotEmpty(code);

        using var officer = await factory.CreateStaffClientAsync("officer.pages", StaffRoles.RequestOfficer);
        var queue = await officer.GetStringAsync(new Uri("/admin/requests", UriKind.Relative));
        Assert.Contains(number, queue, StringComparison.Ordinal);

        var received = await ReceivedOnAsync(number);
        var casePage = $"/admin/requests/{number}";
        async Task Record(string type, DateOnly on, string? days = null, string? decision = null, string? details = null)
        {
            var response = await officer.SubmitAsync(casePage, new Dictionary<string, string>
            {
                ["Event.Type"] = type,
                ["Event.On"] = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["Event.WorkingDays"] = days ?? "",
                ["Event.Decision"] = decision ?? "",
                ["Event.Details"] = details ?? "",
            });
            // The client follows the redirect back to the case page, which confirms what was recorded.
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains("已登记：", StringComparison.Ordinal), $"{type}: {Regex.Match(html, "role=\"alert\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value}");
        }

        var advanced = await officer.SubmitAsync(casePage, handler: "Advance", fields: []);
        Assert.Contains("审核（登记", await advanced.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // All on the receipt day: the events' own dates are what count, and none may lie in the future.
        await Record("correction-requested", received, details: "请写明工程名称");
        await Record("correction-received", received);
        await Record("consultation-started", received, details: "征求建设单位意见");
        await Record("consultation-ended", received);
        await Record("extension-approved", received, "3", details: "主任批准");
        await Record("replied", received, decision: "partly-disclosed", details: "批复文件中个人信息已作区分处理");

        var caseHtml = await officer.GetStringAsync(new Uri(casePage, UriKind.Relative));
        Assert.Contains("逐日计算说明", caseHtml, StringComparison.Ordinal);
        Assert.Contains("答复（登记", caseHtml, StringComparison.Ordinal);
        Assert.Contains("李四", caseHtml, StringComparison.Ordinal);
        var letter = await officer.GetStringAsync(new Uri($"{casePage}/letter", UriKind.Relative));
        Assert.Contains("政府信息公开申请答复告知书", letter, StringComparison.Ordinal);
        Assert.Contains("申请行政复议", letter, StringComparison.Ordinal);

        var tracked = await citizen.SubmitAsync("/requests/track", new Dictionary<string, string> { ["TrackingNumber"] = number, ["Code"] = code });
        var trackedHtml = await tracked.Content.ReadAsStringAsync();
        Assert.Contains("答复：部分公开", trackedHtml, StringComparison.Ordinal);
        Assert.Contains("个人信息已作区分处理", trackedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("360426199101010071", trackedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_with_a_wrong_code_says_only_that_the_pair_is_wrong()
    {
        using var client = factory.CreateClient();
        var response = await client.SubmitAsync("/requests/track", new Dictionary<string, string> { ["TrackingNumber"] = "YSQ-2026-000001", ["Code"] = "WRONGCODE1" });
        Assert.Contains("申请编号或查询码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applicant_data_is_not_shown_to_officers_of_another_body()
    {
        using var officer = await factory.CreateStaffClientAsync("officer.pages2", StaffRoles.RequestOfficer);
        var application = new Dictionary<string, object?>
        {
            ["applicantType"] = "自然人", ["name"] = "王五", ["idType"] = "护照", ["idNumber"] = "E12345678", ["phone"] = "13900000000",
            ["description"] = "某文件", ["form"] = "paper", ["delivery"] = "collect", ["body"] = await BodyCodeAsync(),
        };
        var filed = await (await officer.PostAsJsonAsync(new Uri("/api/v1/requests", UriKind.Relative), application)).Content.ReadFromJsonAsync<JsonElement>();
        var number = filed.GetProperty("trackingNumber").GetString();

        using var elsewhere = await factory.CreateStaffClientAsync("officer.pages3", StaffRoles.RequestOfficer);
        elsewhere.DefaultRequestHeaders.Remove(TestAuth.BodyHeader);
        elsewhere.DefaultRequestHeaders.Add(TestAuth.BodyHeader, "2");
        var response = await elsewhere.GetAsync(new Uri($"/admin/requests/{number}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(number!, await elsewhere.GetStringAsync(new Uri("/admin/requests", UriKind.Relative)), StringComparison.Ordinal);
    }

    private async Task<DateOnly> ReceivedOnAsync(string number)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return await db.Set<Gongkai.Requests.DisclosureRequest>().Where(r => r.TrackingNumber == number).Select(r => r.ReceivedOn).SingleAsync();
    }
}
