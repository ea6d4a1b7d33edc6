using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Safeguards.Detection;

namespace Gongkai.OpenData.Rules;

/// <summary>A record's values after validation: every value normalised (dates yyyy-MM-dd, amounts invariant), empty
/// optional fields left out, the natural key and decision date read off.</summary>
public sealed record CheckedRecord(IReadOnlyDictionary<string, string> Values, string NaturalKey, string Title, DateOnly? DecisionDate);

/// <summary>
/// Checks one record's input against its type: required fields, types, code lists, credit-code and ID-number
/// checksums, lengths and spreadsheet formulas. Errors are keyed by field key and say in Chinese what is wrong with
/// which field, so a form shows them beside the field and an import report beside the row. Pure: no I/O.
/// </summary>
public static partial class RecordValidator
{
    public const int MaxTextLength = 200;
    public const int MaxLongTextLength = 5_000;

    /// <summary>Characters a spreadsheet would start a formula with; a value starting so is refused rather than
    /// published (it may be a formula the exporting program did not evaluate, and it would run in a reader's Excel).</summary>
    private const string FormulaStarts = "=+@";

    public static Outcome<CheckedRecord> Validate(RecordSchema schema, IReadOnlyDictionary<string, string?> input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in input.Keys.Where(k => schema.Field(k) is null))
        {
            errors[key] = [$"“{key}”不是“{schema.Name}”的字段。"];
        }

        foreach (var field in schema.Fields)
        {
            var raw = input.TryGetValue(field.Key, out var given) ? given?.Trim() : null;
            if (string.IsNullOrEmpty(raw))
            {
                if (field.Required)
                {
                    errors[field.Key] = [$"请填写“{field.Label}”。"];
                }

                continue;
            }

            var (value, error) = Read(field, raw, today);
            if (error is not null)
            {
                errors[field.Key] = [error];
            }
            else
            {
                values[field.Key] = value!;
            }
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid($"“{schema.Name}”记录有 {errors.Count} 处需要修改。", errors);
        }

        DateOnly? decision = schema.DecisionDateField is { } dateKey && values.TryGetValue(dateKey, out var date)
            ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        var naturalKey = NaturalKeyOf(schema, values);
        var title = values.GetValueOrDefault(schema.TitleField) ?? naturalKey;
        return new CheckedRecord(values, naturalKey, title, decision);
    }

    /// <summary>The natural key as one string: the key fields' normalised values joined by a separator no value
    /// holds (a line feed is refused in one-line fields).</summary>
    public static string NaturalKeyOf(RecordSchema schema, IReadOnlyDictionary<string, string> values) =>
        string.Join('\n', schema.NaturalKey.Select(k => values.GetValueOrDefault(k) ?? ""));

    /// <summary>Reads one non-empty value: the normalised value, or a Chinese message naming the field.</summary>
    public static (string? Value, string? Error) Read(FieldDefinition field, string raw, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(raw);
        var label = field.Label;
        if (FormulaStarts.Contains(raw[0], StringComparison.Ordinal) && field.Type is not (FieldType.WholeNumber or FieldType.Number or FieldType.Phone))
        {
            return (null, $"“{label}”以“{raw[0]}”开头，像是表格公式：请填写公式计算后的值。");
        }

        switch (field.Type)
        {
            case FieldType.Text:
            case FieldType.LongText:
                var max = field.Type == FieldType.Text ? MaxTextLength : MaxLongTextLength;
                if (field.Type == FieldType.Text && raw.AsSpan().ContainsAny('\r', '\n'))
                {
                    return (null, $"“{label}”应为一行文字，不能换行。");
                }

                return raw.Length > max ? (null, $"“{label}”最多 {max} 个字，当前 {raw.Length} 个字。") : (raw, null);

            case FieldType.Date:
                return TryReadDate(raw, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, $"“{label}”应为日期，例如 2018-06-30 或 2018年6月30日，当前为“{raw}”。");

            case FieldType.Amount:
                if (!TryReadNumber(raw, out var amount))
                {
                    return (null, $"“{label}”应为金额数字（单位：{field.Unit ?? "元"}），当前为“{raw}”。");
                }

                if (amount < 0)
                {
                    return (null, $"“{label}”不能为负数。");
                }

                return decimal.Round(amount, 2) != amount
                    ? (null, $"“{label}”最多保留两位小数。")
                    : (amount.ToString("0.##", CultureInfo.InvariantCulture), null);

            case FieldType.WholeNumber:
                return long.TryParse(raw.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? (whole.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"“{label}”应为整数，当前为“{raw}”。");

            case FieldType.Number:
                return TryReadNumber(raw, out var number)
                    ? (number.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"“{label}”应为数字，当前为“{raw}”。");

            case FieldType.Code:
                var code = field.CodeList.FirstOrDefault(c => string.Equals(c, raw, StringComparison.Ordinal));
                return code is not null
                    ? (code, null)
                    : (null, $"“{label}”应为以下之一：{string.Join("、", field.CodeList)}；当前为“{raw}”。");

            case FieldType.CreditCode:
                var credit = CreditCode.Normalize(raw);
                return CreditCode.TryValidate(credit, out var creditError) ? (credit, null) : (null, $"“{label}”：{creditError}");

            case FieldType.IdNumber:
                var id = raw.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                return id.Length == 18 && Checksums.IsValidIdNumber(id, today)
                    ? (id, null)
                    : (null, $"“{label}”不是有效的18位居民身份证号码（出生日期或校验位不符）。");

            case FieldType.PersonName:
                return raw.Length is >= 2 and <= 30 && !raw.Any(char.IsDigit)
                    ? (raw, null)
                    : (null, $"“{label}”应为2至30个字的姓名。");

            case FieldType.Phone:
                return PhonePattern().IsMatch(raw) ? (raw, null) : (null, $"“{label}”应为电话号码，例如 0816-2222222 或 12345，当前为“{raw}”。");

            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Unknown field type.");
        }
    }

    public static bool TryReadDate(string raw, out DateOnly date)
    {
        var text = raw.Trim();
        if (ChineseDate().Match(text) is { Success: true } match)
        {
            text = $"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}";
        }

        return DateOnly.TryParseExact(text, ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool TryReadNumber(string raw, out decimal value) =>
        decimal.TryParse(raw.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    [GeneratedRegex(@"^(\d{4})年(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"^(\+?86[- ]?)?[0-9][0-9\-、 ]{2,30}$")]
    private static partial Regex PhonePattern();
}
