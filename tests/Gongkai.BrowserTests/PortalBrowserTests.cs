using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed partial class PortalBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_page_shows_the_site_identity_and_is_accessible()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("网站标识码", await page.InnerTextAsync("footer"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
