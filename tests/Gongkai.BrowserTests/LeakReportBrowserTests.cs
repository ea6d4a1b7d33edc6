using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>Issue 13's done-when in a real browser: a citizen follows 报告个人信息泄露 from a published document of
/// 绵阳市人民政府, reports what they saw, and the body's staff find the report from their console dashboard — with
/// the reporter's contact, which the public page never shows back. axe-core checks the form and the staff page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LeakReportBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_citizens_leak_report_reaches_the_bodys_dashboard()
    {
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/documents?body=myszf");
        await citizen.Locator("ul.list a").First.ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = "报告个人信息泄露" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "报告个人信息泄露", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(citizen);

        const string description = "附件名单第3行公开了一位村民的完整身份证号码，请核实遮盖。";
        await citizen.GetByLabel("说明（必填", new() { Exact = false }).FillAsync(description);
        await citizen.GetByLabel("您的联系方式", new() { Exact = false }).FillAsync("13800000077");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交报告" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("报告已提交");
        Assert.DoesNotContain("13800000077", await citizen.InnerTextAsync("main"), StringComparison.Ordinal);

        var staff = await fixture.SignInAsync("editor.myszf");
        await staff.GetByRole(AriaRole.Link, new() { Name = "个人信息泄露报告" }).First.ClickAsync();
        await Assertions.Expect(staff).ToHaveURLAsync(new Regex("/admin/safeguards/leak-reports$"));
        var main = await staff.InnerTextAsync("main");
        Assert.Contains(description, main, StringComparison.Ordinal);
        Assert.Contains("13800000077", main, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(staff);
    }
}
