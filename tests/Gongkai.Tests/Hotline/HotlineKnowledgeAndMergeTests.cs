using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Hotline;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Hotline;

/// <summary>The knowledge base and 直接答复, duplicate merging with every caller informed, and the citizens' web form
/// with the web-link evaluation.</summary>
public sealed partial class HotlineKnowledgeAndMergeTests(HotlineClockFactory factory) : IClassFixture<HotlineClockFactory>
{
    private static readonly Uri Tickets = new("/api/v1/hotline/tickets", UriKind.Relative);

    [GeneratedRegex("id=\"ticket-number\">(12345-\\d{4}-\\d{7})<")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("id=\"ticket-code\">([0-9a-f]{32})<")]
    private static partial Regex CodePattern();

    /// <summary>The tests of this class share a host whose clock only moves forward.</summary>
    private static Task<JsonElement> JsonAsync(HttpResponseMessage response) => HotlineTestData.SucceededJsonAsync(response);

    private static async Task<int> TakeInAsync(HttpClient client, object body) =>
        (await JsonAsync(await client.PostAsJsonAsync(Tickets, body))).GetProperty("id").GetInt32();

    private static Task<HttpResponseMessage> PostEventAsync(HttpClient client, int id, object body) =>
        client.PostAsJsonAsync(new Uri($"/api/v1/hotline/tickets/{id}/events", UriKind.Relative), body);

    [Fact]
    public async Task An_operator_keeps_an_entry_with_its_source_finds_it_in_chinese_and_closes_a_ticket_as_a_direct_answer_linking_it()
    {
        factory.MoveTo(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        using var centre = await factory.CreateStaffClientAsync("hotline.kb", StaffRoles.HotlineOperator);

        var refused = await centre.SubmitAsync("/admin/hotline/knowledge", new Dictionary<string, string> { ["Title"] = "居住证怎么办", ["Answer"] = "携带材料到派出所。", ["Active"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请注明答复依据的来源", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await centre.SubmitAsync("/admin/hotline/knowledge", new Dictionary<string, string>
        {
            ["Title"] = "办理居住证需要哪些材料", ["Answer"] = "本人身份证、近期照片和居住证明（租房合同或房产证），到居住地派出所办理，一般15个工作日内发证。",
            ["Source"] = "《居住证暂行条例》第九条、第十条", ["SourceUrl"] = "https://www.gov.cn/zhengce/content/2015-12/14/content_10398.htm",
            ["Category"] = "1001", ["Active"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var entryId = int.Parse(Regex.Match(saved.RequestMessage!.RequestUri!.AbsolutePath, @"/knowledge/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await centre.SubmitAsync("/admin/hotline/knowledge", new Dictionary<string, string>
        {
            ["Title"] = "公交卡丢失怎么补办", ["Answer"] = "携带身份证到公交集团客服网点挂失补办。", ["Source"] = "市公交集团服务指南", ["Active"] = "true",
        });

        // Found by what a caller says, in other words than the entry's; traditional characters fold to simplified.
        var found = await JsonAsync(await centre.GetAsync(new Uri("/api/v1/hotline/knowledge?q=" + Uri.EscapeDataString("我想辦居住证要带什么"), UriKind.Relative)));
        Assert.Equal(entryId, found[0].GetProperty("id").GetInt32());
        Assert.Equal("《居住证暂行条例》第九条、第十条", found[0].GetProperty("source").GetString());
        Assert.DoesNotContain(found.EnumerateArray(), e => e.GetProperty("title").GetString() == "公交卡丢失怎么补办");

        var id = await TakeInAsync(centre, new { channel = "phone", category = "1001", description = "咨询办理居住证需要什么材料。", district = "涪城区" });
        var number = (await JsonAsync(await centre.GetAsync(new Uri($"/api/v1/hotline/tickets/{id}", UriKind.Relative)))).GetProperty("serviceRequestId").GetString()!;
        var page = await centre.GetStringAsync(new Uri($"/admin/hotline/tickets/{number}?kb=" + Uri.EscapeDataString("居住证材料"), UriKind.Relative));
        Assert.Contains("以此条直接答复", page, StringComparison.Ordinal);
        Assert.Contains("《居住证暂行条例》第九条、第十条", page, StringComparison.Ordinal);

        var answered = await centre.SubmitAsync($"/admin/hotline/tickets/{number}", new Dictionary<string, string> { ["Type"] = "answered-directly", ["KnowledgeEntry"] = entryId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var html = await answered.Content.ReadAsStringAsync();
        Assert.Contains("直接答复", html, StringComparison.Ordinal);
        Assert.Contains("依据知识库条目", html, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<HotlineTicket>().SingleAsync(t => t.Id == id);
        Assert.Equal("answered-directly", ticket.Status);
        Assert.Equal(entryId, ticket.KnowledgeEntryId);
        Assert.False(ticket.IsOpen);
        Assert.Contains("（依据：《居住证暂行条例》第九条、第十条）", ticket.ReplyText, StringComparison.Ordinal);

        // A retired entry is no longer found nor quotable; a handler may read the base but not edit it.
        using var handler = factory.CreateClient().SignedInAs("handler.kb", 1, StaffRoles.HotlineHandler);
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync(new Uri("/admin/hotline/knowledge?q=居住证", UriKind.Relative))).StatusCode);
        var token = PageForms.AntiforgeryToken(await handler.GetStringAsync(new Uri("/hotline/new", UriKind.Relative)));
        using var crafted = new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "x", ["Answer"] = "y", ["Source"] = "z", [PageForms.TokenField] = token });
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync(new Uri("/admin/hotline/knowledge", UriKind.Relative), crafted)).StatusCode);
        await centre.SubmitAsync($"/admin/hotline/knowledge/{entryId}", new Dictionary<string, string>
        {
            ["Title"] = "办理居住证需要哪些材料", ["Answer"] = "已过时", ["Source"] = "旧口径", ["Active"] = "false",
        });
        var after = await JsonAsync(await centre.GetAsync(new Uri("/api/v1/hotline/knowledge?q=居住证", UriKind.Relative)));
        Assert.DoesNotContain(after.EnumerateArray(), e => e.GetProperty("id").GetInt32() == entryId);
        var second = await TakeInAsync(centre, new { channel = "phone", category = "1001", description = "居住证", district = "涪城区" });
        Assert.Equal(HttpStatusCode.BadRequest, (await PostEventAsync(centre, second, new { type = "answered-directly", knowledgeEntry = entryId })).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_is_merged_into_the_main_ticket_and_every_caller_hears_the_reply()
    {
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        factory.MoveTo(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        using var centre = await factory.CreateStaffClientAsync("hotline.merge", StaffRoles.HotlineOperator);
        using var handler = factory.CreateClient().SignedInAs("handler.merge", first.Id, StaffRoles.HotlineHandler);
        var main = await TakeInAsync(centre, new { channel = "phone", category = "0104", description = "安昌路口路灯不亮一周了。", district = "游仙区", address = "安昌路口", callerPhone = "13700000001" });
        var mainNumber = (await JsonAsync(await centre.GetAsync(new Uri($"/api/v1/hotline/tickets/{main}", UriKind.Relative)))).GetProperty("serviceRequestId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await PostEventAsync(centre, main, new { type = "dispatched", body = first.Code })).StatusCode);
        var duplicate = await TakeInAsync(centre, new { channel = "wechat", category = "0104", description = "安昌路口的路灯坏了，晚上很黑。", district = "游仙区", address = "安昌路", callerEmail = "caller@example.cn" });
        var elsewhere = await TakeInAsync(centre, new { channel = "phone", category = "0104", description = "路灯不亮。", district = "涪城区" });
        var duplicateNumber = (await JsonAsync(await centre.GetAsync(new Uri($"/api/v1/hotline/tickets/{duplicate}", UriKind.Relative)))).GetProperty("serviceRequestId").GetString()!;

        // The console proposes the open ticket of the same category and district.
        var page = await centre.GetStringAsync(new Uri($"/admin/hotline/tickets/{duplicateNumber}", UriKind.Relative));
        Assert.Contains($"并入 {mainNumber}", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await PostEventAsync(centre, elsewhere, new { type = "merged", into = mainNumber })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostEventAsync(centre, duplicate, new { type = "merged" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostEventAsync(handler, duplicate, new { type = "merged", into = mainNumber })).StatusCode);
        var merged = await PostEventAsync(centre, duplicate, new { type = "merged", into = mainNumber });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal("merged", (await JsonAsync(merged)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostEventAsync(centre, duplicate, new { type = "dispatched", body = first.Code })).StatusCode);

        var mainPage = await centre.GetStringAsync(new Uri($"/admin/hotline/tickets/{mainNumber}", UriKind.Relative));
        Assert.Contains("并入本工单的重复诉求（1 件）", mainPage, StringComparison.Ordinal);
        Assert.Contains("caller@example.cn", mainPage, StringComparison.Ordinal);

        factory.MoveTo(new DateTimeOffset(2026, 11, 4, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(HttpStatusCode.OK, (await PostEventAsync(handler, main, new { type = "signed" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostEventAsync(handler, main, new { type = "replied", text = "已更换安昌路口路灯灯具，恢复照明。" })).StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var follower = await db.Set<HotlineTicket>().SingleAsync(t => t.Id == duplicate);
        Assert.False(follower.IsOpen);
        Assert.Equal("已更换安昌路口路灯灯具，恢复照明。", follower.ReplyText);
        var mail = await db.Set<OutboxMessage>().Where(m => m.To == "caller@example.cn").OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal(2, mail.Count);
        Assert.Contains("已合并办理", mail[0].Subject, StringComparison.Ordinal);
        Assert.Contains("已更换安昌路口路灯灯具", mail[1].Body, StringComparison.Ordinal);

        // Open311 tells the duplicate's caller the main ticket's outcome.
        var token = follower.Token;
        using var anonymous = factory.CreateClient();
        var open311 = await anonymous.GetStringAsync(new Uri($"/open311/v2/requests/{duplicateNumber}.json", UriKind.Relative));
        Assert.Contains("\"closed\"", open311, StringComparison.Ordinal);
        Assert.Contains("已更换安昌路口路灯灯具", open311, StringComparison.Ordinal);
        var tracked = await anonymous.GetStringAsync(new Uri($"/hotline/track?number={duplicateNumber}&code={token}", UriKind.Relative));
        Assert.Contains("已合并办理", tracked, StringComparison.Ordinal);
        Assert.Contains("已更换安昌路口路灯灯具", tracked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_files_on_the_web_form_tracks_it_and_rates_the_reply_by_the_web_link()
    {
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        factory.MoveTo(new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(8)));
        using var citizen = factory.CreateClient();
        var missing = await citizen.SubmitAsync("/hotline/new", new Dictionary<string, string> { ["Category"] = "0601", ["Description"] = "噪声", ["District"] = "涪城区" });
        Assert.Contains("请留下电话或电子邮箱", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var filed = await citizen.SubmitAsync("/hotline/new", new Dictionary<string, string>
        {
            ["Category"] = "0601", ["District"] = "涪城区", ["Address"] = "临园路工地", ["Description"] = "临园路工地每晚十一点后仍在施工，噪声扰民。",
            ["CallerName"] = "孙七", ["CallerPhone"] = "13600000002",
        });
        var receipt = await filed.Content.ReadAsStringAsync();
        var number = NumberPattern().Match(receipt).Groups[1].Value;
        var code = CodePattern().Match(receipt).Groups[1].Value;
        Assert.NotEmpty(number);
        Assert.NotEmpty(code);

        var track = $"/hotline/track?number={number}&code={code}";
        Assert.Contains("已受理，正在派单", await citizen.GetStringAsync(new Uri(track, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("工单编号或查询码不正确", await citizen.GetStringAsync(new Uri($"/hotline/track?number={number}&code=0000000000000000", UriKind.Relative)), StringComparison.Ordinal);

        using var centre = await factory.CreateStaffClientAsync("hotline.web", StaffRoles.HotlineOperator);
        using var handler = factory.CreateClient().SignedInAs("handler.web", first.Id, StaffRoles.HotlineHandler);
        var id = (await JsonAsync(await centre.GetAsync(new Uri($"/api/v1/hotline/tickets/{number}", UriKind.Relative)))).GetProperty("id").GetInt32();
        Assert.Equal("web", (await JsonAsync(await centre.GetAsync(new Uri($"/api/v1/hotline/tickets/{id}", UriKind.Relative)))).GetProperty("channel").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostEventAsync(centre, id, new { type = "dispatched", body = first.Code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostEventAsync(handler, id, new { type = "signed" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostEventAsync(handler, id, new { type = "replied", text = "已责令工地夜间停工，违者依法处罚。" })).StatusCode);

        var replied = await citizen.GetStringAsync(new Uri(track, UriKind.Relative));
        Assert.Contains("已责令工地夜间停工", replied, StringComparison.Ordinal);
        Assert.Contains("评价办理结果", replied, StringComparison.Ordinal);
        Assert.DoesNotContain("13600000002", replied, StringComparison.Ordinal);

        var noReason = await citizen.SubmitAsync(track, new Dictionary<string, string> { ["Number"] = number, ["Code"] = code, ["Rating"] = "unsatisfied" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请写明不满意的原因", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrongCode = await citizen.SubmitAsync(track, new Dictionary<string, string> { ["Number"] = number, ["Code"] = "ffffffffffffffffffffffffffffffff", ["Rating"] = "satisfied" });
        Assert.Equal(HttpStatusCode.NotFound, wrongCode.StatusCode);

        var rated = await citizen.SubmitAsync(track, new Dictionary<string, string> { ["Number"] = number, ["Code"] = code, ["Rating"] = "unsatisfied", ["Reason"] = "晚上仍有施工" });
        Assert.Contains("感谢您的评价", await rated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ticket = await JsonAsync(await centre.GetAsync(new Uri($"/api/v1/hotline/tickets/{id}", UriKind.Relative)));
        Assert.Equal("unsatisfied", ticket.GetProperty("rating").GetString());
        var evaluation = ticket.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("市民（网上评价）", evaluation.GetProperty("actor").GetString());
        Assert.Equal("晚上仍有施工", evaluation.GetProperty("text").GetString());

        // The centre decides to reopen on the citizen's reason; a second web rating is refused until the next reply.
        Assert.Equal(HttpStatusCode.OK, (await PostEventAsync(centre, id, new { type = "reopened", reason = "市民网上评价不满意：晚上仍有施工；中心决定重办" })).StatusCode);
        // The page offers no form now; a crafted post is refused by the flow.
        var token = PageForms.AntiforgeryToken(await citizen.GetStringAsync(new Uri("/hotline/new", UriKind.Relative)));
        using var crafted = new FormUrlEncodedContent(new Dictionary<string, string> { ["Number"] = number, ["Code"] = code, ["Rating"] = "satisfied", [PageForms.TokenField] = token });
        var again = await citizen.PostAsync(new Uri("/hotline/track", UriKind.Relative), crafted);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }
}
