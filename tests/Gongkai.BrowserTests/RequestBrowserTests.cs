using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>The request done-when path in a real browser: a citizen applies on the public form, an officer signs in
/// on the real sign-in page and handles the case (correction, consultation, extension, 部分公开), and the citizen
/// reads the reply on the tracking page. axe-core checks every page visited.</summary>
[Collection(RequestsBrowserTestGroup.Name)]
public sealed partial class RequestBrowserTests(BrowserFixture fixture)
{
    [GeneratedRegex("YSQ-\\d{4}-\\d{6}")]
    private static partial Regex TrackingNumberPattern();

    /// <summary>Also the PostgreSQL smoke journey: scripts/test runs the browser tests on SQLite, then this one alone
    /// on PostgreSQL, since it writes and reads back through every layer (public form, sign-in, case handling).</summary>
    [Fact]
    [Trait("Database", "PostgresSmoke")]
    public async Task A_citizen_applies_an_officer_handles_the_case_and_the_citizen_reads_the_partial_disclosure()
    {
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/requests/apply");
        await BrowserFixture.AssertAccessibleAsync(citizen);
        await citizen.GetByLabel("申请人类型（必填）").SelectOptionAsync("自然人");
        await citizen.GetByLabel("姓名或单位名称（必填）").FillAsync("赵六");
        await citizen.GetByLabel("身份证明文件（必填）").SelectOptionAsync("居民身份证");
        await citizen.GetByLabel("证件号码（必填）").FillAsync("360426199101010071");
        await citizen.GetByLabel("联系电话").FillAsync("13800000001");
        await citizen.GetByLabel("向哪个机关申请（必填）").SelectOptionAsync("myszf");
        await citizen.GetByLabel("所需信息的名称或内容描述（必填）").FillAsync("涪城路拓宽工程的环境影响评价批复");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        var receipt = citizen.GetByRole(AriaRole.Status);
        await Assertions.Expect(receipt).ToContainTextAsync("申请已提交");
        await BrowserFixture.AssertAccessibleAsync(citizen);
        var number = await receipt.GetByRole(AriaRole.Row, new() { Name = "申请编号" }).Locator("td").InnerTextAsync();
        var code = await receipt.GetByRole(AriaRole.Row, new() { Name = "查询码" }).Locator("td").InnerTextAsync();
        Assert.Matches(TrackingNumberPattern(), number);
        Assert.NotEmpty(code);

        var officer = await fixture.NewPageAsync();
        await officer.GotoAsync("/admin/requests");
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/admin/sign-in"));
        await officer.GetByLabel("用户名").FillAsync("officer.myszf");
        await officer.GetByLabel("密码").FillAsync(PortalServer.DemoPassword);
        await officer.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/admin/requests$"));
        await BrowserFixture.AssertAccessibleAsync(officer);

        await officer.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = $"申请 {number}", Level = 1 })).ToBeVisibleAsync();
        Assert.Contains("赵六", await officer.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(officer);

        // Events happen on the day the citizen applied: none may lie in the future, and the clock takes same-day
        // events in the order they were recorded.
        var today = await officer.GetByLabel("发生日期", new() { Exact = false }).InputValueAsync();
        Assert.True(DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

        async Task RecordAsync(string eventName, string? workingDays = null, string? decision = null, string? details = null)
        {
            await officer.GetByLabel("事项", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = eventName });
            await officer.GetByLabel("发生日期", new() { Exact = false }).FillAsync(today);
            if (workingDays is not null)
            {
                await officer.GetByLabel("延长的工作日数", new() { Exact = false }).FillAsync(workingDays);
            }

            if (decision is not null)
            {
                await officer.GetByLabel("答复类型", new() { Exact = false }).SelectOptionAsync(decision);
            }

            if (details is not null)
            {
                await officer.GetByLabel("说明", new() { Exact = false }).FillAsync(details);
            }

            await officer.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync($"已登记：{eventName}");
        }

        await RecordAsync("告知补正", details: "请写明工程名称和批复年份");
        await RecordAsync("收到补正", details: "申请人补充：2025年批复");
        await RecordAsync("征求意见", details: "征求建设单位意见");
        await RecordAsync("征求意见结束", details: "建设单位同意公开");
        await RecordAsync("批准延期", workingDays: "5", details: "办公室主任批准，已告知申请人");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await RecordAsync("作出答复", decision: "partly-disclosed", details: "批复文件中的个人信息已作区分处理");

        var history = await officer.InnerTextAsync("main");
        Assert.Contains("部分公开", history, StringComparison.Ordinal);
        Assert.Contains("批准延期（5个工作日）", history, StringComparison.Ordinal);
        await officer.GetByRole(AriaRole.Link, new() { Name = "查看并打印告知书" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("政府信息公开申请答复告知书");
        await BrowserFixture.AssertAccessibleAsync(officer);

        await citizen.GotoAsync("/requests/track");
        await citizen.GetByLabel("申请编号", new() { Exact = false }).FillAsync(number);
        await citizen.GetByLabel("查询码").FillAsync(code);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "答复：部分公开" })).ToBeVisibleAsync();
        var tracked = await citizen.InnerTextAsync("main");
        Assert.Contains("个人信息已作区分处理", tracked, StringComparison.Ordinal);
        Assert.Contains("申请行政复议", tracked, StringComparison.Ordinal);
        Assert.DoesNotContain("360426199101010071", tracked, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000001", tracked, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(citizen);
    }
}
