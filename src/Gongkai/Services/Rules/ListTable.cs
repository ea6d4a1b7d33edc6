using System.Text;

namespace Gongkai.Services.Rules;

/// <summary>
/// A list as a table of text: the header names the columns (Chinese name as on the page, or the column key), in any
/// order; a header the kind does not have, or a required column missing, refuses the whole file. Then the rows are
/// checked by <see cref="ListItemRules"/>, each problem reported with its row. Writing is the same table: the header
/// in the kind's column order, RFC 4180 quoting.
/// </summary>
public static class ListTable
{
    public static ListCheck Read(ListKind kind, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<RowProblem>();
        var columnAt = new ListColumn?[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (name.Length == 0)
            {
                continue;
            }

            var column = kind.Columns.FirstOrDefault(c => c.Name == name || c.Key == name);
            if (column is null)
            {
                problems.Add(new RowProblem(0, name, $"表头“{name}”不是{kind.Name}的列；应为：{string.Join("、", kind.Columns.Select(c => c.Name))}。"));
            }
            else if (columnAt.Contains(column))
            {
                problems.Add(new RowProblem(0, name, $"表头“{name}”出现了两次。"));
            }
            else
            {
                columnAt[i] = column;
            }
        }

        foreach (var missing in kind.Columns.Where(c => c.Required && !columnAt.Contains(c)))
        {
            problems.Add(new RowProblem(0, missing.Name, $"缺少“{missing.Name}”列。"));
        }

        if (problems.Count > 0)
        {
            return new ListCheck([], problems);
        }

        var items = new List<ListItem>();
        foreach (var row in rows)
        {
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (items.Count >= ListItemRules.MaxItems)
            {
                return new ListCheck([], [new RowProblem(0, null, $"一个清单最多 {ListItemRules.MaxItems} 项。")]);
            }

            var values = new List<KeyValuePair<string, string>>();
            for (var i = 0; i < Math.Min(row.Count, columnAt.Length); i++)
            {
                if (columnAt[i] is { } column)
                {
                    values.Add(new(column.Key, row[i]));
                }
            }

            items.Add(new ListItem(values));
        }

        return ListItemRules.Check(kind, items);
    }

    public static string ToCsv(ListKind kind, IEnumerable<ListItem> items)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(items);
        var csv = new StringBuilder();
        csv.AppendJoin(',', kind.Columns.Select(c => Quote(c.Name))).Append("\r\n");
        foreach (var item in items)
        {
            csv.AppendJoin(',', kind.Columns.Select(c => Quote(item[c.Key]))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>A field quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with a quote
    /// mark so a spreadsheet never runs it as a formula (CSV injection).</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
