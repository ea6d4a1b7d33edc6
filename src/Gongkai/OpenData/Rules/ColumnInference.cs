using System.Globalization;

namespace Gongkai.OpenData.Rules;

/// <summary>
/// The data dictionary of a staff-published file: one field per column, its type inferred from the values — 整数 when
/// every non-empty value is a whole number (a value with a leading zero such as 007 stays text: it is a code), 数值
/// for decimals, 日期 for yyyy-MM-dd (or yyyy/M/d), otherwise 文本 (long text when a value has a line break). Empty
/// cells do not vote; a column with no value is text. Descriptions come from staff, kept by column name.
/// </summary>
public static class ColumnInference
{
    public static IReadOnlyList<FieldDefinition> Infer(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyDictionary<string, string>? descriptions = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return columns.Select((column, i) =>
        {
            var type = TypeOf(rows.Select(r => i < r.Count ? r[i] : ""));
            var description = descriptions?.GetValueOrDefault(column);
            return new FieldDefinition(column, column, type, Description: string.IsNullOrWhiteSpace(description) ? null : description);
        }).ToList();
    }

    public static FieldType TypeOf(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        bool whole = true, number = true, date = true, multiline = false, any = false;
        foreach (var raw in values)
        {
            var value = raw.Trim();
            if (value.Length == 0)
            {
                continue;
            }

            any = true;
            multiline |= value.Contains('\n', StringComparison.Ordinal);
            var leadingZero = value.Length > 1 && value[0] == '0' && value[1] != '.';
            whole &= !leadingZero && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            number &= !leadingZero && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
            date &= DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }

        if (!any)
        {
            return FieldType.Text;
        }

        return whole ? FieldType.WholeNumber : number ? FieldType.Number : date ? FieldType.Date : multiline ? FieldType.LongText : FieldType.Text;
    }
}
