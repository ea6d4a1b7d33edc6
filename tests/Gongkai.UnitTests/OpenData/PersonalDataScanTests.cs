using System.Globalization;
using Gongkai.OpenData.Rules;
using Gongkai.Safeguards;
using Gongkai.Safeguards.Detection;

namespace Gongkai.UnitTests.OpenData;

public sealed class PersonalDataScanTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static string IdNumber(int sequence)
    {
        var first17 = "510703" + "19850612" + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + Checksums.IdCheckCharacter(first17);
    }

    private static string[][] Rows(params string[][] rows) => rows;

    [Fact]
    public void ID_numbers_and_mobile_numbers_are_found_per_column_with_their_data_rows()
    {
        string[] columns = ["站点", "负责人身份证号", "联系手机"];
        var findings = PersonalDataScan.Scan(columns, Rows(
            ["人民公园停车场", IdNumber(11), "13912345678"],
            ["火车站停车场", "", "无"],
            ["高新区停车场", IdNumber(23), "13698765432"]), SafeguardsProfile.Default, Today);

        var id = Assert.Single(findings, f => f.Kind == FindingKind.IdNumber);
        Assert.Equal("负责人身份证号", id.Column);
        Assert.Equal(2, id.Count);
        Assert.Equal([1, 3], id.Rows);
        var mobile = Assert.Single(findings, f => f.Kind == FindingKind.Mobile);
        Assert.Equal("联系手机", mobile.Column);
        Assert.Equal([1, 3], mobile.Rows);
        Assert.DoesNotContain(findings, f => f.Column == "站点");
    }

    [Fact]
    public void A_table_without_personal_data_has_no_findings()
    {
        var findings = PersonalDataScan.Scan(["名称", "泊位数", "开放日期"], Rows(["人民公园停车场", "120", "2024-03-01"], ["火车站停车场", "300", "2023-10-01"]),
            SafeguardsProfile.Default, Today);
        Assert.Empty(findings);
    }

    [Fact]
    public void Rows_are_counted_across_chunks_and_listed_up_to_the_limit()
    {
        // Enough rows to need several checks of 100,000 characters: numbering must carry over.
        var rows = Enumerable.Range(0, 6000).Select(i => (IReadOnlyList<string>)[i % 1000 == 999 ? IdNumber(i % 900) : "普通文字说明内容" + new string('甲', 20)]).ToList();
        var finding = Assert.Single(PersonalDataScan.Scan(["备注"], rows, SafeguardsProfile.Default, Today));
        Assert.Equal(6, finding.Count);
        Assert.Equal([1000, 2000, 3000, 4000, 5000, 6000], finding.Rows);

        var many = Enumerable.Range(0, 15).Select(i => (IReadOnlyList<string>)[IdNumber(i + 100)]).ToList();
        var listed = Assert.Single(PersonalDataScan.Scan(["证件号"], many, SafeguardsProfile.Default, Today));
        Assert.Equal(15, listed.Count);
        Assert.Equal(PersonalDataScan.RowsListed, listed.Rows.Count);
        Assert.EndsWith("行 等）", Assert.Single(PersonalDataScan.Describe([listed])), StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_columns_do_not_block_and_the_refusal_names_the_others_in_Chinese()
    {
        ColumnFinding[] findings =
        [
            new("联系电话", FindingKind.Mobile, 2, [1, 2]),
            new("身份证号", FindingKind.IdNumber, 1, [4]),
        ];
        var blocking = PersonalDataScan.Blocking(findings, new Dictionary<string, ColumnDeclaration> { ["联系电话"] = ColumnDeclaration.NotPersonal });
        var only = Assert.Single(blocking);
        Assert.Equal("身份证号", only.Column);
        var message = PersonalDataScan.Refusal(blocking);
        Assert.Contains("列“身份证号”：身份证号码 1 处（数据第 4 行）", message, StringComparison.Ordinal);
        Assert.DoesNotContain("联系电话", message, StringComparison.Ordinal);
        Assert.Empty(PersonalDataScan.Blocking(findings, new Dictionary<string, ColumnDeclaration>
        {
            ["联系电话"] = ColumnDeclaration.NotPersonal,
            ["身份证号"] = ColumnDeclaration.Masked,
        }));
    }
}
