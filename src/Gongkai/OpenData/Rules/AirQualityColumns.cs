using System.Globalization;

namespace Gongkai.OpenData.Rules;

/// <summary>
/// The computed columns of an environment-reading dataset: every air reading's IAQI, and the AQI of its site and day
/// (the largest IAQI of that site's readings that day) with 级别, 类别 and 首要污染物. One record is one pollutant at one
/// site on one day, so the day's AQI needs the site's other readings: add every reading first (<see cref="Add"/>), then
/// ask for the columns of each (<see cref="ValuesFor"/>). No I/O; the pages and downloads feed it.
/// </summary>
public sealed class AirQualityColumns
{
    public const string IndividualKey = "iaqi";
    public const string IndexKey = "aqi";
    public const string LevelKey = "aqiLevel";
    public const string CategoryKey = "aqiCategory";
    public const string PrimaryKey = "primaryPollutant";

    /// <summary>The computed fields as the data dictionary, the downloads and the pages name them.</summary>
    public static IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        new(IndividualKey, "空气质量分指数", FieldType.WholeNumber, Description: "计算字段：按 HJ 633-2012 由本条监测值计算（IAQI）；非空气污染物为空"),
        new(IndexKey, "空气质量指数", FieldType.WholeNumber, Description: "计算字段：同一点位当日各污染物分指数的最大值（AQI）"),
        new(LevelKey, "空气质量指数级别", FieldType.Code, Codes: AirQuality.Levels.Select(l => l.Level).ToList(), Description: "计算字段：HJ 633-2012 表2"),
        new(CategoryKey, "空气质量指数类别", FieldType.Code, Codes: AirQuality.Levels.Select(l => l.Category).ToList(), Description: "计算字段：HJ 633-2012 表2"),
        new(PrimaryKey, "首要污染物", FieldType.Text, Description: "计算字段：AQI 大于 50 时分指数最大的污染物，多个以、分隔"),
    ];

    private static readonly string[] ReadFields = ["site", "measuredOn", "pollutant", "value", "unit"];

    private readonly Dictionary<(string Site, string Day), List<(string Pollutant, int Index)>> _siteDays = [];

    /// <summary>Whether a type gets the computed columns: the shipped environment-reading type while it still has the
    /// fields the computation reads (a system admin may edit the schema).</summary>
    public static bool AppliesTo(RecordSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Key == ShippedRecordTypes.EnvironmentReading
            && ReadFields.All(k => schema.Field(k) is not null);
    }

    public static int? IndividualOf(IReadOnlyDictionary<string, string> reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.GetValueOrDefault("pollutant") is { } pollutant
            ? AirQuality.Individual(pollutant, reading.GetValueOrDefault("value"), reading.GetValueOrDefault("unit"))
            : null;
    }

    public void Add(IReadOnlyDictionary<string, string> reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (IndividualOf(reading) is not { } index || reading.GetValueOrDefault("site") is not { } site || reading.GetValueOrDefault("measuredOn") is not { } day)
        {
            return;
        }

        if (!_siteDays.TryGetValue((site, day), out var list))
        {
            _siteDays[(site, day)] = list = [];
        }

        list.Add((reading["pollutant"], index));
    }

    /// <summary>The AQI of a site on a day from the readings added; null when none of them has an index.</summary>
    public AirQualityIndex? SiteDay(string site, string day) =>
        _siteDays.TryGetValue((site, day), out var list) ? AirQuality.Combine(list) : null;

    /// <summary>The computed columns of one reading, keyed as <see cref="Fields"/>; a column without a value is absent.</summary>
    public IReadOnlyDictionary<string, string> ValuesFor(IReadOnlyDictionary<string, string> reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (IndividualOf(reading) is not { } individual)
        {
            return values;
        }

        values[IndividualKey] = individual.ToString(CultureInfo.InvariantCulture);
        if (SiteDay(reading.GetValueOrDefault("site") ?? "", reading.GetValueOrDefault("measuredOn") ?? "") is { } aqi)
        {
            values[IndexKey] = aqi.Aqi.ToString(CultureInfo.InvariantCulture);
            values[LevelKey] = aqi.Level.Level;
            values[CategoryKey] = aqi.Level.Category;
            if (aqi.PrimaryPollutants.Count > 0)
            {
                values[PrimaryKey] = aqi.PrimaryText;
            }
        }

        return values;
    }
}
