using Gongkai.BrowserTests.Infrastructure;
using Gongkai.UnitTests.Publishing.WordImport;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>The document editor as a civil servant uses it: the body written in the bundled editor (heading, bold),
/// saved and seen on the review page; and a Word file imported, its table shown in the editor and kept on saving.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RichEditorBrowserTests(BrowserFixture fixture)
{
    private static async Task FillMetadataAsync(IPage page, string title)
    {
        await page.GetByLabel("标题（必填）").FillAsync(title);
        await page.GetByLabel("文件类型（必填）").SelectOptionAsync(new SelectOptionValue { Label = "其他政策文件" });
        await page.GetByLabel("主题分类（必填）").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("成文日期（必填）").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_editor_writes_a_heading_and_a_bold_word_in_the_editor_and_sees_them_after_saving()
    {
        var page = await fixture.SignInAsync("editor.myszf");
        await page.GotoAsync("/admin/documents/edit");
        var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "正文格式" });
        await Assertions.Expect(toolbar).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("textarea#f-bodyHtml")).ToBeHiddenAsync();
        await FillMetadataAsync(page, "编辑器撰写的通知");

        var body = page.Locator(".rich-editor-area");
        await Assertions.Expect(body).ToHaveAttributeAsync("role", "textbox");
        await body.ClickAsync();
        await page.Keyboard.TypeAsync("工作要求");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("请各单位");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "加粗" }).ClickAsync();
        await page.Keyboard.TypeAsync("务必");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "加粗" }).ClickAsync();
        await page.Keyboard.TypeAsync("按时报送。");
        await page.Keyboard.PressAsync("Control+Home");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "标题" }).ClickAsync();
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "标题" })).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserFixture.AssertAccessibleAsync(page);

        // 「HTML 源代码」 shows the markup the editor will post; back in the editor, the heading is still a heading.
        var source = toolbar.GetByRole(AriaRole.Button, new() { Name = "HTML 源代码" });
        await source.ClickAsync();
        await Assertions.Expect(RichEditor.Body(page)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^<h2>工作要求</h2>"));
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "加粗" })).ToBeDisabledAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await source.ClickAsync();
        await Assertions.Expect(body.Locator("h2")).ToHaveTextAsync("工作要求");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "草稿已保存。" })).ToBeVisibleAsync();
        var text = page.Locator(".document-text");
        await Assertions.Expect(text.Locator("h2")).ToHaveTextAsync("工作要求");
        await Assertions.Expect(text.Locator("p b, p strong")).ToHaveTextAsync("务必");
        await Assertions.Expect(text).ToContainTextAsync("请各单位务必按时报送。");
    }

    [Fact]
    public async Task An_editor_imports_a_word_file_sees_its_table_in_the_editor_and_keeps_it_on_saving()
    {
        var page = await fixture.SignInAsync("editor.myszf");
        await page.GotoAsync("/admin/documents/edit");
        await FillMetadataAsync(page, "");
        await page.GetByLabel("文号", new() { Exact = false }).FillAsync("绵府办发〔2024〕31号");

        await page.GetByLabel("从 Word 文档（.docx）导入正文", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = "2024年政务公开要点.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = WordFixtures.Notice(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入 Word" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已导入：3 个标题、2 个列表、1 个表格、1 张图片。" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("标题（必填）")).ToHaveValueAsync(WordFixtures.Title);
        await Assertions.Expect(page.GetByLabel("文号", new() { Exact = false })).ToHaveValueAsync("绵府办发〔2024〕31号");
        var editorTable = page.Locator(".rich-editor-area table");
        await Assertions.Expect(editorTable.Locator("th").First).ToHaveTextAsync("事项");
        await Assertions.Expect(editorTable.Locator("td[colspan='2']")).ToHaveTextAsync("办公室");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "草稿已保存。" })).ToBeVisibleAsync();
        var table = page.Locator(".document-text table");
        await Assertions.Expect(table.Locator("td[rowspan='2']")).ToHaveTextAsync("年报");
        await Assertions.Expect(page.Locator(".document-text img")).ToHaveAttributeAsync("alt", "公开工作流程图");
    }
}
