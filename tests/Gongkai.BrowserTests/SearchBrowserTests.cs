using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>The search results page at phone and desktop widths, in the normal, 长者模式 and 高对比度 displays: the
/// titles are readable (wide, not squeezed beside the filters) and axe-core finds nothing serious.</summary>
[Collection(VisitorBrowserTestGroup.Name)]
public sealed class SearchBrowserTests(BrowserFixture fixture)
{
    private const string Query = "政务公开";

    [Theory]
    [InlineData(375, 800, null)]
    [InlineData(375, 800, "elderly")]
    [InlineData(375, 800, "contrast")]
    [InlineData(1366, 900, null)]
    [InlineData(1366, 900, "elderly")]
    [InlineData(1366, 900, "contrast")]
    public async Task Search_results_are_full_width_readable_and_accessible(int width, int height, string? mode)
    {
        var page = await fixture.NewPageAsync(width, height);
        var search = "/search?q=" + Uri.EscapeDataString(Query);
        await page.GotoAsync(mode is null ? search : $"/preferences?{mode}=on&returnUrl={Uri.EscapeDataString(search)}");
        if (mode is not null)
        {
            await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(mode));
        }

        // The index follows the change log; give a freshly started server a moment to index the demo documents.
        for (var attempt = 0; attempt < 60 && await page.Locator(".search-title").CountAsync() == 0; attempt++)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }

        var titles = page.Locator(".search-title");
        Assert.True(await titles.CountAsync() > 0, "the demo documents should match " + Query);

        var column = await page.Locator(".search-main").BoundingBoxAsync();
        Assert.NotNull(column);
        if (width < 600)
        {
            Assert.True(column.Width >= width * 0.8, $"on a phone the results take the full width, not {column.Width} px of {width}");
        }

        for (var i = 0; i < await titles.CountAsync(); i++)
        {
            var box = await titles.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= column.Width * 0.6, $"result title {i} is {box.Width} px wide in a {column.Width} px column");
        }

        // The first result is on the first screen, before the filters.
        var first = await titles.First.BoundingBoxAsync();
        var filters = await page.Locator(".search-filters").BoundingBoxAsync();
        Assert.True(first!.Y < height, $"the first result starts at {first.Y} px, below the first screen");
        if (width < 600)
        {
            Assert.True(filters!.Y > first.Y, "on a phone the filters come after the results");
        }

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"),
            "the page must not scroll sideways");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
