using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>A 终审 reviewer finds a published document from the console's document list and reaches its withdrawal
/// in one click; the list passes axe on a phone.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DocumentListBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_final_reviewer_finds_a_published_document_and_reaches_its_withdrawal_in_one_click()
    {
        var page = await fixture.SignInAsync("reviewer3.myszf");
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/admin/documents");
        await page.GetByRole(AriaRole.Link, new() { Name = "全部文件（查找、更正、撤回）" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "全部文件", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("状态").SelectOptionAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("个文件");
        var rows = page.Locator("table.data tbody tr");
        Assert.True(await rows.CountAsync() > 0, "the demo city has published documents");
        Assert.True(await rows.CountAsync() <= 20, "a page holds at most 20 documents");
        await BrowserFixture.AssertAccessibleAsync(page);

        var title = (await rows.First.Locator("td").First.Locator("a").InnerTextAsync()).Trim();
        await rows.First.GetByRole(AriaRole.Link, new() { Name = $"撤回：{title}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "撤回", Level = 2 })).ToBeInViewportAsync();
    }
}
