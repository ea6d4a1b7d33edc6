using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>查阅点: a visitor at the hall's touch screen walks the kiosk — latest documents, a document, the body directory,
/// a body, the guides, a search — on a browser started at the kiosk's locking address, finds only big targets and links that stay inside, cannot reach the portal, the staff
/// console or the API, and the screen goes back to the start after two minutes untouched (not while it is in use).</summary>
[Collection(VisitorBrowserTestGroup.Name)]
public sealed partial class KioskBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_walks_the_kiosk_and_cannot_leave_it()
    {
        var page = await fixture.NewPageAsync(1080, 1920);
        await page.Clock.InstallAsync();
        await page.GotoAsync("/kiosk?lock=1");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "政务公开查阅点", Level = 1 })).ToBeVisibleAsync();
        await AssertStaysInsideAsync(page);
        await AssertBigTargetsAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);

        // 最新文件 → a document.
        await page.Locator(".kiosk-tiles a", new() { HasText = "最新文件" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kiosk/documents$"));
        await AssertStaysInsideAsync(page);
        await page.Locator(".kiosk-list a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kiosk/documents/.+"));
        await Assertions.Expect(page.Locator("#kiosk-document-title")).ToBeVisibleAsync();
        await AssertStaysInsideAsync(page);

        // 机构目录 → a body.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "查阅点导航" }).GetByRole(AriaRole.Link, new() { Name = "机构目录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kiosk/bodies$"));
        await AssertStaysInsideAsync(page);
        await page.Locator(".kiosk-tiles a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kiosk/bodies/[^/]+$"));
        await AssertStaysInsideAsync(page);

        // 办事指南 → a guide.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "查阅点导航" }).GetByRole(AriaRole.Link, new() { Name = "办事指南" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kiosk/guides$"));
        await page.Locator(".kiosk-list a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kiosk/guides/\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("办事指南");
        await AssertStaysInsideAsync(page);

        // Search from the start; the results open inside the kiosk (the index may still be catching up on a fresh server).
        await page.GetByRole(AriaRole.Navigation, new() { Name = "查阅点导航" }).GetByRole(AriaRole.Link, new() { Name = "首页" }).ClickAsync();
        await page.GetByLabel("检索文件、政策").FillAsync("政务公开");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kiosk/search\\?q="));
        for (var attempt = 0; attempt < 60 && await page.Locator(".kiosk-list a").CountAsync() == 0; attempt++)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }

        Assert.True(await page.Locator(".kiosk-list a").CountAsync() > 0, "the demo documents should match 政务公开");
        await AssertStaysInsideAsync(page);
        await page.Locator(".kiosk-list a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kiosk/documents/.+"));

        // Every way out leads back to the start: the portal, the staff console, its sign-in, the API, the feeds.
        foreach (var outside in new[] { "/", "/documents", "/admin", "/admin/sign-in", "/api/v1/documents", "/feeds/atom.xml", "/search?q=%E6%94%BF%E5%8A%A1" })
        {
            await page.GotoAsync(outside);
            Assert.Equal("/kiosk", new Uri(page.Url).AbsolutePath);
        }

        // Idle: untouched for 2 minutes it returns to the start; a touch restarts the wait.
        await page.GotoAsync("/kiosk/bodies");
        await page.Clock.FastForwardAsync("01:30");
        await page.Mouse.WheelAsync(0, 200);
        await page.Locator("h1").ClickAsync();
        await page.Clock.FastForwardAsync("01:30");
        Assert.EndsWith("/kiosk/bodies", page.Url, StringComparison.Ordinal);
        await page.Clock.FastForwardAsync("00:35");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kiosk$"));
    }

    /// <summary>No link or form on the page leads outside the kiosk (the skip link stays on the page).</summary>
    private static async Task AssertStaysInsideAsync(IPage page)
    {
        var targets = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).concat([...document.querySelectorAll('form')].map(f => f.getAttribute('action') || ''))");
        var outside = targets.Where(target => !InsideKiosk().IsMatch(target) && target != "#main").ToList();
        Assert.True(outside.Count == 0, $"{page.Url} links outside the kiosk: {string.Join(", ", outside)}");
    }

    /// <summary>Touch targets: every link and button is at least 44 px high (the tiles and search far more).</summary>
    private static async Task AssertBigTargetsAsync(IPage page)
    {
        var small = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main a, main button, main input, header a')].filter(e => e.getBoundingClientRect().height < 44).map(e => e.outerHTML.slice(0, 80))");
        Assert.True(small.Length == 0, "targets too small to touch: " + string.Join(" | ", small));
        var body = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.True(body >= 20, $"kiosk text is {body} px; large type is at least 20 px");
    }

    [GeneratedRegex("^/kiosk(/|\\?|$)")]
    private static partial Regex InsideKiosk();
}
