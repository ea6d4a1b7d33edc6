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

    public static async Task WriteCsvAsync(Stream output, RecordSchema schema, IAsyncEnumerable<IReadOnlyDictionary<string, string>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(",", schema.Fields.Select(f => Cell(f.Unit is null ? f.Label : $"{f.Label}（{f.Unit}）"))).AsMemory(), cancellationToken);
        var line = new StringBuilder();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            for (var i = 0; i < schema.Fields.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                line.Append(Cell(row.GetValueOrDefault(schema.Fields[i].Key) ?? ""));
            }

            line.Append("\r\n");
            await writer.WriteAsync(line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static async Task WriteJsonAsync(Stream output, RecordSchema schema, IAsyncEnumerable<IReadOnlyDictionary<string, string>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            foreach (var field in schema.Fields)
            {
                if (row.TryGetValue(field.Key, out var value))
                {
                    json.WriteString(field.Key, value);
                }
            }

            json.WriteEndObject();
            if (++written % 1_000 == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
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
