using System.Text;
using System.Text.Json;
using Gongkai.OpenData.Rules;

namespace Gongkai.OpenData;

/// <summary>
/// Resource files generated from a dataset's published records, written straight to the response in batches (never
/// the whole file in memory): CSV (UTF-8 with BOM so spreadsheet programs read Chinese, Chinese labels as headers,
/// RFC 4180 quoting, cells that would start a formula prefixed with an apostrophe) and JSON (an array of objects keyed
/// by field key). The data dictionary lists the fields.
/// </summary>
public static class Downloads
{
    public static string MediaType(string format) => format.ToUpperInvariant() switch
    {
        "CSV" => "text/csv",
        "JSON" => "application/json",
        _ => "application/octet-stream",
    };

    public static async Task WriteCsvAsync(Stream output, RecordSchema schema, IAsyncEnumerable<string> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(",", schema.Fields.Select(f => Cell(f.Unit is null ? f.Label : $"{f.Label}（{f.Unit}）"))).AsMemory(), cancellationToken);
        var keys = schema.Fields.Select(f => Encoding.UTF8.GetBytes(f.Key)).ToArray();
        var cells = new string?[keys.Length];
        var line = new StringBuilder();
        await foreach (var json in rows.WithCancellation(cancellationToken))
        {
            ReadCells(json, keys, cells);
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

    /// <summary>Writes the stored public objects as one JSON array, unchanged (they are already masked, keyed by field
    /// and written by the one serializer), so the download costs no parsing.</summary>
    public static async Task WriteJsonAsync(Stream output, IAsyncEnumerable<string> rows, CancellationToken cancellationToken)
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
            await writer.WriteAsync(json.AsMemory(), cancellationToken);
        }

        await writer.WriteAsync(']');
        await writer.FlushAsync(cancellationToken);
    }

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
