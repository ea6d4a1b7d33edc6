using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>公平竞争审查 through the real pages: the editor marks a draft as touching 招标投标 and 政府采购, 终审 is refused
/// while no review exists, the final reviewer fills the 18-item checklist beside the draft and concludes 符合, and 终审
/// then passes.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class FairCompetitionBrowserTests(BrowserFixture fixture)
{
    private const string Title = "绵阳市政府投资项目招标采购管理办法（浏览器测试）";

    private static async Task ApproveAsync(IPage page, int id, string stage)
    {
        await page.GotoAsync($"/admin/documents/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = stage, Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("审核意见").FillAsync($"{stage}同意");
        await page.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task A_document_marked_as_touching_market_activity_passes_final_review_once_the_checklist_beside_the_draft_is_filled()
    {
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var editor = await fixture.SignInAsync("editor.myszf");
        await editor.GotoAsync("/admin/documents/edit");
        await editor.GetByLabel("标题（必填）", new() { Exact = true }).FillAsync(Title);
        await editor.GetByLabel("文件类型（必填）", new() { Exact = true }).SelectOptionAsync("其他政策文件");
        await editor.GetByLabel("主题分类（必填）", new() { Exact = true }).SelectOptionAsync("城乡建设、环境保护");
        await editor.GetByLabel("成文日期（必填）", new() { Exact = true }).FillAsync(today);
        await RichEditor.WriteAsync(editor, "第一条　为规范政府投资项目招标和政府采购活动，制定本办法。", "第二条　本办法自发布之日起施行。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存并提交审核" }).ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(DocumentPage());
        var id = int.Parse(DocumentPage().Match(editor.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        // The editor marks the areas on the document's fair-competition page.
        await editor.GetByRole(AriaRole.Region, new() { Name = "发布前须完成的审查" }).GetByRole(AriaRole.Link, new() { Name = "公平竞争审查" }).ClickAsync();
        await editor.GetByLabel("招标投标").CheckAsync();
        await editor.GetByLabel("政府采购").CheckAsync();
        await BrowserFixture.AssertAccessibleAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存所涉领域" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#fc-areas")).ToHaveTextAsync("招标投标、政府采购");
        await Assertions.Expect(editor.Locator("#fc-standing")).ToContainTextAsync("不能通过终审");

        await ApproveAsync(await fixture.SignInAsync("reviewer1.myszf"), id, "初审");
        await ApproveAsync(await fixture.SignInAsync("reviewer2.myszf"), id, "复审");
        var final = await fixture.SignInAsync("reviewer3.myszf");
        await ApproveAsync(final, id, "终审");
        await Assertions.Expect(final.Locator("main")).ToContainTextAsync("尚未完成公平竞争审查");

        // The checklist beside the draft: every standard answered 否, conclusion 符合.
        await final.GetByRole(AriaRole.Region, new() { Name = "发布前须完成的审查" }).GetByRole(AriaRole.Link, new() { Name = "公平竞争审查" }).ClickAsync();
        await Assertions.Expect(final.GetByRole(AriaRole.Region, new() { Name = "文件正文" })).ToContainTextAsync("第一条　为规范政府投资项目招标");
        var items = final.Locator("fieldset.checklist-item");
        await Assertions.Expect(items).ToHaveCountAsync(18);
        for (var i = 0; i < 18; i++)
        {
            await items.Nth(i).GetByLabel("否").CheckAsync();
        }

        await final.GetByLabel("符合公平竞争审查标准，可以出台").CheckAsync();
        await BrowserFixture.AssertAccessibleAsync(final);
        await final.GetByRole(AriaRole.Button, new() { Name = "保存审查表" }).ClickAsync();
        await Assertions.Expect(final.Locator("#fc-conclusion")).ToHaveTextAsync("符合公平竞争审查标准");
        await Assertions.Expect(final.Locator("#fc-reviewer")).Not.ToBeEmptyAsync();
        await BrowserFixture.AssertAccessibleAsync(final);

        await ApproveAsync(final, id, "终审");
        await Assertions.Expect(final.GetByRole(AriaRole.Link, new() { Name = "查看公开页面" })).ToBeVisibleAsync();

        // The body's reviews of the year list it.
        await final.GotoAsync("/admin/fair-competition");
        await Assertions.Expect(final.Locator("table.data")).ToContainTextAsync(Title);
        await BrowserFixture.AssertAccessibleAsync(final);
    }

    [GeneratedRegex(@"/admin/documents/(\d+)$")]
    private static partial Regex DocumentPage();
}
