using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>A department's 2025 annual report (政府信息公开工作年度报告) through the real pages: the editor generates it,
/// enters the hand figures with one that breaks an invariant, sees the failing cell named and the submission refused,
/// fixes the figure, submits; three reviewers pass it; a visitor finds it on the public list.</summary>
[Collection(OversightBrowserTestGroup.Name)]
public sealed partial class AnnualReportBrowserTests(BrowserFixture fixture)
{
    private const string Title = "绵阳市人民政府办公室2025年政府信息公开工作年度报告";

    private static async Task ApproveAsync(IPage page, int id, string stage, string comment)
    {
        await page.GotoAsync($"/admin/documents/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = stage })).ToBeVisibleAsync();
        await page.GetByLabel("审核意见").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync(comment);
    }

    private static async Task FillHandAsync(IPage page, string regulationsInForce)
    {
        await page.GetByLabel("规章 本年制发件数（手工填报）").FillAsync("3");
        await page.GetByLabel("规章 本年废止件数（手工填报）").FillAsync("0");
        await page.GetByLabel("规章 现行有效件数（手工填报）").FillAsync(regulationsInForce);
        await page.GetByLabel("行政许可 本年处理决定数量（手工填报）").FillAsync("0");
        await page.GetByLabel("行政处罚 本年处理决定数量（手工填报）").FillAsync("0");
        await page.GetByLabel("行政强制 本年处理决定数量（手工填报）").FillAsync("0");
        await page.GetByLabel("行政事业性收费 本年收费金额（单位：万元）（手工填报）").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task A_departments_2025_report_is_generated_refused_on_a_broken_invariant_fixed_reviewed_and_published()
    {
        var editor = await fixture.SignInAsync("editor.myszfb");
        await editor.GotoAsync("/admin/oversight/annual-reports?year=2025");
        await Assertions.Expect(editor.Locator("#deadlines")).ToContainTextAsync("2026年1月31日（部门）");
        await BrowserFixture.AssertAccessibleAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "生成报告（绵阳市人民政府办公室2025年度）" }).ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(ReportPage());
        await Assertions.Expect(editor.Locator("#report-status")).ToHaveTextAsync("起草中");
        await BrowserFixture.AssertAccessibleAsync(editor);

        // 规章: 3 issued, none repealed, but only 1 in force — impossible, and the check says which cell and why.
        await FillHandAsync(editor, "1");
        await Assertions.Expect(editor.Locator("#checks-failed")).ToContainTextAsync("二·规章·现行有效件数：1，应不小于本年制发 3 − 本年废止 0 = 3。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Alert)).ToContainTextAsync("不能冻结或送审");
        await Assertions.Expect(editor.Locator("#report-status")).ToHaveTextAsync("起草中");
        await BrowserFixture.AssertAccessibleAsync(editor);

        await FillHandAsync(editor, "5");
        await Assertions.Expect(editor.Locator("#checks-ok")).ToBeVisibleAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#report-status")).ToHaveTextAsync("审核中");
        var href = await editor.GetByRole(AriaRole.Link, new() { Name = "在文件管理中查看审核进度" }).GetAttributeAsync("href");
        var documentId = int.Parse(href!.Split('/')[^1], CultureInfo.InvariantCulture);

        await ApproveAsync(await fixture.SignInAsync("reviewer1.myszfb"), documentId, "初审", "数据已核，同意");
        await ApproveAsync(await fixture.SignInAsync("reviewer2.myszfb"), documentId, "复审", "文字已核，同意");
        await ApproveAsync(await fixture.SignInAsync("reviewer3.myszfb"), documentId, "终审", "同意发布");

        await editor.ReloadAsync();
        await Assertions.Expect(editor.Locator("#report-status")).ToHaveTextAsync("已发布");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/annual-reports");
        await Assertions.Expect(visitor.Locator("#request-chart svg")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("article.annual-report")).ToContainTextAsync("5（手工填报）");
        await BrowserFixture.AssertAccessibleAsync(visitor);
    }

    [GeneratedRegex(@"/admin/oversight/annual-reports/(\d+)$")]
    private static partial Regex ReportPage();
}
