using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>A 行政规范性文件 carried from draft to a public page with its interpretation, through the real pages:
/// the editor drafts it in the catalogue node for normative documents and writes the interpretation, three reviewers
/// pass 初审, 复审 and 终审, and a visitor finds it in the body's 信息公开 section.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class DisclosureBrowserTests(BrowserFixture fixture)
{
    private const string Title = "绵阳市城市道路桥梁占用挖掘管理办法（浏览器测试）";
    private const string InterpretationText = "本办法明确了占用、挖掘城市道路的审批条件、期限和恢复标准。";

    private static async Task ApproveAsync(IPage page, int id, string stage, string comment)
    {
        await page.GotoAsync($"/admin/documents/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = stage })).ToBeVisibleAsync();
        await page.GetByLabel("审核意见").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync(comment);
    }

    [Fact]
    public async Task A_normative_document_goes_from_draft_through_three_reviews_to_a_public_page_with_its_interpretation()
    {
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var year = DateTime.UtcNow.AddHours(8).Year;

        var editor = await fixture.SignInAsync("editor.myszf");
        await editor.GotoAsync("/admin/documents/edit");
        await editor.GetByLabel("标题（必填）", new() { Exact = true }).FillAsync(Title);
        await editor.GetByLabel("文件类型（必填）", new() { Exact = true }).SelectOptionAsync("行政规范性文件");
        await editor.GetByLabel("主题分类（必填）", new() { Exact = true }).SelectOptionAsync("城乡建设、环境保护");
        await editor.GetByLabel("主动公开目录").SelectOptionAsync(new SelectOptionValue { Label = "法定主动公开内容 / 规章和规范性文件" });
        await editor.GetByLabel("文号").FillAsync($"绵府规[{year}]7号");
        await editor.GetByLabel("成文日期（必填）", new() { Exact = true }).FillAsync(today);
        // The body arrives as markup from another system: pasted into the editor's HTML source view, posted as typed.
        await RichEditor.WriteSourceAsync(editor, "<p>第一条　为加强城市道路桥梁管理，制定本办法。</p><p>第二条　本办法自发布之日起施行。</p>");
        await BrowserFixture.AssertAccessibleAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存并提交审核" }).ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(DocumentPage());
        var id = int.Parse(DocumentPage().Match(editor.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        await editor.GetByRole(AriaRole.Link, new() { Name = "添加政策解读" }).ClickAsync();
        await editor.GetByLabel("解读内容").FillAsync($"<p>{InterpretationText}</p>");
        await BrowserFixture.AssertAccessibleAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存解读" }).ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(DocumentPage());

        await ApproveAsync(await fixture.SignInAsync("reviewer1.myszf"), id, "初审", "内容合规，同意");
        await ApproveAsync(await fixture.SignInAsync("reviewer2.myszf"), id, "复审", "文字已核，同意");
        var final = await fixture.SignInAsync("reviewer3.myszf");
        await ApproveAsync(final, id, "终审", "同意发布");
        await Assertions.Expect(final.GetByRole(AriaRole.Link, new() { Name = "查看公开页面" })).ToBeVisibleAsync();

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/bodies/myszf/xxgk");
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await visitor.GetByRole(AriaRole.Navigation, new() { Name = "主动公开目录" }).GetByRole(AriaRole.Link, new() { Name = "规章和规范性文件" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("table.node-facts")).ToContainTextAsync("行政首长签发后3个工作日内");
        await BrowserFixture.AssertAccessibleAsync(visitor);

        await visitor.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        var documentUrl = visitor.Url;
        var text = await visitor.InnerTextAsync("main");
        Assert.Contains($"绵府规〔{year}〕7号", text, StringComparison.Ordinal);
        Assert.Contains("索引号", text, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(visitor);

        await visitor.GetByRole(AriaRole.Link, new() { Name = "《" + Title + "》政策解读" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(InterpretationText);
        await BrowserFixture.AssertAccessibleAsync(visitor);

        // 更正: the editor corrects the title on the correction form; the public page shows the change and reason.
        await editor.GotoAsync($"/admin/documents/{id}");
        await editor.GetByRole(AriaRole.Link, new() { Name = "更正", Exact = true }).ClickAsync();
        await editor.GetByLabel("标题（必填）", new() { Exact = true }).FillAsync(Title + "（修订稿）");
        await editor.GetByLabel("更正理由（必填，将在公开页面显示）").FillAsync("标题漏写修订稿字样");
        await BrowserFixture.AssertAccessibleAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交更正审核" }).ClickAsync();
        await Assertions.Expect(editor.Locator("p.panel.notice")).ToContainTextAsync("待本单位终审通过后公开");
        var correctionUrl = editor.Url;

        // Until the body's 终审 passes it, the public page keeps the published title.
        await visitor.GotoAsync(documentUrl);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await final.GotoAsync(correctionUrl);
        await BrowserFixture.AssertAccessibleAsync(final);
        await final.GetByRole(AriaRole.Button, new() { Name = "通过并公开更正" }).ClickAsync();
        await Assertions.Expect(final.Locator("p.panel.notice")).ToContainTextAsync("更正已通过终审并公开");
        await visitor.GotoAsync(documentUrl);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = Title + "（修订稿）", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("section.document-corrections")).ToContainTextAsync("更正：标题漏写修订稿字样（更正项目：标题）");
    }

    [GeneratedRegex(@"/admin/documents/(\d+)$")]
    private static partial Regex DocumentPage();
}
