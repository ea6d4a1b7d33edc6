using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gongkai.OpenData.Import;

/// <summary>An uploaded file as a table: unique column names and rows of the same width (string values).</summary>
public sealed record FileTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// What an uploaded file of a file dataset is: its format, its table when it is one (CSV, XLSX, a JSON array of flat
/// objects) or none (another JSON document: only the original file is published), and every problem found — a file
/// with any problem is not stored.
/// </summary>
public sealed record FileCheck(string Format, FileTable? Table, IReadOnlyList<string> Errors)
{
    public bool Accepted => Errors.Count == 0;
}

/// <summary>
/// Reads the file of a file dataset (CSV in UTF-8, XLSX through <see cref="TableReaders"/>, JSON) and reports in
/// Chinese, per row where a row is at fault: over the size limit, not parseable, empty or repeated column names, rows
/// wider or narrower than the header, JSON objects whose fields differ from the first one's. Nothing is half-read:
/// the caller stores the file only when <see cref="FileCheck.Accepted"/>.
/// </summary>
public static class FileTableReader
{
    /// <summary>Problems listed one by one before the report sums up the rest.</summary>
    public const int MaxListedErrors = 100;

    public static IReadOnlyList<string> Formats { get; } = ["CSV", "XLSX", "JSON"];

    /// <summary>The format named by the file's extension, or null for one that is not accepted.</summary>
    public static string? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "CSV",
        ".xlsx" => "XLSX",
        ".json" => "JSON",
        _ => null,
    };

    public static FileCheck Read(string fileName, byte[] content, long maxBytes, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var format = FormatOf(fileName);
        if (format is null)
        {
            return Refuse("", "只能上传 .csv（UTF-8 编码）、.xlsx 或 .json 文件。");
        }

        if (content.Length > maxBytes)
        {
            return Refuse(format, $"文件大小 {Megabytes(content.Length)}，超过上限 {Megabytes(maxBytes)}：请拆分后分别发布，或压缩数据后再上传。");
        }

        if (content.Length == 0)
        {
            return Refuse(format, "文件是空的。");
        }

        if (ContentMismatch(format, content) is { } mismatch)
        {
            return Refuse(format, mismatch);
        }

        try
        {
            return format switch
            {
                "CSV" => CheckTable(format, ReadCsv(content), maxRows),
                "XLSX" => CheckTable(format, TableReaders.ReadXlsx(new MemoryStream(content, writable: false)), maxRows),
                _ => ReadJson(content, maxRows),
            };
        }
        catch (TableFormatException error)
        {
            return Refuse(format, error.Message);
        }
    }

    /// <summary>Why the bytes are not what the extension declares (an XLSX that is not a ZIP package; a CSV or JSON that
    /// is a ZIP package, an old Office file, a PDF or an image), or null when nothing contradicts it. A text file that
    /// is not valid CSV or JSON is reported by the parser instead.</summary>
    public static string? ContentMismatch(string format, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(format);
        var zip = content.StartsWith("PK\x03\x04"u8);
        string? sniffed = zip ? "ZIP 压缩包（如 XLSX 工作簿）"
            : content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) ? "旧版 Office 文件（如 .xls）"
            : content.StartsWith("%PDF"u8) ? "PDF 文件"
            : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "PNG 图片"
            : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "JPEG 图片"
            : content.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? "gzip 压缩文件"
            : null;
        return format switch
        {
            "XLSX" when !zip => "文件扩展名是 .xlsx，但内容不是有效的 XLSX 工作簿" + (sniffed is null ? "" : $"（看起来是{sniffed}）") + "：请在表格软件中另存为 .xlsx 后再上传。",
            "CSV" or "JSON" when sniffed is not null => $"文件扩展名是 .{format.ToLowerInvariant()}，但内容是{sniffed}：请上传与扩展名相符的文件。",
            _ => null,
        };
    }

    private static Table ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new TableFormatException("文件不是 UTF-8 编码：请在表格软件中另存为“CSV UTF-8”后再上传。");
        }

        return TableReaders.ReadCsv(new StringReader(text.TrimStart('\uFEFF')));
    }

    private static FileCheck CheckTable(string format, Table table, int maxRows)
    {
        var errors = new List<string>();
        var columns = table.Header.Select(h => h.Trim()).ToList();
        while (columns.Count > 0 && columns[^1].Length == 0)
        {
            columns.RemoveAt(columns.Count - 1);
        }

        CheckColumns(columns, errors);
        var rows = new List<IReadOnlyList<string>>();
        var rowNumber = 1;
        var problems = 0;
        foreach (var row in table.Rows)
        {
            rowNumber++;
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (rows.Count >= maxRows)
            {
                errors.Add($"数据超过 {maxRows:N0} 行：请拆分为多个数据集发布。");
                break;
            }

            var width = row.Count;
            while (width > columns.Count && string.IsNullOrWhiteSpace(row[width - 1]))
            {
                width--;
            }

            if (width > columns.Count)
            {
                Add(errors, ref problems, $"第 {rowNumber} 行有 {width} 列，表头只有 {columns.Count} 列：请检查是否多了逗号或漏了表头。");
                continue;
            }

            if (format == "CSV" && row.Count < columns.Count)
            {
                Add(errors, ref problems, $"第 {rowNumber} 行只有 {row.Count} 列，表头有 {columns.Count} 列：请补齐空缺的单元格（可留空但要保留逗号）。");
                continue;
            }

            rows.Add([.. Enumerable.Range(0, columns.Count).Select(i => i < row.Count ? row[i] : "")]);
        }

        Summarise(errors, problems);
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add("文件只有表头，没有数据行。");
        }

        return new FileCheck(format, errors.Count == 0 ? new FileTable(columns, rows) : null, errors);
    }

    private static void CheckColumns(List<string> columns, List<string> errors)
    {
        if (columns.Count == 0)
        {
            errors.Add("第 1 行应为表头（列名），现在是空的。");
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length == 0)
            {
                errors.Add($"表头第 {i + 1} 列没有列名：每一列都要有名称。");
            }
            else if (columns.Take(i).Contains(columns[i], StringComparer.Ordinal))
            {
                errors.Add($"表头中“{columns[i]}”出现了不止一次：列名不能重复。");
            }
            else if (columns[i].Length > 100)
            {
                errors.Add($"表头第 {i + 1} 列的列名超过 100 个字。");
            }
        }
    }

    /// <summary>A JSON array of objects with scalar values is a table (columns: the first object's fields, which every
    /// other object must have too); any other well-formed JSON is published as the original file only.</summary>
    private static FileCheck ReadJson(byte[] content, int maxRows)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException error)
        {
            var line = error.LineNumber is { } l ? $"第 {l + 1} 行" : "";
            var column = error.BytePositionInLine is { } c ? $"第 {c + 1} 个字节" : "";
            return Refuse("JSON", $"不是有效的 JSON：{line}{column}附近格式有误（请检查引号、逗号和括号是否成对）。");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0
                || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object || e.EnumerateObject().Any(p => p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)))
            {
                return new FileCheck("JSON", null, []);
            }

            var errors = new List<string>();
            var columns = root[0].EnumerateObject().Select(p => p.Name).ToList();
            CheckColumns(columns, errors);
            if (root.GetArrayLength() > maxRows)
            {
                errors.Add($"数据超过 {maxRows:N0} 项：请拆分为多个数据集发布。");
                return new FileCheck("JSON", null, errors);
            }

            var rows = new List<IReadOnlyList<string>>();
            var problems = 0;
            var item = 0;
            foreach (var element in root.EnumerateArray())
            {
                item++;
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    values[property.Name] = Scalar(property.Value);
                }

                var extra = values.Keys.Where(k => !columns.Contains(k, StringComparer.Ordinal)).ToList();
                var missing = columns.Where(c => !values.ContainsKey(c)).ToList();
                if (extra.Count > 0 || missing.Count > 0)
                {
                    var parts = new List<string>();
                    if (extra.Count > 0)
                    {
                        parts.Add("多出“" + string.Join("”“", extra) + "”");
                    }

                    if (missing.Count > 0)
                    {
                        parts.Add("缺少“" + string.Join("”“", missing) + "”");
                    }

                    Add(errors, ref problems, $"第 {item} 项的字段与第 1 项不一致（{string.Join("，", parts)}）：每一项应有相同的字段，没有值时写 null。");
                    continue;
                }

                rows.Add([.. columns.Select(c => values[c])]);
            }

            Summarise(errors, problems);
            return new FileCheck("JSON", errors.Count == 0 ? new FileTable(columns, rows) : null, errors);
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static void Add(List<string> errors, ref int problems, string message)
    {
        problems++;
        if (problems <= MaxListedErrors)
        {
            errors.Add(message);
        }
    }

    private static void Summarise(List<string> errors, int problems)
    {
        if (problems > MaxListedErrors)
        {
            errors.Add($"另有 {problems - MaxListedErrors} 处同类问题未逐条列出。");
        }
    }

    private static FileCheck Refuse(string format, string message) => new(format, null, [message]);

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
