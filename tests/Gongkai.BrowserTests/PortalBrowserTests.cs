using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>What a visitor and a staff member do first, in a real browser against the real executable; axe-core
/// checks every page visited.</summary>
[Collection(VisitorBrowserTestGroup.Name)]
public sealed class PortalBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_page_shows_the_site_identity_and_is_accessible()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        var footer = await page.InnerTextAsync("footer");
        Assert.Contains("网站标识码", footer, StringComparison.Ordinal);
        Assert.Contains("ICP备", footer, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_visitor_browses_the_body_directory_to_a_profile_and_its_disclosure_guide()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "机构设置" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "机构设置", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "三台县人民政府", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "三台县人民政府", Level = 1 })).ToBeVisibleAsync();
        var profile = await page.InnerTextAsync("main");
        foreach (var item in new[] { "机构职能", "办公地址", "办公时间", "联系电话", "负责人" })
        {
            Assert.Contains(item, profile, StringComparison.Ordinal);
        }

        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "政府信息公开指南" }).First.ClickAsync();
        Assert.Contains("依申请公开", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(360, 740)]
    public async Task A_visitor_reaches_the_online_application_from_the_home_page_in_one_click_and_tracking_in_two(int width, int height)
    {
        var page = await fixture.NewPageAsync(width: width, height: height);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "政府信息公开申请", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交申请" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "申请查询" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申请查询", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Elderly_mode_enlarges_the_text_is_remembered_and_can_be_turned_off()
    {
        var page = await fixture.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/bodies");
        var normalSize = await FontSizeAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "长者模式" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/bodies$"));
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("elderly"));
        Assert.True(await FontSizeAsync(page) >= normalSize * 1.3, "elderly mode should enlarge the text by at least 30 %");
        Assert.False(await HasHorizontalScrollAsync(page), "the page must fit 360 px without sideways scrolling");
        await BrowserFixture.AssertAccessibleAsync(page);

        // remembered on the next page
        await page.GotoAsync("/xxgk");
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("elderly"));
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "退出长者模式" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("elderly"));
    }

    [Fact]
    public async Task High_contrast_mode_passes_the_accessibility_check()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/bodies/myszf");
        await page.GetByRole(AriaRole.Link, new() { Name = "高对比度" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("contrast"));
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_staff_member_signs_in_and_reaches_the_console()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-in"));
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("密码").FillAsync("wrong-password");
        await page.GetByLabel("用户名").FillAsync("editor.myszf");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.Contains("用户名或密码", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("editor.myszf", await page.GetByLabel("用户名").InputValueAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("密码").FillAsync(PortalServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/?$"));
        Assert.Contains("信息编辑", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    private static Task<double> FontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main p, main li, main a')).fontSize)");

    private static Task<bool> HasHorizontalScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
}
