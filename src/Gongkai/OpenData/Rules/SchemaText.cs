using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Platform.Outcomes;

namespace Gongkai.OpenData.Rules;

/// <summary>
/// The field list of a record type as a system admin edits it on the console: one field per line,
/// <c>键|名称|类型|必填|单位|代码表|说明</c> (代码表 values separated by 、). Type codes are the English ones of the API
/// (<c>text</c>, <c>date</c>, <c>amount</c>, …) or their Chinese names. Pure: parsing and checking only.
/// </summary>
public static partial class SchemaText
{
    public static IReadOnlyList<(FieldType Type, string Code, string Name)> Types { get; } =
    [
        (FieldType.Text, "text", "文本"),
        (FieldType.LongText, "longtext", "长文本"),
        (FieldType.Date, "date", "日期"),
        (FieldType.Amount, "amount", "金额"),
        (FieldType.WholeNumber, "integer", "整数"),
        (FieldType.Number, "decimal", "数值"),
        (FieldType.Code, "code", "代码表"),
        (FieldType.CreditCode, "credit-code", "统一社会信用代码"),
        (FieldType.IdNumber, "id-number", "身份证号"),
        (FieldType.PersonName, "person-name", "自然人姓名"),
        (FieldType.Phone, "phone", "电话"),
    ];

    public static string Code(FieldType type) => Types.First(t => t.Type == type).Code;

    public static string Name(FieldType type) => Types.First(t => t.Type == type).Name;

    public static string Format(IEnumerable<FieldDefinition> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = new StringBuilder();
        foreach (var f in fields)
        {
            text.Append(f.Key).Append('|').Append(f.Label).Append('|').Append(Code(f.Type)).Append('|')
                .Append(f.Required ? "必填" : "").Append('|').Append(f.Unit).Append('|')
                .Append(string.Join("、", f.CodeList)).Append('|').Append(f.Description).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads the lines into fields; errors name the line.</summary>
    public static Outcome<IReadOnlyList<FieldDefinition>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<FieldDefinition>();
        var errors = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            if (parts.Length < 3)
            {
                errors.Add($"第 {lineNumber} 行应至少有“键|名称|类型”三项。");
                continue;
            }

            var type = Types.Where(t => t.Code == parts[2] || t.Name == parts[2]).Select(t => (FieldType?)t.Type).FirstOrDefault();
            if (type is null)
            {
                errors.Add($"第 {lineNumber} 行类型“{parts[2]}”未知，可用：{string.Join("、", Types.Select(t => t.Code))}。");
                continue;
            }

            string Part(int i) => parts.Length > i ? parts[i] : "";
            var required = Part(3) switch
            {
                "" or "否" or "选填" or "false" => (bool?)false,
                "必填" or "是" or "true" => true,
                _ => null,
            };
            if (required is null)
            {
                errors.Add($"第 {lineNumber} 行第4项应为“必填”或留空。");
                continue;
            }

            var codes = Part(5).Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            fields.Add(new FieldDefinition(parts[0], parts[1], type.Value, required.Value, Part(4).Length == 0 ? null : Part(4),
                codes.Length == 0 ? null : codes, Part(6).Length == 0 ? null : Part(6)));
        }

        if (errors.Count > 0)
        {
            return Refusal.InvalidField("fields", string.Join(" ", errors));
        }

        return fields;
    }

    /// <summary>Checks a whole schema: keys well-formed and unique, labels unique, code lists where needed, the natural
    /// key, title and decision-date fields present (key fields required).</summary>
    public static Outcome<RecordSchema> Check(RecordSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        if (!KeyPattern().IsMatch(schema.Key))
        {
            Add("key", "类型标识只能用小写字母、数字和连字符，以字母开头，最多40个字符。");
        }

        if (string.IsNullOrWhiteSpace(schema.Name))
        {
            Add("name", "请填写类型名称。");
        }

        if (schema.Fields.Count == 0)
        {
            Add("fields", "至少需要一个字段。");
        }

        foreach (var field in schema.Fields)
        {
            if (!FieldKeyPattern().IsMatch(field.Key))
            {
                Add("fields", $"字段键“{field.Key}”只能用字母和数字，以字母开头。");
            }

            if (string.IsNullOrWhiteSpace(field.Label))
            {
                Add("fields", $"字段“{field.Key}”缺少名称。");
            }

            if (field.Type == FieldType.Code && field.CodeList.Count == 0)
            {
                Add("fields", $"字段“{field.Label}”是代码表类型，请列出可选值（用、分隔）。");
            }

            if (field.Type != FieldType.Code && field.CodeList.Count > 0)
            {
                Add("fields", $"字段“{field.Label}”不是代码表类型，不能有可选值。");
            }
        }

        foreach (var repeated in schema.Fields.GroupBy(f => f.Key).Where(g => g.Count() > 1))
        {
            Add("fields", $"字段键“{repeated.Key}”重复。");
        }

        foreach (var repeated in schema.Fields.GroupBy(f => f.Label).Where(g => g.Count() > 1))
        {
            Add("fields", $"字段名称“{repeated.Key}”重复（导入时按名称识别列）。");
        }

        if (schema.NaturalKey.Count == 0)
        {
            Add("naturalKey", "请指定唯一标识记录的字段（导入时据此判断新增或更新）。");
        }

        foreach (var key in schema.NaturalKey)
        {
            var field = schema.Field(key);
            if (field is null)
            {
                Add("naturalKey", $"唯一标识字段“{key}”不在字段列表中。");
            }
            else if (!field.Required)
            {
                Add("naturalKey", $"唯一标识字段“{field.Label}”应为必填。");
            }
            else if (field.Personal)
            {
                Add("naturalKey", $"唯一标识字段“{field.Label}”是个人信息，不能用作公开的标识。");
            }
        }

        if (schema.Field(schema.TitleField) is not { } title || title.Personal)
        {
            Add("titleField", "标题字段应为字段列表中的非个人信息字段。");
        }

        if (schema.DecisionDateField is { } decision && schema.Field(decision)?.Type != FieldType.Date)
        {
            Add("decisionDateField", "决定日期字段应为字段列表中的日期字段。");
        }

        if (schema.PublishWithinWorkingDays is { } days && (days is < 1 or > 60 || schema.DecisionDateField is null))
        {
            Add("publishWithinWorkingDays", "公示时限应为1至60个工作日，并需指定决定日期字段。");
        }

        return errors.Count == 0 ? schema : Refusal.Invalid("记录类型定义有误。", errors);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex FieldKeyPattern();
}
