using Gongkai.OpenData;
using Gongkai.OpenData.Rules;

namespace Gongkai.UnitTests.OpenData;

public sealed class ImportPlanTests
{
    private static readonly DateOnly Today = new(2024, 10, 15);

    private static RecordSchema Penalty => ShippedRecordTypes.All.Single(s => s.Key == ShippedRecordTypes.AdministrativePenalty);

    private static readonly string[] Header = ["处罚决定书文号", "案件名称", "违法事实", "处罚依据", "处罚类别", "处罚结果", "fine", "行政相对人名称", "统一社会信用代码", "处罚决定日期", "处罚机关"];

    private static string[] Row(int n, string? code = "91110000600037341L", string fine = "100") =>
        [$"绵市监处罚〔2024〕{n}号", $"案件{n}", "事实", "依据", "罚款", "罚款", fine, "某公司", code ?? "", "2024-09-27", "绵阳市市场监督管理局"];

    [Fact]
    public void Headers_may_be_labels_or_keys_and_valid_rows_are_accepted()
    {
        var report = ImportPlan.Check(Penalty, Header, [Row(1), Row(2)], Today);

        Assert.True(report.Accepted);
        Assert.Equal(2, report.RowCount);
        Assert.Equal([2, 3], report.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void An_unknown_or_missing_required_column_refuses_the_whole_file()
    {
        string[] header = [.. Header.Where(h => h != "案件名称"), "备注"];

        var report = ImportPlan.Check(Penalty, header, [Row(1)], Today);

        Assert.False(report.Accepted);
        var message = report.FileErrors.Single();
        Assert.Contains("“备注”不是“行政处罚”的字段", message, StringComparison.Ordinal);
        Assert.Contains("缺少必填列“案件名称”", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_column_is_refused()
    {
        var report = ImportPlan.Check(Penalty, [.. Header, "fine"], [Row(1)], Today);

        Assert.Contains("重复", report.FileErrors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_bad_row_is_reported_with_its_row_number_and_nothing_is_accepted()
    {
        var report = ImportPlan.Check(Penalty, Header, [Row(1), Row(2, code: "91110000600037341M"), Row(3, fine: "abc"), Row(4)], Today);

        Assert.False(report.Accepted);
        Assert.Equal(4, report.Rows.Count);
        var failed = report.Failed.ToList();
        Assert.Equal([3, 4], failed.Select(r => r.RowNumber));
        Assert.Contains("校验位", failed[0].Errors.Single(), StringComparison.Ordinal);
        Assert.Contains("金额", failed[1].Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_natural_key_repeated_in_the_file_names_the_first_row()
    {
        var report = ImportPlan.Check(Penalty, Header, [Row(1), Row(2), Row(1)], Today);

        Assert.Equal("与第 2 行重复（处罚决定书文号相同）。", report.Failed.Single().Errors.Single());
        Assert.Equal(4, report.Failed.Single().RowNumber);
    }

    [Fact]
    public void A_row_longer_than_the_header_is_reported_as_possibly_merged_cells()
    {
        var report = ImportPlan.Check(Penalty, Header, [[.. Row(1), "多余"]], Today);

        Assert.Contains("合并单元格", report.Failed.Single().Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_rows_are_skipped_and_a_file_without_data_is_refused()
    {
        Assert.Equal(["文件中没有数据行。"], ImportPlan.Check(Penalty, Header, [new string[Header.Length].Select(_ => "").ToArray()], Today).FileErrors);
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused_without_reading_them_all()
    {
        var read = 0;
        IEnumerable<IReadOnlyList<string>> Rows()
        {
            while (true)
            {
                read++;
                yield return Row(read);
            }
        }

        var report = ImportPlan.Check(Penalty, Header, Rows(), Today);

        Assert.False(report.Accepted);
        Assert.Contains("分批导入", report.FileErrors.Single(), StringComparison.Ordinal);
        Assert.Equal(ImportPlan.MaxRows + 1, read);
    }
}
