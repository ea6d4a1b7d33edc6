using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.UnitTests.OpenData;

/// <summary>XLSX files made with the Open XML SDK for import tests (shared with the host and browser tests).</summary>
internal static class XlsxFixtures
{
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

    /// <summary>A workbook of text rows: the first is the header.</summary>
    internal static MemoryStream Table(IReadOnlyList<IReadOnlyList<string>> rows) => Workbook(sheet =>
    {
        for (var r = 0; r < rows.Count; r++)
        {
            sheet.Append(Row((uint)(r + 1), rows[r].Select((value, c) => Text($"{(char)('A' + c)}{r + 1}", value)).ToArray()));
        }
    });
}
