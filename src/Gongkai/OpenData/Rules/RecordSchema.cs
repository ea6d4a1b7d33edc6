using System.Text.Json.Serialization;

namespace Gongkai.OpenData.Rules;

/// <summary>What a field holds; decides how input is read, normalised and shown. Written in JSON by the kebab-case names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType
{
    /// <summary>One line of text.</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary>Several lines of text (results, reasons).</summary>
    [JsonStringEnumMemberName("long-text")]
    LongText,

    /// <summary>A date, stored yyyy-MM-dd.</summary>
    [JsonStringEnumMemberName("date")]
    Date,

    /// <summary>Money in 元 (or the unit given), at most two decimals, not negative.</summary>
    [JsonStringEnumMemberName("amount")]
    Amount,

    [JsonStringEnumMemberName("whole-number")]
    WholeNumber,

    [JsonStringEnumMemberName("number")]
    Number,

    /// <summary>One value of the field's code list.</summary>
    [JsonStringEnumMemberName("code")]
    Code,

    /// <summary>统一社会信用代码 with its checksum (GB 32100-2015); public.</summary>
    [JsonStringEnumMemberName("credit-code")]
    CreditCode,

    /// <summary>居民身份证号码: checked, kept for staff, masked in every public view.</summary>
    [JsonStringEnumMemberName("id-number")]
    IdNumber,

    /// <summary>A natural person's name: masked (张某) in every public view.</summary>
    [JsonStringEnumMemberName("person-name")]
    PersonName,

    /// <summary>A telephone number for the public (举报电话, hotlines): kept as given.</summary>
    [JsonStringEnumMemberName("phone")]
    Phone,
}

/// <summary>One field of a record type.</summary>
/// <param name="Key">Stable key used in CSV headers, JSON and the API (ASCII, e.g. <c>decisionDate</c>).</param>
/// <param name="Label">The Chinese name shown on forms and pages and accepted as a CSV header.</param>
/// <param name="Unit">Shown after values (元, μg/m³, %), carried into the data dictionary.</param>
/// <param name="Codes">For <see cref="FieldType.Code"/>: the allowed values.</param>
public sealed record FieldDefinition(
    string Key,
    string Label,
    FieldType Type,
    bool Required = false,
    string? Unit = null,
    IReadOnlyList<string>? Codes = null,
    string? Description = null)
{
    [JsonIgnore]
    public IReadOnlyList<string> CodeList => Codes ?? [];

    /// <summary>Personal data: kept for staff, masked in the public view, the downloads and the CKAN/DCAT output.</summary>
    [JsonIgnore]
    public bool Personal => Type is FieldType.IdNumber or FieldType.PersonName;
}

/// <summary>
/// A record type as data (kept in the database, edited by system admins, versioned): its fields, the fields whose
/// values together identify a record (the natural key imports match on), and, for 双公示 types, the field holding
/// the decision date and the working days within which the record must be online.
/// </summary>
public sealed record RecordSchema(
    string Key,
    string Name,
    string Description,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<string> NaturalKey,
    string TitleField,
    string? DecisionDateField = null,
    int? PublishWithinWorkingDays = null,
    string Theme = "",
    string UpdateFrequency = "不定期")
{
    public FieldDefinition? Field(string key) => Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
}
