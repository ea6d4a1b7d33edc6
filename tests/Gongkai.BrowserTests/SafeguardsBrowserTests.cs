using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>The safeguards before publication in a real browser: an editor sees a citizen ID number flagged in a draft
/// and masks it with one click; a document with an ID number passes 初审 and 复审 but is blocked at 终审 until it is
/// masked. axe-core checks the pages with findings marked.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SafeguardsBrowserTests(BrowserFixture fixture)
{
    private const string IdNumber = "11010519491231002X";
    private const string MaskedId = "1101**********002X";

    [GeneratedRegex(@"/admin/documents/(\d+)")]
    private static partial Regex DocumentUrl();

    /// <summary>Fills the editor form for a new notice and presses <paramref name="button"/>; returns the document id.</summary>
    private static async Task<int> WriteDraftAsync(IPage editor, string title, string text, string button)
    {
        await editor.GotoAsync("/admin/documents/edit");
        await editor.GetByLabel("标题（必填）").FillAsync(title);
        await editor.GetByLabel("文件类型（必填）").SelectOptionAsync("通知公告");
        await editor.GetByLabel("主题分类（必填）").SelectOptionAsync("综合政务");
        await editor.GetByLabel("成文日期（必填）").FillAsync("2024-09-27");
        await RichEditor.WriteAsync(editor, text);
        await editor.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(DocumentUrl());
        return int.Parse(DocumentUrl().Match(editor.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ILocator Findings(IPage page) => page.Locator("section#findings");

    [Fact]
    public async Task An_editor_sees_an_id_number_flagged_in_a_draft_and_masks_it_with_one_click()
    {
        var editor = await fixture.SignInAsync("editor.myszf");
        var id = await WriteDraftAsync(editor, "关于补发居民证件的公告", $"经审核，申请人身份证号码{IdNumber}，准予补发。", "保存草稿");

        await editor.GotoAsync($"/admin/documents/edit/{id}");
        var flagged = Findings(editor).Locator("mark.finding-personal");
        await Assertions.Expect(flagged).ToHaveCountAsync(1);
        await Assertions.Expect(flagged).ToContainTextAsync(IdNumber);
        await Assertions.Expect(flagged).ToContainTextAsync("身份证号码");
        await BrowserFixture.AssertAccessibleAsync(editor);

        await editor.GetByRole(AriaRole.Button, new() { Name = "遮盖第 1 处身份证号码" }).ClickAsync();

        await Assertions.Expect(editor).ToHaveURLAsync(new Regex($"/admin/documents/edit/{id}"));
        await Assertions.Expect(Findings(editor).GetByRole(AriaRole.Status)).ToContainTextAsync("已遮盖：" + MaskedId);
        await Assertions.Expect(Findings(editor).Locator("mark.finding-personal")).ToHaveCountAsync(0);
        await Assertions.Expect(RichEditor.Body(editor)).ToContainTextAsync(MaskedId);
        Assert.Contains(MaskedId, await editor.Locator("#f-bodyHtml").InputValueAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, await editor.Locator("#f-bodyHtml").InputValueAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(editor);
    }

    [Fact]
    public async Task The_published_documents_scan_dashboard_is_in_the_console_and_accessible()
    {
        var editor = await fixture.SignInAsync("editor.myszf");
        await editor.GetByRole(AriaRole.Link, new() { Name = "已公开文件个人信息扫描" }).First.ClickAsync();

        await Assertions.Expect(editor).ToHaveURLAsync(new Regex("/admin/safeguards/published-scan$"));
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("已公开文件个人信息扫描");
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "扫描进度" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(editor);
    }

    [Fact]
    public async Task A_final_reviewer_is_blocked_until_the_id_number_is_masked()
    {
        var editor = await fixture.SignInAsync("editor.myszf");
        var id = await WriteDraftAsync(editor, "关于困难群众临时救助的公示", $"救助对象：身份证号码{IdNumber}，救助金额2000元。", "保存并提交审核");
        await Assertions.Expect(editor.Locator("table.meta")).ToContainTextAsync("待初审");

        foreach (var (reviewer, waiting) in new[] { ("reviewer1.myszf", "待复审"), ("reviewer2.myszf", "待终审") })
        {
            var page = await fixture.SignInAsync(reviewer);
            await page.GotoAsync($"/admin/documents/{id}");
            await Assertions.Expect(Findings(page).Locator("mark.finding-personal")).ToContainTextAsync(IdNumber);
            await page.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("table.meta")).ToContainTextAsync(waiting);
        }

        var final = await fixture.SignInAsync("reviewer3.myszf");
        await final.GotoAsync($"/admin/documents/{id}");
        await final.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(final.GetByRole(AriaRole.Alert)).ToContainTextAsync("未遮盖的个人信息");
        await Assertions.Expect(final.Locator("table.meta")).ToContainTextAsync("待终审");
        await BrowserFixture.AssertAccessibleAsync(final);

        await final.GetByRole(AriaRole.Button, new() { Name = "遮盖第 1 处身份证号码" }).ClickAsync();
        await Assertions.Expect(Findings(final).GetByRole(AriaRole.Status)).ToContainTextAsync("已遮盖");
        await Assertions.Expect(final.Locator(".document-text")).ToContainTextAsync(MaskedId);

        await final.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(final.Locator("table.meta")).ToContainTextAsync("已发布");
        var publicLink = final.GetByRole(AriaRole.Link, new() { Name = "查看公开页面" });
        await publicLink.ClickAsync();
        var text = await final.InnerTextAsync("main");
        Assert.Contains(MaskedId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, text, StringComparison.Ordinal);
    }
}
