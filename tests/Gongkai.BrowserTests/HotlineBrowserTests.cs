using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>The 12345 done-when journey in a real browser, on the staff console pages only: a phone call taken in on
/// the eve of 国庆节 2026, dispatched, returned, re-dispatched, signed, extended (asked by the body, approved by the centre), replied, rated 不满意, reopened and
/// answered again, with the application's clock moved day by day so each limit shown is checked across the holiday
/// and its make-up working day. Staff sign in again after each move, as their eight-hour session has ended.</summary>
[Collection(ClockedBrowserTestGroup.Name)]
public sealed partial class HotlineBrowserTests(ClockedBrowserFixture fixture)
{
    [GeneratedRegex("/admin/hotline/tickets/(12345-2026-\\d{7})$")]
    private static partial Regex TicketUrlPattern();

    private static DateTimeOffset China(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Moves the clock, signs <paramref name="userName"/> in afresh and opens the ticket from their queue.</summary>
    private async Task<IPage> OpenAsAsync(string userName, DateTimeOffset at, string number, string queue = "办理中全部")
    {
        fixture.Portal.SetNow(at);
        var page = await fixture.SignInAsync(userName);
        await page.GotoAsync("/admin/hotline");
        if (queue != "办理中全部")
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "工单队列" }).GetByRole(AriaRole.Link, new() { Name = queue }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"工单 {number}", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    private static async Task TakeStepAsync(IPage page, string step, string expectedStatus)
    {
        var form = page.Locator("section.panel").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = step, Exact = true }) });
        await form.GetByRole(AriaRole.Button, new() { Name = step, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#ticket-status")).ToHaveTextAsync(expectedStatus);
    }

    private static ILocator Clock(IPage page) => page.Locator("#ticket-clock");

    [Fact]
    public async Task A_phone_ticket_goes_from_intake_through_return_extension_unsatisfied_rating_and_reopening_to_the_final_reply()
    {
        // 30 September 15:00: the operator takes the call.
        fixture.Portal.SetNow(ClockedBrowserFixture.Start);
        var centre = await fixture.SignInAsync("hotline.myszf");
        await centre.GotoAsync("/admin/hotline");
        await centre.GetByRole(AriaRole.Link, new() { Name = "受理来电或来信" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(centre);
        await centre.GetByLabel("受理渠道").SelectOptionAsync("phone");
        await centre.GetByLabel("诉求分类").SelectOptionAsync("0102");
        await centre.GetByLabel("所在区县").SelectOptionAsync("涪城区");
        await centre.GetByLabel("地址").FillAsync("涪城区某街道某小区东门");
        await centre.GetByLabel("诉求内容（按来电人原话记录）").FillAsync("小区门口早晚有流动摊贩占道经营，影响通行。我叫王五，电话13912345678。");
        await centre.GetByLabel("姓名").FillAsync("王五");
        await centre.GetByLabel("电话").FillAsync("13912345678");
        await centre.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(centre).ToHaveURLAsync(TicketUrlPattern());
        var number = TicketUrlPattern().Match(centre.Url).Groups[1].Value;
        await Assertions.Expect(centre.Locator("#ticket-status")).ToHaveTextAsync("待派单");
        Assert.Contains("13912345678", await centre.InnerTextAsync("main"), StringComparison.Ordinal); // the centre sees the contact
        await BrowserFixture.AssertAccessibleAsync(centre);

        // Dispatched on the eve of the holiday to the municipal government's general office: 1 October to 7 October are
        // 国庆节, so signing is due at the end of Thursday 8 October and the reply five working days on (8, 9, 10 — a
        // make-up Saturday — 12 and 13 October).
        await centre.GetByLabel("承办单位").SelectOptionAsync("myszfb");
        await TakeStepAsync(centre, "派单", "待签收");
        await Assertions.Expect(Clock(centre)).ToContainTextAsync("签收期限：2026-10-08 24时");
        await Assertions.Expect(Clock(centre)).ToContainTextAsync("办结期限：2026-10-13 24时");
        await centre.GetByText("期限是怎样算出来的").ClickAsync();
        await Assertions.Expect(centre.GetByText("国庆节放假，不计入", new() { Exact = false }).First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(centre);

        // 8 October 09:00: the office returns it — not its matter.
        var office = await OpenAsAsync("handler.myszfb", China(10, 8, 9), number);
        await office.GetByLabel("退单理由").FillAsync("占道经营属城管执法，不属本单位职责");
        await TakeStepAsync(office, "退单", "已退单，待改派");
        await Assertions.Expect(Clock(office)).ToHaveCountAsync(1);
        await Assertions.Expect(Clock(office)).Not.ToContainTextAsync("期限");
        await office.Context.CloseAsync();

        // 8 October 10:00: re-dispatched to the municipal government, which gets a full period of its own.
        centre = await OpenAsAsync("hotline.myszf", China(10, 8, 10), number);
        await Assertions.Expect(centre.Locator("main")).ToContainTextAsync("占道经营属城管执法");
        await centre.GetByLabel("承办单位").SelectOptionAsync("myszf");
        await TakeStepAsync(centre, "派单", "待签收");
        await Assertions.Expect(Clock(centre)).ToContainTextAsync("签收期限：2026-10-09 24时");
        await Assertions.Expect(Clock(centre)).ToContainTextAsync("办结期限：2026-10-14 24时");

        // 9 October 11:00: the municipal government signs and asks for three more working days; at 14:00 the centre
        // approves the days asked for (15, 16, 19 October).
        var handler = await OpenAsAsync("handler.myszf", China(10, 9, 11), number);
        Assert.Contains("13912345678", await handler.InnerTextAsync("main"), StringComparison.Ordinal); // the handling body may call back
        await TakeStepAsync(handler, "签收", "办理中");
        await Assertions.Expect(handler.GetByRole(AriaRole.Heading, new() { Name = "延期（中心批准）" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(handler);
        await handler.GetByLabel("申请延期的工作日数").FillAsync("3");
        await handler.GetByLabel("延期理由（中心审批时查看）").FillAsync("需会同市场监管部门联合执法，已约定 10 月 19 日");
        await TakeStepAsync(handler, "申请延期（承办单位）", "办理中");
        await Assertions.Expect(handler.Locator("#extension-pending")).ToContainTextAsync("申请延期 3 个工作日");
        await Assertions.Expect(Clock(handler)).ToContainTextAsync("办结期限：2026-10-14 24时"); // unchanged until approved
        await handler.Context.CloseAsync();

        centre = await OpenAsAsync("hotline.myszf", China(10, 9, 14), number);
        await Assertions.Expect(centre.GetByLabel("批准延期的工作日数（承办单位申请 3 个）")).ToHaveValueAsync("3");
        await Assertions.Expect(centre.GetByRole(AriaRole.Heading, new() { Name = "不同意延期（中心）" })).ToBeVisibleAsync();
        await TakeStepAsync(centre, "延期（中心批准）", "办理中");
        await Assertions.Expect(centre.Locator("#extension-pending")).ToHaveCountAsync(0);
        await Assertions.Expect(Clock(centre)).ToContainTextAsync("办结期限：2026-10-19 24时");

        // 16 October 15:00: the reply.
        handler = await OpenAsAsync("handler.myszf", China(10, 16, 15), number);
        await handler.GetByLabel("答复内容（将告知市民并公开）").FillAsync("已会同街道清理占道摊贩，设置提示牌并安排早晚巡查。");
        await TakeStepAsync(handler, "办结答复", "已办结，待回访");
        await handler.Context.CloseAsync();

        // 19 October 10:00: the callback finds the citizen 不满意; the centre reopens the ticket once, with a new full
        // period from that day (20, 21, 22, 23, 26 October).
        centre = await OpenAsAsync("hotline.myszf", China(10, 19, 10), number, "已办结");
        await centre.GetByLabel("不满意").CheckAsync();
        await TakeStepAsync(centre, "回访评价", "已评价");
        await centre.GetByLabel("不满意的理由和中心的重办决定").FillAsync("市民反映摊贩仍在；中心决定重办");
        await TakeStepAsync(centre, "重办", "重办中");
        await Assertions.Expect(Clock(centre)).ToContainTextAsync("办结期限：2026-10-26 24时");
        await BrowserFixture.AssertAccessibleAsync(centre);

        // 22 October 10:00: the final reply, rated 满意; no second reopening is offered.
        handler = await OpenAsAsync("handler.myszf", China(10, 22, 10), number);
        await handler.GetByLabel("答复内容（将告知市民并公开）").FillAsync("已与市场监管、街道联合执法，摊贩已搬入规范市场。");
        await TakeStepAsync(handler, "办结答复", "已办结，待回访");
        await handler.Context.CloseAsync();

        centre = await OpenAsAsync("hotline.myszf", China(10, 22, 16), number, "已办结");
        await centre.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await TakeStepAsync(centre, "回访评价", "已评价");
        await Assertions.Expect(centre.GetByRole(AriaRole.Heading, new() { Name = "重办" })).ToHaveCountAsync(0);
        var history = centre.Locator("table.data tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(12);
        var kinds = await history.Locator("td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(["受理", "派单", "退单", "派单", "签收", "申请延期（承办单位）", "延期（中心批准）", "办结答复", "回访评价", "重办", "办结答复", "回访评价"], kinds);
        await BrowserFixture.AssertAccessibleAsync(centre);

        // Open311 and the public never see the caller: the public statistics page counts the ticket without a name.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/hotline/statistics?month=2026-09");
        var statistics = await visitor.InnerTextAsync("main");
        Assert.DoesNotContain("王五", statistics, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", statistics, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(visitor);
    }

    [Fact]
    public async Task The_web_form_the_tracking_page_and_the_knowledge_base_are_usable_and_accessible()
    {
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/hotline/new");
        await BrowserFixture.AssertAccessibleAsync(citizen);
        await citizen.GetByLabel("诉求分类（必填）").SelectOptionAsync("0601");
        await citizen.GetByLabel("所在区县").SelectOptionAsync("游仙区");
        await citizen.GetByLabel("诉求内容（必填）").FillAsync("小区旁工地夜间施工，噪声很大。");
        await citizen.GetByLabel("电话", new() { Exact = true }).FillAsync("13600000009");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "诉求已受理" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(citizen);
        await citizen.GetByRole(AriaRole.Link, new() { Name = "查询办理进度" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#public-status")).ToHaveTextAsync("已受理，正在派单");
        await BrowserFixture.AssertAccessibleAsync(citizen);

        var admin = await fixture.SignInAsync("hotline.myszf");
        await admin.GotoAsync("/admin/hotline/knowledge");
        await admin.GetByLabel("问题（标题）").FillAsync("夜间施工噪声向谁反映");
        await admin.GetByLabel("答复口径").FillAsync("夜间（22时至次日6时）施工须取得夜间施工许可，未经许可的由生态环境部门依法查处。");
        await admin.GetByLabel("来源（政策文件、法规条款或部门通知）").FillAsync("《中华人民共和国噪声污染防治法》第四十三条");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
        await admin.GotoAsync("/admin/hotline/knowledge?q=" + Uri.EscapeDataString("晚上施工吵"));
        await Assertions.Expect(admin.Locator("#knowledge-results")).ToContainTextAsync("夜间施工噪声向谁反映");
        await BrowserFixture.AssertAccessibleAsync(admin);
    }
}
