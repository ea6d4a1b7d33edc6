using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.OpenData;
using Gongkai.OpenData.Import;
using static Gongkai.UnitTests.OpenData.XlsxFixtures;

namespace Gongkai.UnitTests.OpenData;

public sealed class TableReadersTests
{
    [Fact]
    public void Csv_fields_may_be_quoted_hold_commas_quotes_and_line_breaks()
    {
        var table = TableReaders.ReadCsv(new StringReader("\uFEFF名称,说明\r\n\"甲,乙\",\"他说\"\"好\"\"\r\n第二行\"\r\n丙,\n"));

        Assert.Equal(["\uFEFF名称", "说明"], table.Header);
        var rows = table.Rows.ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["甲,乙", "他说\"好\"\r\n第二行"], rows[0]);
        Assert.Equal(["丙", ""], rows[1]);
    }

    [Fact]
    public void An_unclosed_quote_refuses_the_file()
    {
        var table = TableReaders.ReadCsv(new StringReader("a,b\n\"x,y\n"));

        var error = Assert.Throws<TableFormatException>(() => table.Rows.ToList());
        Assert.Contains("未闭合的引号", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_has_no_header()
    {
        Assert.Throws<TableFormatException>(() => TableReaders.ReadCsv(new StringReader("")));
    }

    [Fact]
    public void Xlsx_shared_strings_numbers_dates_and_gaps_are_read_in_their_columns()
    {
        using var file = Workbook(sheet =>
        {
            sheet.Append(Row(1, Text("A1", "文号"), Text("B1", "日期"), Text("C1", "金额")));
            sheet.Append(Row(2, Text("A2", "绵市监处罚〔2024〕1号"), Date("B2", new DateOnly(2024, 9, 27)), Number("C2", "5000.5")));
            sheet.Append(Row(4, Text("A4", "绵市监处罚〔2024〕2号"), Number("C4", "10")));
        });

        var table = TableReaders.ReadXlsx(file);
        var rows = table.Rows.ToList();

        Assert.Equal(["文号", "日期", "金额"], table.Header);
        Assert.Equal(["绵市监处罚〔2024〕1号", "2024-09-27", "5000.5"], rows[0]);
        Assert.Empty(rows[1]);
        Assert.Equal(["绵市监处罚〔2024〕2号", "", "10"], rows[2]);
    }

    [Fact]
    public void An_xlsx_formula_is_refused_naming_the_cell()
    {
        using var file = Workbook(sheet =>
        {
            sheet.Append(Row(1, Text("A1", "金额")));
            sheet.Append(Row(2, new Cell { CellReference = "A2", CellFormula = new CellFormula("1+1"), CellValue = new CellValue("2") }));
        });

        var table = TableReaders.ReadXlsx(file);

        Assert.Contains("A2", Assert.Throws<TableFormatException>(() => table.Rows.ToList()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merged_xlsx_cells_are_refused()
    {
        using var file = Workbook(sheet => sheet.Append(Row(1, Text("A1", "名称"))), merge: "A1:B1");

        Assert.Contains("合并单元格", Assert.Throws<TableFormatException>(() => TableReaders.ReadXlsx(file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_xlsx_is_refused_in_Chinese()
    {
        using var stream = new MemoryStream("not a zip"u8.ToArray());

        Assert.Contains("XLSX", Assert.Throws<TableFormatException>(() => TableReaders.ReadXlsx(stream)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("普通", "普通")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("=cmd()", "'=cmd()")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("@x", "'@x")]
    public void Csv_cells_are_quoted_and_formula_starts_defused(string value, string written)
    {
        Assert.Equal(written, Downloads.Cell(value));
    }
}
