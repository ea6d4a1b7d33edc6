using System.Globalization;

namespace Gongkai.OpenData.Rules;

/// <summary>Which averaging period a concentration is (HJ 633-2012 has a 24-hour and a 1-hour table).</summary>
public enum AveragingPeriod
{
    /// <summary>Daily report: 24-hour averages; for O3 the day's maximum 8-hour moving average.</summary>
    Day,

    /// <summary>Hourly (real-time) report: 1-hour averages; PM10 and PM2.5 have no 1-hour row and use the 24-hour one.</summary>
    Hour,
}

/// <summary>空气质量指数级别 with its 类别 and the colour HJ 633-2012 table 2 names for it.</summary>
public sealed record AirQualityLevel(int Grade, string Level, string Category, string Colour);

/// <summary>The AQI of one site and period: the largest individual index, the levels, 首要污染物 (only when AQI &gt; 50)
/// and 超标污染物 (IAQI &gt; 100).</summary>
public sealed record AirQualityIndex(int Aqi, AirQualityLevel Level, IReadOnlyList<string> PrimaryPollutants, IReadOnlyList<string> ExceedingPollutants)
{
    public string PrimaryText => PrimaryPollutants.Count == 0 ? "—" : string.Join("、", PrimaryPollutants);
}

/// <summary>
/// 环境空气质量指数（AQI）技术规定（试行）HJ 633-2012, as a rule without I/O. The individual index of a pollutant
/// (IAQI) is interpolated linearly inside the breakpoint segment holding the concentration (table 1) and rounded up
/// to a whole number (the standard: 计算结果全部进位取整数); the AQI is the largest IAQI; 首要污染物 are the pollutants
/// whose IAQI is the AQI, named only when the AQI is above 50.
/// Choices where the standard is silent or needs data a daily reading lacks, written down:
/// a concentration above the table's last breakpoint gets 500 (the table ends there and the day is 严重污染 either way);
/// a daily O3 value (8-hour) above 800 μg/m³ and an hourly SO2 value above 800 μg/m³ get no index, because the
/// standard then reports the index of the other averaging period, which one reading does not carry;
/// concentrations in mg/m³ or μg/m³ are both accepted (converted), other units give no index.
/// </summary>
public static class AirQuality
{
    /// <summary>The individual-index breakpoints (IAQI) every row of table 1 is paired with.</summary>
    private static readonly int[] IndexBreakpoints = [0, 50, 100, 150, 200, 300, 400, 500];

    // Table 1 of HJ 633-2012. μg/m³, except CO in mg/m³. A shorter row ends where the standard stops the index.
    private static readonly Dictionary<string, decimal[]> DailyBreakpoints = new(StringComparer.Ordinal)
    {
        ["SO2"] = [0, 50, 150, 475, 800, 1600, 2100, 2620],
        ["NO2"] = [0, 40, 80, 180, 280, 565, 750, 940],
        ["PM10"] = [0, 50, 150, 250, 350, 420, 500, 600],
        ["CO"] = [0, 2, 4, 14, 24, 36, 48, 60],
        ["O3"] = [0, 100, 160, 215, 265, 800], // 8-hour moving average; above 800 the 1-hour index is reported
        ["PM2.5"] = [0, 35, 75, 115, 150, 250, 350, 500],
    };

    private static readonly Dictionary<string, decimal[]> HourlyBreakpoints = new(StringComparer.Ordinal)
    {
        ["SO2"] = [0, 150, 500, 650, 800], // above 800 the 24-hour index is reported
        ["NO2"] = [0, 100, 200, 700, 1200, 2340, 3090, 3840],
        ["PM10"] = DailyBreakpoints["PM10"],
        ["CO"] = [0, 5, 10, 35, 60, 90, 120, 150],
        ["O3"] = [0, 160, 200, 300, 400, 800, 1000, 1200],
        ["PM2.5"] = DailyBreakpoints["PM2.5"],
    };

    /// <summary>The six pollutants with an individual index, in the order the standard lists them.</summary>
    public static IReadOnlyList<string> Pollutants { get; } = ["SO2", "NO2", "PM10", "CO", "O3", "PM2.5"];

    public static IReadOnlyList<AirQualityLevel> Levels { get; } =
    [
        new(1, "一级", "优", "绿色"),
        new(2, "二级", "良", "黄色"),
        new(3, "三级", "轻度污染", "橙色"),
        new(4, "四级", "中度污染", "红色"),
        new(5, "五级", "重度污染", "紫色"),
        new(6, "六级", "严重污染", "褐红色"),
    ];

    public static bool HasIndex(string pollutant) => DailyBreakpoints.ContainsKey(pollutant);

    /// <summary>The pollutant's IAQI for a concentration in <paramref name="unit"/>, or null when it has none (not an
    /// air pollutant of table 1, negative, an unknown unit, or beyond a row the standard stops).</summary>
    public static int? Individual(string pollutant, decimal concentration, string unit, AveragingPeriod period = AveragingPeriod.Day)
    {
        ArgumentNullException.ThrowIfNull(pollutant);
        var table = period == AveragingPeriod.Day ? DailyBreakpoints : HourlyBreakpoints;
        if (!table.TryGetValue(pollutant, out var breakpoints) || concentration < 0 || ToTableUnit(pollutant, concentration, unit) is not { } c)
        {
            return null;
        }

        for (var i = 1; i < breakpoints.Length; i++)
        {
            if (c <= breakpoints[i])
            {
                var low = breakpoints[i - 1];
                var share = (c - low) / (breakpoints[i] - low);
                var index = IndexBreakpoints[i - 1] + (share * (IndexBreakpoints[i] - IndexBreakpoints[i - 1]));
                return (int)Math.Ceiling(index);
            }
        }

        // Past the last breakpoint: a complete row ends at 500; a shortened row hands over to the other period.
        return breakpoints.Length == IndexBreakpoints.Length ? 500 : null;
    }

    /// <summary>The same, from a stored reading's text values (the record's value and unit fields).</summary>
    public static int? Individual(string pollutant, string? value, string? unit, AveragingPeriod period = AveragingPeriod.Day) =>
        value is not null && unit is not null && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var concentration)
            ? Individual(pollutant, concentration, unit, period)
            : null;

    /// <summary>The AQI of a site and period from its pollutants' individual indices; null when none has one.</summary>
    public static AirQualityIndex? Combine(IEnumerable<(string Pollutant, int Index)> individual)
    {
        ArgumentNullException.ThrowIfNull(individual);
        var indices = individual.ToList();
        if (indices.Count == 0)
        {
            return null;
        }

        var aqi = indices.Max(i => i.Index);
        var order = Pollutants.ToList();
        var primary = aqi > 50
            ? indices.Where(i => i.Index == aqi).Select(i => i.Pollutant).Distinct().OrderBy(order.IndexOf).ToList()
            : [];
        var exceeding = indices.Where(i => i.Index > 100).Select(i => i.Pollutant).Distinct().OrderBy(order.IndexOf).ToList();
        return new AirQualityIndex(aqi, LevelOf(aqi), primary, exceeding);
    }

    /// <summary>Table 2: 0–50 一级 优, 51–100 二级 良, 101–150 三级, 151–200 四级, 201–300 五级, above 300 六级.</summary>
    public static AirQualityLevel LevelOf(int aqi) => aqi switch
    {
        <= 50 => Levels[0],
        <= 100 => Levels[1],
        <= 150 => Levels[2],
        <= 200 => Levels[3],
        <= 300 => Levels[4],
        _ => Levels[5],
    };

    private static decimal? ToTableUnit(string pollutant, decimal concentration, string unit)
    {
        var tableInMilligrams = pollutant == "CO";
        return unit.Trim() switch
        {
            "mg/m³" or "mg/m3" => tableInMilligrams ? concentration : concentration * 1000,
            "μg/m³" or "µg/m³" or "ug/m3" or "μg/m3" => tableInMilligrams ? concentration / 1000 : concentration,
            _ => null,
        };
    }
}
