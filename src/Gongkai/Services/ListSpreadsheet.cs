using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Services.Rules;

namespace Gongkai.Services;

/// <summary>A list version as an XLSX workbook: one sheet, the header row in the kind's column order, every value an
/// inline string (so nothing is read as a number or a formula). Read back by OpenData's table reader.</summary>
public static class ListSpreadsheet
{
    public static byte[] Write(ListKind kind, IEnumerable<ListItem> items)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(items);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(kind.Columns.Select(c => c.Name)));
            foreach (var item in items)
            {
                data.Append(Row(kind.Columns.Select(c => item[c.Key])));
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = kind.Name });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(IEnumerable<string> values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
        }

        return row;
    }
}
