using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>The site's frame on a phone: a header that leaves the screen to the content, a search box that follows
/// 长者模式's text size.</summary>
[Collection(VisitorBrowserTestGroup.Name)]
public sealed class LayoutBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task On_a_phone_the_header_is_compact_and_its_search_box_grows_in_elderly_mode()
    {
        var page = await fixture.NewPageAsync(width: 360, height: 800);
        await page.GotoAsync("/xxgk");
        var header = (await page.Locator("header.site-header").BoundingBoxAsync())!;
        Assert.True(header.Height <= 120, $"the header takes {header.Height} px of an 800 px screen");
        await Assertions.Expect(page.GetByRole(AriaRole.Search).First.GetByRole(AriaRole.Searchbox)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "长者模式" })).ToBeVisibleAsync();
        var normalText = await SearchBoxFontSizeAsync(page);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"));
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "长者模式" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("elderly"));
        var elderlyHeader = (await page.Locator("header.site-header").BoundingBoxAsync())!;
        Assert.True(elderlyHeader.Height <= 220, $"in 长者模式 the header takes {elderlyHeader.Height} px of an 800 px screen");
        Assert.True(await SearchBoxFontSizeAsync(page) >= normalText * 1.3, "the header search box follows 长者模式's text size");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"));
        await BrowserFixture.AssertAccessibleAsync(page);

        // Every item of the main navigation can still be reached.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "网站地图" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "网站地图", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_mistyped_address_shows_a_Chinese_page_with_the_way_back()
    {
        var page = await fixture.NewPageAsync(width: 360, height: 800);
        var response = await page.GotoAsync("/xxgk/no-such-page");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面未找到", Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain("Not Found", await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "网站地图" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "网站地图", Level = 1 })).ToBeVisibleAsync();
    }

    private static Task<double> SearchBoxFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('#site-search')).fontSize)");
}
