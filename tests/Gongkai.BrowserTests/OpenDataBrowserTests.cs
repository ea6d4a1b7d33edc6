using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Gongkai.UnitTests.OpenData;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>The 双公示 journey in a real browser: an editor imports an XLSX of penalty decisions (one decided two
/// months ago), the overdue dashboard lists the late one, a final reviewer approves the batch, and a visitor finds the
/// decisions as a dataset on the 数据开放 pages; axe-core checks every page on the way.</summary>
[Collection(RequestsBrowserTestGroup.Name)]
public sealed class OpenDataBrowserTests(BrowserFixture fixture)
{
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Penalty_decisions_imported_from_xlsx_are_reviewed_published_and_found_as_a_dataset_and_late_ones_on_the_dashboard()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        string[] header = ["处罚决定书文号", "案件名称", "违法事实", "处罚依据", "处罚类别", "处罚结果", "罚款金额", "行政相对人名称", "统一社会信用代码", "处罚决定日期", "处罚机关"];
        string[] Row(string number, string name, DateOnly decided) =>
            [$"绵府罚〔2026〕{number}号", name, "未按规定设置安全警示标志。", "《中华人民共和国安全生产法》第九十九条", "罚款", "罚款20000元。", "20000", "绵阳示例建设有限公司", "91110000600037341L", Day(decided), "绵阳市人民政府"];
        var file = Path.Combine(Path.GetTempPath(), $"penalties-{Guid.NewGuid():N}.xlsx");
        using (var stream = XlsxFixtures.Table([header, Row("901", "示例建设公司安全生产违法案", today.AddDays(-60)), Row("902", "示例建设公司未设警示标志案", today)]))
        {
            await File.WriteAllBytesAsync(file, stream.ToArray());
        }

        try
        {
            var editor = await fixture.SignInAsync("editor.myszf");
            await editor.GotoAsync("/admin/open-data");
            await BrowserFixture.AssertAccessibleAsync(editor);
            await editor.GetByRole(AriaRole.Link, new() { Name = "行政处罚记录" }).ClickAsync();
            await editor.GetByLabel("批量导入（CSV 或 XLSX，第一行为表头）").SetInputFilesAsync(file);
            await editor.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
            await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("导入成功：新增 2 条");
            await BrowserFixture.AssertAccessibleAsync(editor);

            await editor.GotoAsync("/admin/open-data/overdue");
            var overdue = editor.Locator("table.data").First;
            await Assertions.Expect(overdue).ToContainTextAsync("示例建设公司安全生产违法案");
            await Assertions.Expect(overdue).Not.ToContainTextAsync("示例建设公司未设警示标志案");
            await BrowserFixture.AssertAccessibleAsync(editor);

            var reviewer = await fixture.SignInAsync("reviewer3.myszf");
            await reviewer.GotoAsync("/admin/open-data/administrative-penalty");
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核通过并公开全部待审核记录（他人提交的）" }).ClickAsync();
            await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("已审核并公开");
            await reviewer.GotoAsync("/admin/open-data/overdue");
            await Assertions.Expect(reviewer.GetByRole(AriaRole.Table, new() { Name = "超过公示时限才公开" })).ToContainTextAsync("示例建设公司安全生产违法案");

            var visitor = await fixture.NewPageAsync();
            await visitor.GotoAsync("/data");
            await BrowserFixture.AssertAccessibleAsync(visitor);
            await visitor.GetByLabel("提供单位").SelectOptionAsync(new SelectOptionValue { Label = "绵阳市人民政府" });
            await visitor.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
            await visitor.GetByRole(AriaRole.Link, new() { Name = "绵阳市人民政府行政处罚" }).ClickAsync();
            await Assertions.Expect(visitor.Locator("table.preview")).ToContainTextAsync("绵府罚〔2026〕901号");
            await Assertions.Expect(visitor.Locator("table.preview")).ToContainTextAsync("绵府罚〔2026〕902号");
            await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "绵阳市人民政府行政处罚（CSV）" })).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(visitor);
            await visitor.GetByRole(AriaRole.Link, new() { Name = "查看示例建设公司安全生产违法案" }).ClickAsync();
            await Assertions.Expect(visitor.Locator("table.meta")).ToContainTextAsync("公示时限");
            await BrowserFixture.AssertAccessibleAsync(visitor);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_file_dataset_is_uploaded_with_its_metadata_reviewed_by_a_second_person_and_found_on_the_portal()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bus-stops-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "站点名称,线路数,启用日期\n市政府站,6,2020-05-01\n火车站北广场站,11,2018-09-30\n");
        try
        {
            var editor = await fixture.SignInAsync("editor.myszf");
            await editor.GotoAsync("/admin/open-data");
            await editor.GetByRole(AriaRole.Link, new() { Name = "文件数据集（上传 CSV、XLSX、JSON 发布）" }).ClickAsync();
            await editor.GetByLabel("标题（必填）").FillAsync("绵阳市公交站点名录");
            await editor.GetByLabel("数据集说明（必填）").FillAsync("中心城区公交站点及经停线路数。");
            await editor.GetByLabel("主题（必填）").SelectOptionAsync("城乡建设");
            await editor.GetByLabel("关键词").FillAsync("公交，站点");
            await editor.GetByLabel("更新频率").SelectOptionAsync("每季度");
            await editor.GetByLabel("联系方式（必填）").FillAsync("市交通运输局 0816-2222222");
            await editor.GetByLabel("数据文件（CSV、XLSX 或 JSON）").SetInputFilesAsync(file);
            await BrowserFixture.AssertAccessibleAsync(editor);
            await editor.GetByRole(AriaRole.Button, new() { Name = "上传并提交审核" }).ClickAsync();
            await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("须由另一人审核");
            await BrowserFixture.AssertAccessibleAsync(editor);
            var consoleUrl = editor.Url;

            var reviewer = await fixture.SignInAsync("reviewer3.myszf");
            await reviewer.GotoAsync(consoleUrl);
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "通过并公开第 1 版" }).ClickAsync();
            await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("已审核并公开");
            await BrowserFixture.AssertAccessibleAsync(reviewer);

            var visitor = await fixture.NewPageAsync();
            await visitor.GotoAsync("/data");
            await visitor.GetByRole(AriaRole.Link, new() { Name = "绵阳市公交站点名录" }).ClickAsync();
            await Assertions.Expect(visitor.Locator("table.preview")).ToContainTextAsync("火车站北广场站");
            await Assertions.Expect(visitor.Locator("table.dictionary")).ToContainTextAsync("线路数");
            await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "绵阳市公交站点名录（XLSX，由原始文件转换）" })).ToBeVisibleAsync();
            await Assertions.Expect(visitor.Locator("table.meta")).ToContainTextAsync("市交通运输局 0816-2222222");
            await BrowserFixture.AssertAccessibleAsync(visitor);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Environment_readings_show_as_charts_with_tables_and_the_AQI_also_in_high_contrast()
    {
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/data/environment-reading-mysthjj");
        var chart = visitor.Locator("figure.reading-chart").First;
        await Assertions.Expect(chart.Locator("svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator("table.reading-table")).ToContainTextAsync("空气质量分指数");
        await Assertions.Expect(visitor.Locator("table.preview thead")).ToContainTextAsync("空气质量指数类别");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "绵阳市生态环境局环境监测数据（XLSX）" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(visitor);

        await visitor.GetByRole(AriaRole.Link, new() { Name = "高对比度" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("body")).ToHaveClassAsync(new Regex("contrast"));
        await Assertions.Expect(visitor.Locator("figure.reading-chart").First.Locator("svg")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(visitor);
    }
}
