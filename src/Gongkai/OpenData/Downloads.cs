using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.OpenData.Rules;

namespace Gongkai.OpenData;

/// <summary>
/// Resource files generated from a dataset's published records, written straight to the response in batches (never
/// the whole file in memory): CSV (UTF-8 with BOM so spreadsheet programs read Chinese, Chinese labels as headers,
/// RFC 4180 quoting, cells that would start a formula prefixed with an apostrophe), JSON (an array of objects keyed
/// by field key), XLSX (one sheet, text cells, so nothing is evaluated), and the data dictionary (CSV) listing the
/// columns. Computed columns (the AQI of an environment dataset) come after the schema's in every format.
/// </summary>
public static class Downloads
{
    public static string MediaType(string format) => format.ToUpperInvariant() switch
    {
        "CSV" => "text/csv",
        "JSON" => "application/json",
        "XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };

    /// <summary>Computed columns of one stored row (the AQI of an air reading), or null for a dataset without any.</summary>
    public delegate IReadOnlyDictionary<string, string> ComputedColumns(string json);

    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<FieldDefinition> columns, IAsyncEnumerable<string> rows, ComputedColumns? computed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        // RFC 4180 line ends on every line, the header too (WriteLineAsync would write the platform's \n).
        await writer.WriteAsync((string.Join(",", columns.Select(f => Cell(Header(f)))) + "\r\n").AsMemory(), cancellationToken);
        var keys = columns.Select(f => Encoding.UTF8.GetBytes(f.Key)).ToArray();
        var cells = new string?[keys.Length];
        var line = new StringBuilder();
        await foreach (var json in rows.WithCancellation(cancellationToken))
        {
            ReadCells(json, keys, cells);
            AddComputed(json, columns, cells, computed);
            line.Clear();
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                line.Append(Cell(cells[i] ?? ""));
            }

            line.Append("\r\n");
            await writer.WriteAsync(line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the stored public objects as one JSON array. Without computed columns they go out unchanged
    /// (already masked, keyed by field, written by the one serializer), so the download costs no parsing; computed
    /// columns are appended to each object as further string members.</summary>
    public static async Task WriteJsonAsync(Stream output, IAsyncEnumerable<string> rows, ComputedColumns? computed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync('[');
        var first = true;
        await foreach (var json in rows.WithCancellation(cancellationToken))
        {
            if (!first)
            {
                await writer.WriteAsync(',');
            }

            first = false;
            var extra = computed?.Invoke(json);
            if (extra is null || extra.Count == 0)
            {
                await writer.WriteAsync(json.AsMemory(), cancellationToken);
                continue;
            }

            var body = json.TrimEnd();
            await writer.WriteAsync(body.AsMemory(0, body.Length - 1), cancellationToken);
            var separator = body.TrimEnd('}').TrimEnd().EndsWith('{') ? "" : ",";
            foreach (var (key, value) in extra)
            {
                await writer.WriteAsync($"{separator}{JsonSerializer.Serialize(key)}:{JsonSerializer.Serialize(value, Data.SchemaJsonFormat.Options)}".AsMemory(), cancellationToken);
                separator = ",";
            }

            await writer.WriteAsync('}');
        }

        await writer.WriteAsync(']');
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// A real XLSX workbook (one sheet, the CSV's header row, then one row per record, all cells inline strings so
    /// codes with leading zeros stay text), written with the Open XML SDK's forward-only writer into a temporary file
    /// that is deleted on close — a zip package needs a seekable stream, the response is not — then copied out. Memory
    /// stays at one row whatever the size.
    /// </summary>
    public static async Task WriteXlsxAsync(Stream output, IReadOnlyList<FieldDefinition> columns, IAsyncEnumerable<string> rows, ComputedColumns? computed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using var buffer = new FileStream(Path.Combine(Path.GetTempPath(), $"gongkai-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, columns.Select(Header).ToArray());
                var keys = columns.Select(f => Encoding.UTF8.GetBytes(f.Key)).ToArray();
                var cells = new string?[keys.Length];
                await foreach (var json in rows.WithCancellation(cancellationToken))
                {
                    ReadCells(json, keys, cells);
                    AddComputed(json, columns, cells, computed);
                    WriteRow(writer, cells);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "数据" }));
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    /// <summary>The data dictionary as CSV: one line per column of the downloads, computed columns included.</summary>
    public static async Task WriteDictionaryAsync(Stream output, IReadOnlyList<FieldDefinition> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync("字段键,中文名称,类型,单位,代码表,必填,说明\r\n".AsMemory(), cancellationToken);
        foreach (var field in columns)
        {
            string[] cells = [field.Key, field.Label, DictionaryType(field), field.Unit ?? "", string.Join("、", field.CodeList), field.Required ? "是" : "否", field.Description ?? ""];
            await writer.WriteAsync((string.Join(",", cells.Select(Cell)) + "\r\n").AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>The type as the dictionary names it; personal fields say they are masked.</summary>
    public static string DictionaryType(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return SchemaText.Name(field.Type) + (field.Personal ? "（公开时遮蔽）" : "");
    }

    public static string Header(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Unit is null ? field.Label : $"{field.Label}（{field.Unit}）";
    }

    private static void AddComputed(string json, IReadOnlyList<FieldDefinition> columns, string?[] cells, ComputedColumns? computed)
    {
        if (computed is null)
        {
            return;
        }

        var extra = computed(json);
        for (var i = 0; i < columns.Count; i++)
        {
            if (extra.TryGetValue(columns[i].Key, out var value))
            {
                cells[i] = value;
            }
        }
    }

    private static void WriteRow(OpenXmlWriter writer, string?[] values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            var cell = new Cell { DataType = CellValues.InlineString };
            writer.WriteStartElement(cell);
            writer.WriteElement(new InlineString(new Text(XmlSafe(value ?? "")) { Space = SpaceProcessingModeValues.Preserve }));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>Characters XML 1.0 cannot hold (control characters) are dropped rather than breaking the workbook.</summary>
    private static string XmlSafe(string value) =>
        value.AsSpan().IndexOfAnyInRange('\0', '\u0008') < 0 && value.AsSpan().IndexOfAnyInRange('\u000B', '\u001F') < 0
            ? value
            : new string(value.Where(c => c is '\t' or '\n' or '\r' || c >= ' ').ToArray());

    /// <summary>Reads one stored object's string values into <paramref name="cells"/> by field position, without
    /// building a dictionary per row.</summary>
    private static void ReadCells(string json, byte[][] keys, string?[] cells)
    {
        Array.Clear(cells);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var index = -1;
            for (var i = 0; i < keys.Length; i++)
            {
                if (reader.ValueTextEquals(keys[i]))
                {
                    index = i;
                    break;
                }
            }

            reader.Read();
            if (index >= 0 && reader.TokenType == JsonTokenType.String)
            {
                cells[index] = reader.GetString();
            }
        }
    }

    /// <summary>RFC 4180 quoting; a value a spreadsheet would read as a formula gets a leading apostrophe (CSV injection).</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !IsNumber(value))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static bool IsNumber(string value) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
