using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.OpenData.Import;

/// <summary>Why a file could not be read as a table at all (not a row's problem): said in Chinese.</summary>
public sealed class TableFormatException(string message) : Exception(message)
{
    public TableFormatException() : this("无法读取文件。")
    {
    }

    public TableFormatException(string message, Exception innerException) : this(message) => _ = innerException;
}

/// <summary>A file read as a header row and streamed data rows.</summary>
public sealed record Table(IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string>> Rows);

/// <summary>
/// Reads uploaded tables: CSV (RFC 4180, UTF-8 with or without BOM; GB18030 is not guessed — the page asks for
/// UTF-8) and XLSX through the Open XML SDK (first worksheet; formulas and merged cells refused with the cell named,
/// so nothing half-understood is imported).
/// </summary>
public static class TableReaders
{
    public static Table ReadCsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = CsvRows(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new TableFormatException("文件是空的：第一行应为表头。");
        }

        var header = rows.Current;
        return new Table(header, Rest(rows));
    }

    private static IEnumerable<IReadOnlyList<string>> Rest(IEnumerator<IReadOnlyList<string>> rows)
    {
        using (rows)
        {
            while (rows.MoveNext())
            {
                yield return rows.Current;
            }
        }
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    public static IEnumerable<IReadOnlyList<string>> CsvRows(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        var line = 1;
        int read;
        while ((read = reader.Read()) >= 0)
        {
            var c = (char)read;
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields.ToArray();
                    fields.Clear();
                    any = false;
                    line++;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new TableFormatException($"第 {line} 行有未闭合的引号。");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    /// <summary>The first worksheet of an XLSX file; shared strings and inline strings read, dates stored as numbers
    /// with a date format turned into yyyy-MM-dd.</summary>
    public static Table ReadXlsx(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new TableFormatException("文件不是有效的 XLSX 工作簿。", error);
        }

        var rows = XlsxRows(document).GetEnumerator();
        if (!rows.MoveNext())
        {
            rows.Dispose();
            document.Dispose();
            throw new TableFormatException("工作表是空的：第一行应为表头。");
        }

        return new Table(rows.Current, Rest(rows));
    }

    private static IEnumerable<IReadOnlyList<string>> XlsxRows(SpreadsheetDocument document)
    {
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new TableFormatException("工作簿中没有工作表。");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new TableFormatException("工作簿中没有工作表。");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var dateStyles = DateStyleIndexes(workbook);
            var merged = part.Worksheet.Elements<MergeCells>().FirstOrDefault();
            if (merged is not null && merged.Elements<MergeCell>().FirstOrDefault() is { } first)
            {
                throw new TableFormatException($"工作表有合并单元格（{first.Reference?.Value}）：请取消合并，每个单元格填一个值后再导入。");
            }

            using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(part);
            var expectedRow = 1;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var rowIndex = (int)(row.RowIndex?.Value ?? (uint)expectedRow);
                for (; expectedRow < rowIndex; expectedRow++)
                {
                    yield return [];
                }

                expectedRow = rowIndex + 1;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }

                    if (cell.CellFormula is not null)
                    {
                        throw new TableFormatException($"单元格 {cell.CellReference?.Value} 是公式：请复制后“选择性粘贴为数值”再导入。");
                    }

                    cells.Add(CellText(cell, shared, dateStyles));
                }

                yield return cells;
            }
        }
    }

    private static string CellText(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, out var index) && index >= 0 && index < shared.Length ? shared[index] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return raw == "1" ? "是" : "否";
        }

        if ((cell.DataType is null || cell.DataType.Value == CellValues.Number) && cell.StyleIndex is { } style && dateStyles.Contains(style.Value)
            && double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var serial))
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return raw;
    }

    /// <summary>Cell styles whose number format shows a date (built-in 14–22 and custom formats with y/m/d).</summary>
    private static HashSet<uint> DateStyleIndexes(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null && f.FormatCode?.Value is { } code && code.Contains('y', StringComparison.OrdinalIgnoreCase) && code.Contains('d', StringComparison.OrdinalIgnoreCase))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 || custom.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }
}
