using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Hotline;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Hotline;

/// <summary>The administrators' tables (categories, time limits, routing) on their console page, and typical cases
/// published on the public statistics page only after the safeguards' check.</summary>
public sealed class HotlineSettingsAndCasesTests(HotlineClockFactory factory) : IClassFixture<HotlineClockFactory>
{
    private static readonly Uri Tickets = new("/api/v1/hotline/tickets", UriKind.Relative);

    private void MoveTo(DateTimeOffset at)
    {
        if (at > factory.Clock.GetUtcNow())
        {
            factory.Clock.SetUtcNow(at);
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task An_administrator_adds_a_category_sets_its_limit_and_route_and_new_tickets_follow_them()
    {
        MoveTo(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(8)));
        var (first, second) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        using var admin = await factory.CreateStaffClientAsync("admin.settings", StaffRoles.SystemAdmin);
        using var centre = await factory.CreateStaffClientAsync("hotline.settings", StaffRoles.HotlineOperator);
        Assert.Equal(HttpStatusCode.Forbidden, (await centre.GetAsync(new Uri("/admin/hotline/settings", UriKind.Relative))).StatusCode);

        var bad = await admin.SubmitAsync("/admin/hotline/settings", new Dictionary<string, string> { ["code"] = "坏代码", ["name"] = "" }, handler: "Category");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("分类代码为 1 到 32 位字母或数字", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync("/admin/hotline/settings", new Dictionary<string, string>
            { ["code"] = "0105", ["name"] = "共享单车停放", ["parent"] = "01", ["urgency"] = "general", ["active"] = "true" }, handler: "Category")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync("/admin/hotline/settings", new Dictionary<string, string>
            { ["category"] = "0105", ["urgency"] = "general", ["signDays"] = "1", ["replyDays"] = "3" }, handler: "Limit")).StatusCode);
        var page = await admin.SubmitAsync("/admin/hotline/settings", new Dictionary<string, string>
            { ["category"] = "0105", ["district"] = "游仙区", ["body"] = second.Code }, handler: "Route");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("共享单车停放（0105）", html, StringComparison.Ordinal);
        Assert.Contains("已保存派单规则", html, StringComparison.Ordinal);

        // A ticket of the new category in that district is proposed to the second body and gets 3 working days.
        var created = await JsonAsync(await centre.PostAsJsonAsync(Tickets, new { channel = "phone", category = "0105", description = "小区门口共享单车乱停。", district = "游仙区" }));
        var id = created.GetProperty("id").GetInt32();
        using (var scope = factory.Services.CreateScope())
        {
            var ticket = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<HotlineTicket>().SingleAsync(t => t.Id == id);
            Assert.Equal(second.Id, ticket.ProposedBodyId);
        }

        var dispatched = await JsonAsync(await centre.PostAsJsonAsync(new Uri($"/api/v1/hotline/tickets/{id}/events", UriKind.Relative), new { type = "dispatched", body = second.Code }));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(8)), dispatched.GetProperty("replyDueAt").GetDateTimeOffset()); // 17, 18, 19 November
        Assert.Contains("分类 0105 的一般件时限", dispatched.GetProperty("timeLimit").GetString(), StringComparison.Ordinal);

        // Hidden categories take no new tickets; the Open311 service list drops them.
        await admin.SubmitAsync("/admin/hotline/settings", new Dictionary<string, string>
            { ["code"] = "0105", ["name"] = "共享单车停放", ["parent"] = "01", ["urgency"] = "general", ["active"] = "false" }, handler: "Category");
        Assert.Equal(HttpStatusCode.BadRequest, (await centre.PostAsJsonAsync(Tickets, new { channel = "phone", category = "0105", description = "x", district = "游仙区" })).StatusCode);
        Assert.DoesNotContain("\"0105\"", await factory.CreateClient().GetStringAsync(new Uri("/open311/v2/services.json", UriKind.Relative)), StringComparison.Ordinal);
        _ = first;
    }

    [Fact]
    public async Task A_typical_case_is_published_only_after_the_safeguards_check_finds_no_personal_data()
    {
        MoveTo(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(8)));
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        using var centre = await factory.CreateStaffClientAsync("hotline.cases", StaffRoles.HotlineOperator);
        using var handler = factory.CreateClient().SignedInAs("handler.cases", first.Id, StaffRoles.HotlineHandler);
        var created = await JsonAsync(await centre.PostAsJsonAsync(Tickets, new { channel = "phone", category = "0301", description = "某公司拖欠三个月工资。", district = "涪城区", callerName = "周八", callerPhone = "13500000003" }));
        var id = created.GetProperty("id").GetInt32();
        var number = created.GetProperty("serviceRequestId").GetString()!;
        var events = new Uri($"/api/v1/hotline/tickets/{id}/events", UriKind.Relative);
        await JsonAsync(await centre.PostAsJsonAsync(events, new { type = "dispatched", body = first.Code }));

        // An open ticket offers no case form.
        Assert.DoesNotContain("选为典型案例", await centre.GetStringAsync(new Uri($"/admin/hotline/tickets/{number}", UriKind.Relative)), StringComparison.Ordinal);
        await JsonAsync(await handler.PostAsJsonAsync(events, new { type = "signed" }));
        await JsonAsync(await handler.PostAsJsonAsync(events, new { type = "replied", text = "经劳动监察约谈，企业已补发工资。" }));

        var selected = await centre.SubmitAsync($"/admin/hotline/tickets/{number}", new Dictionary<string, string>
            { ["CaseTitle"] = "拖欠工资投诉三日办结", ["CaseText"] = "市民周八（电话13500000003）反映某公司拖欠工资，劳动监察约谈后企业补发。" }, handler: "Case");
        Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
        Assert.EndsWith("/admin/hotline/cases", selected.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        int caseId;
        using (var scope = factory.Services.CreateScope())
        {
            caseId = (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<HotlineTypicalCase>().SingleAsync(c => c.TicketId == id)).Id;
        }

        var blocked = await centre.SubmitAsync("/admin/hotline/cases", new Dictionary<string, string> { ["id"] = caseId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: "Publish");
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Contains("安全检查发现个人信息", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var visitor = factory.CreateClient();
        Assert.DoesNotContain("拖欠工资投诉三日办结", await visitor.GetStringAsync(new Uri("/hotline/statistics?month=2026-11", UriKind.Relative)), StringComparison.Ordinal);

        await centre.SubmitAsync($"/admin/hotline/tickets/{number}", new Dictionary<string, string>
            { ["CaseTitle"] = "拖欠工资投诉三日办结", ["CaseText"] = "市民反映某公司拖欠三个月工资，劳动监察部门约谈企业后，企业已补发全部工资。" }, handler: "Case");
        var published = await centre.SubmitAsync("/admin/hotline/cases", new Dictionary<string, string> { ["id"] = caseId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: "Publish");
        Assert.Contains("已通过安全检查并发布", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var statistics = await visitor.GetStringAsync(new Uri("/hotline/statistics?month=2026-11", UriKind.Relative));
        Assert.Contains("拖欠工资投诉三日办结", statistics, StringComparison.Ordinal);
        Assert.DoesNotContain("13500000003", statistics, StringComparison.Ordinal);
    }
}
