using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.OpenData;
using Gongkai.OpenData.Import;

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

    /// <summary>An XLSX workbook made with the Open XML SDK (shared strings, a date style), as a spreadsheet program writes one.</summary>
    internal static MemoryStream Workbook(Action<SheetData> fill, string? merge = null)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            fill(data);
            // Header cells go through the shared-string table, as Excel writes them.
            var firstRow = data.Elements<Row>().FirstOrDefault();
            foreach (var cell in firstRow?.Elements<Cell>().Where(c => c.DataType?.Value == CellValues.InlineString).ToList() ?? [])
            {
                strings.SharedStringTable.Append(new SharedStringItem(new Text(cell.InlineString!.InnerText)));
                cell.InlineString = null;
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue((strings.SharedStringTable.Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var worksheet = new Worksheet(data);
            if (merge is not null)
            {
                worksheet.Append(new MergeCells(new MergeCell { Reference = merge }));
            }

            part.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Sheet1" }));
        }

        stream.Position = 0;
        return stream;
    }

    internal static Row Row(uint index, params Cell[] cells) => new(cells) { RowIndex = index };

    /// <summary>A text cell written inline (spreadsheet programs also write these; shared strings are tested by the sheet's header).</summary>
    internal static Cell Text(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    internal static Cell Number(string reference, string value) => new() { CellReference = reference, CellValue = new CellValue(value) };

    internal static Cell Date(string reference, DateOnly date) => new()
    {
        CellReference = reference,
        StyleIndex = 1,
        CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };
}
