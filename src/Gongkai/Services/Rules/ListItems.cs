namespace Gongkai.Services.Rules;

/// <summary>One item (row) of a list: a value per column key. A missing column reads as empty.</summary>
public sealed class ListItem
{
    private readonly Dictionary<string, string> _values;

    public ListItem(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            _values[key] = (value ?? "").Trim();
        }
    }

    public string this[string column] => _values.TryGetValue(column, out var value) ? value : "";

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The item's values in the kind's column order, only the kind's columns (what storage and exports keep).</summary>
    public IReadOnlyDictionary<string, string> For(ListKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.Columns.ToDictionary(c => c.Key, c => this[c.Key], StringComparer.Ordinal);
    }

    public static ListItem Of(params (string Column, string Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, string>(v.Column, v.Value)));
}

/// <summary>A problem with one row of an import or an adjustment: the row's number as the user counts it (the CSV's
/// line number of data, 1 = first item), the column when one is at fault, and the message in Chinese.</summary>
public sealed record RowProblem(int Row, string? Column, string Message)
{
    public string Describe() => Row > 0 ? $"第 {Row} 行{(Column is null ? "" : "（" + Column + "）")}：{Message}" : Message;
}

/// <summary>The checked items of a version, or the problems that keep it from being saved (never both).</summary>
public sealed record ListCheck(IReadOnlyList<ListItem> Items, IReadOnlyList<RowProblem> Problems)
{
    public bool Valid => Problems.Count == 0;
}

/// <summary>
/// Checks the items of a list version before anything is saved: every required column filled (a 权责清单 item
/// without 设定依据 is refused), closed vocabularies kept (职权类型 must be one of the ten), no two items with the same
/// key (事项名称), no value longer than its column allows. The whole version is refused when any row is wrong, so a
/// version is never saved half-checked.
/// </summary>
public static class ListItemRules
{
    public const int MaxItems = 20_000;

    public static ListCheck Check(ListKind kind, IReadOnlyList<ListItem> items)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(items);
        var problems = new List<RowProblem>();
        if (items.Count > MaxItems)
        {
            problems.Add(new RowProblem(0, null, $"一个清单最多 {MaxItems} 项，本次有 {items.Count} 项。"));
            return new ListCheck([], problems);
        }

        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var row = i + 1;
            var item = items[i];
            foreach (var column in kind.Columns)
            {
                var value = item[column.Key];
                if (value.Length == 0)
                {
                    if (column.Required)
                    {
                        problems.Add(new RowProblem(row, column.Name, $"缺少{column.Name}。"));
                    }

                    continue;
                }

                if (column.Allowed is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
                {
                    problems.Add(new RowProblem(row, column.Name, $"未知的{column.Name}“{value}”，应为{string.Join("、", allowed)}之一。"));
                }

                if (value.Length > column.MaxLength)
                {
                    problems.Add(new RowProblem(row, column.Name, $"{column.Name}不能超过 {column.MaxLength} 个字（现有 {value.Length} 个字）。"));
                }
            }

            var key = item[kind.KeyColumn];
            if (key.Length == 0)
            {
                continue;
            }

            if (firstRowOfKey.TryGetValue(key, out var first))
            {
                problems.Add(new RowProblem(row, kind.Key.Name, $"与第 {first} 行重复：{kind.Key.Name}“{key}”已经列出。"));
            }
            else
            {
                firstRowOfKey[key] = row;
            }
        }

        return problems.Count == 0 ? new ListCheck(items.Select(i => new ListItem(i.For(kind))).ToList(), []) : new ListCheck([], problems);
    }
}
