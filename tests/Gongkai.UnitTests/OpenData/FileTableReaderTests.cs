using System.Text;
using Gongkai.OpenData.Import;
using Gongkai.OpenData.Rules;

namespace Gongkai.UnitTests.OpenData;

public sealed class FileTableReaderTests
{
    private static FileCheck Read(string fileName, string text, long maxBytes = 1_000_000, int maxRows = 1_000) =>
        FileTableReader.Read(fileName, Encoding.UTF8.GetBytes(text), maxBytes, maxRows);

    [Fact]
    public void A_CSV_file_becomes_a_table_with_quoted_commas_and_blank_lines_skipped()
    {
        var check = Read("a.csv", "\uFEFF名称,数量\r\n\"甲,乙\",1\r\n\r\n丙,\r\n");

        Assert.True(check.Accepted);
        Assert.Equal(["名称", "数量"], check.Table!.Columns);
        Assert.Equal(2, check.Table.Rows.Count);
        Assert.Equal(["甲,乙", "1"], check.Table.Rows[0]);
        Assert.Equal(["丙", ""], check.Table.Rows[1]);
    }

    [Fact]
    public void Rows_of_the_wrong_width_are_each_reported_by_line_and_nothing_is_returned()
    {
        var check = Read("a.csv", "名称,数量\n甲,1\n乙,2,3\n丙\n");

        Assert.False(check.Accepted);
        Assert.Null(check.Table);
        Assert.Equal(2, check.Errors.Count);
        Assert.StartsWith("第 3 行有 3 列", check.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("第 4 行只有 1 列", check.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Many_bad_rows_are_listed_up_to_the_limit_and_summed_up()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Repeat("1,2,3\n", FileTableReader.MaxListedErrors + 5));
        var check = Read("a.csv", text);

        Assert.Equal(FileTableReader.MaxListedErrors + 1, check.Errors.Count);
        Assert.Contains("另有 5 处", check.Errors[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Headers_must_be_named_and_unique_and_a_header_alone_is_no_dataset()
    {
        Assert.Contains(Read("a.csv", "a,,b\n1,2,3\n").Errors, e => e.Contains("第 2 列没有列名", StringComparison.Ordinal));
        Assert.Contains(Read("a.csv", "a,a\n1,2\n").Errors, e => e.Contains("列名不能重复", StringComparison.Ordinal));
        Assert.Contains(Read("a.csv", "a,b\n").Errors, e => e.Contains("没有数据行", StringComparison.Ordinal));
    }

    [Fact]
    public void A_JSON_array_of_flat_objects_is_a_table_in_the_first_objects_field_order()
    {
        var check = Read("a.json", """[{"名称":"甲","数量":1,"有效":true,"备注":null},{"数量":2.5,"名称":"乙","有效":false,"备注":"x"}]""");

        Assert.True(check.Accepted);
        Assert.Equal(["名称", "数量", "有效", "备注"], check.Table!.Columns);
        Assert.Equal(["甲", "1", "true", ""], check.Table.Rows[0]);
        Assert.Equal(["乙", "2.5", "false", "x"], check.Table.Rows[1]);
    }

    [Fact]
    public void JSON_objects_with_other_fields_are_reported_with_what_differs()
    {
        var check = Read("a.json", """[{"a":1,"b":2},{"a":1,"c":3}]""");

        Assert.False(check.Accepted);
        var error = Assert.Single(check.Errors);
        Assert.Contains("第 2 项", error, StringComparison.Ordinal);
        Assert.Contains("多出“c”", error, StringComparison.Ordinal);
        Assert.Contains("缺少“b”", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_JSON_is_accepted_without_a_table_and_broken_JSON_names_the_line()
    {
        var nested = Read("a.json", """{"a":[1,2]}""");
        Assert.True(nested.Accepted);
        Assert.Null(nested.Table);
        Assert.Null(Read("a.json", """[{"a":{"b":1}}]""").Table);

        var broken = Read("a.json", "[\n{\"a\":1,}\n]");
        Assert.False(broken.Accepted);
        Assert.Contains("第 2 行", Assert.Single(broken.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Size_format_and_encoding_are_checked_before_reading()
    {
        Assert.Contains("超过上限", Assert.Single(Read("a.csv", "a\n1\n", maxBytes: 3).Errors), StringComparison.Ordinal);
        Assert.Contains("只能上传", Assert.Single(Read("a.txt", "a").Errors), StringComparison.Ordinal);
        Assert.Contains("UTF-8", Assert.Single(FileTableReader.Read("a.csv", [0xB2, 0xE2, 0x2C, 0x0A], 100, 10).Errors), StringComparison.Ordinal);
        Assert.Contains("超过 2 行", Assert.Single(Read("a.csv", "a\n1\n2\n3\n", maxRows: 2).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void An_XLSX_sheet_is_read_through_the_shared_reader_with_short_rows_padded()
    {
        using var workbook = XlsxFixtures.Workbook(sheet =>
        {
            sheet.Append(XlsxFixtures.Row(1, XlsxFixtures.Text("A1", "名称"), XlsxFixtures.Text("B1", "数量")));
            sheet.Append(XlsxFixtures.Row(2, XlsxFixtures.Text("A2", "甲"), XlsxFixtures.Number("B2", "3")));
            sheet.Append(XlsxFixtures.Row(3, XlsxFixtures.Text("A3", "乙")));
        });

        var check = FileTableReader.Read("a.xlsx", workbook.ToArray(), 1_000_000, 100);

        Assert.True(check.Accepted, string.Join(" ", check.Errors));
        Assert.Equal(["乙", ""], check.Table!.Rows[1]);
    }

    [Theory]
    [InlineData(new[] { "1", "23", "" }, FieldType.WholeNumber)]
    [InlineData(new[] { "1", "2.5" }, FieldType.Number)]
    [InlineData(new[] { "007", "12" }, FieldType.Text)]
    [InlineData(new[] { "2024-03-01", "2024/3/2" }, FieldType.Date)]
    [InlineData(new[] { "甲", "1" }, FieldType.Text)]
    [InlineData(new[] { "第一行\n第二行" }, FieldType.LongText)]
    [InlineData(new[] { "", "" }, FieldType.Text)]
    public void Column_types_are_inferred_from_the_non_empty_values(string[] values, FieldType expected) =>
        Assert.Equal(expected, ColumnInference.TypeOf(values));

    [Fact]
    public void Descriptions_are_attached_by_column_name()
    {
        var fields = ColumnInference.Infer(["a", "b"], [["1", "x"]], new Dictionary<string, string> { ["b"] = "说明" });

        Assert.Null(fields[0].Description);
        Assert.Equal("说明", fields[1].Description);
        Assert.Equal(FieldType.WholeNumber, fields[0].Type);
    }

    [Fact]
    public void Bytes_that_contradict_the_extension_are_refused_naming_what_they_look_like_and_a_real_workbook_passes()
    {
        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 };
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A };

        var csvAsXlsx = FileTableReader.Read("a.xlsx", Encoding.UTF8.GetBytes("名称,数量\n甲,1\n"), 1_000_000, 100);
        Assert.Equal(["文件扩展名是 .xlsx，但内容不是有效的 XLSX 工作簿：请在表格软件中另存为 .xlsx 后再上传。"], csvAsXlsx.Errors);
        Assert.Contains("（看起来是PDF 文件）", Assert.Single(FileTableReader.Read("a.xlsx", pdf, 1_000_000, 100).Errors), StringComparison.Ordinal);
        Assert.StartsWith("文件扩展名是 .csv，但内容是ZIP 压缩包", Assert.Single(FileTableReader.Read("a.csv", zip, 1_000_000, 100).Errors), StringComparison.Ordinal);
        Assert.StartsWith("文件扩展名是 .json，但内容是PNG 图片", Assert.Single(FileTableReader.Read("a.json", png, 1_000_000, 100).Errors), StringComparison.Ordinal);
        Assert.Null(FileTableReader.ContentMismatch("CSV", Encoding.UTF8.GetBytes("PK,数量\n")));
        Assert.Null(FileTableReader.ContentMismatch("XLSX", zip));
    }
}
