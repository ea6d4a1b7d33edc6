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

    private static Task<JsonElement> JsonAsync(HttpResponseMessage response) => HotlineTestData.SucceededJsonAsync(response);

    [Fact]
    public async Task A_typical_case_is_published_only_after_the_safeguards_check_finds_no_personal_data()
    {
        factory.MoveTo(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(8)));
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
