using Gongkai.Platform.Outcomes;

namespace Gongkai.OpenData.Rules;

/// <summary>One row of an import: its number as the person sees it in the file (header = row 1), and either the
/// checked record or every problem with it.</summary>
public sealed record ImportRow(int RowNumber, CheckedRecord? Record, IReadOnlyList<string> Errors)
{
    public bool Ok => Record is not null && Errors.Count == 0;
}

/// <summary>The whole file's verdict: problems with the file itself (headers, size) and each row's result. An import
/// stores nothing unless <see cref="Accepted"/>: a batch is all or nothing.</summary>
public sealed record ImportReport(IReadOnlyList<string> FileErrors, IReadOnlyList<ImportRow> Rows, int RowCount)
{
    public bool Accepted => FileErrors.Count == 0 && RowCount > 0 && Rows.All(r => r.Ok);

    public IEnumerable<ImportRow> Failed => Rows.Where(r => !r.Ok);
}

/// <summary>
/// Reads a table (header row, then rows of cells) against a record type: headers matched by field key or Chinese
/// label; unknown, repeated or missing required columns refused for the whole file; each row validated by
/// <see cref="RecordValidator"/>; a natural key repeated inside the file refused on its later rows. Pure: the cells
/// are given (CSV and XLSX readers produce them).
/// </summary>
public static class ImportPlan
{
    /// <summary>More rows than this in one file are refused (import in parts): keeps one import one transaction.</summary>
    public const int MaxRows = 200_000;

    /// <summary>Maps each header cell to a field key, or says what is wrong with the header row.</summary>
    public static Outcome<IReadOnlyList<string>> ReadHeader(RecordSchema schema, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(header);
        var problems = new List<string>();
        var keys = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var field = schema.Fields.FirstOrDefault(f => f.Key == name || f.Label == name);
            if (field is null)
            {
                problems.Add($"第 {i + 1} 列标题“{name}”不是“{schema.Name}”的字段。可用的列：{string.Join("、", schema.Fields.Select(f => f.Label))}。");
                keys.Add("");
                continue;
            }

            if (keys.Contains(field.Key))
            {
                problems.Add($"第 {i + 1} 列“{name}”与前面的列重复。");
            }

            keys.Add(field.Key);
        }

        foreach (var missing in schema.Fields.Where(f => f.Required && !keys.Contains(f.Key)))
        {
            problems.Add($"缺少必填列“{missing.Label}”。");
        }

        return problems.Count == 0
            ? Outcome.Success<IReadOnlyList<string>>(keys)
            : Refusal.Invalid("表头不符合模板：" + string.Join(" ", problems));
    }

    /// <summary>Checks every row; <paramref name="rows"/> may be streamed (it is read once).</summary>
    public static ImportReport Check(RecordSchema schema, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = ReadHeader(schema, header);
        if (!keys.Succeeded)
        {
            return new ImportReport([keys.Refusal!.Message], [], 0);
        }

        var columns = keys.Value!;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<ImportRow>();
        var count = 0;
        foreach (var cells in rows)
        {
            count++;
            var rowNumber = count + 1;
            if (count > MaxRows)
            {
                return new ImportReport([$"文件超过 {MaxRows:N0} 行，请分批导入（本次未导入任何记录）。"], [], count);
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                count--;
                continue;
            }

            var errors = new List<string>();
            if (cells.Count > columns.Count)
            {
                errors.Add($"本行有 {cells.Count} 列，多于表头的 {columns.Count} 列（可能有合并单元格或多余的逗号）。");
            }

            var input = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                input[columns[i]] = i < cells.Count ? cells[i] : null;
            }

            var checkedRecord = RecordValidator.Validate(schema, input, today);
            if (!checkedRecord.Succeeded)
            {
                errors.AddRange(checkedRecord.Refusal!.Errors.SelectMany(e => e.Value));
            }
            else if (seen.TryGetValue(checkedRecord.Value!.NaturalKey, out var first))
            {
                errors.Add($"与第 {first} 行重复（{string.Join("、", schema.NaturalKey.Select(k => schema.Field(k)!.Label))}相同）。");
            }
            else
            {
                seen[checkedRecord.Value.NaturalKey] = rowNumber;
            }

            results.Add(new ImportRow(rowNumber, checkedRecord.Value, errors));
        }

        return new ImportReport(count == 0 ? ["文件中没有数据行。"] : [], results, count);
    }
}
