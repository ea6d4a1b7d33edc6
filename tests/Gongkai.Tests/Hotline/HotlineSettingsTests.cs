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

// Apart from the cases tests: each class has a clock of its own, which only moves forward.

/// <summary>The administrators' tables (categories, time limits, routing) on their console page, and typical cases
/// published on the public statistics page only after the safeguards' check.</summary>
public sealed class HotlineSettingsTests(HotlineClockFactory factory) : IClassFixture<HotlineClockFactory>
{
    private static readonly Uri Tickets = new("/api/v1/hotline/tickets", UriKind.Relative);

    private static Task<JsonElement> JsonAsync(HttpResponseMessage response) => HotlineTestData.SucceededJsonAsync(response);

    [Fact]
    public async Task An_administrator_adds_a_category_sets_its_limit_and_route_and_new_tickets_follow_them()
    {
        factory.MoveTo(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(8)));
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
}
