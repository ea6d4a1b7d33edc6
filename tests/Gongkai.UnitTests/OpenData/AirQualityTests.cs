using Gongkai.OpenData;
using Gongkai.OpenData.Rules;

namespace Gongkai.UnitTests.OpenData;

/// <summary>HJ 633-2012: individual indices at every kind of breakpoint and between them, the AQI, its levels and
/// 首要污染物, and the computed columns of an environment-reading dataset.</summary>
public sealed class AirQualityTests
{
    [Theory]
    [InlineData("PM2.5", 0, 0)]
    [InlineData("PM2.5", 35, 50)]
    [InlineData("PM2.5", 75, 100)]
    [InlineData("PM2.5", 115, 150)]
    [InlineData("PM2.5", 150, 200)]
    [InlineData("PM2.5", 250, 300)]
    [InlineData("PM2.5", 350, 400)]
    [InlineData("PM2.5", 500, 500)]
    [InlineData("PM10", 50, 50)]
    [InlineData("PM10", 150, 100)]
    [InlineData("PM10", 420, 300)]
    [InlineData("PM10", 600, 500)]
    [InlineData("SO2", 50, 50)]
    [InlineData("SO2", 150, 100)]
    [InlineData("SO2", 475, 150)]
    [InlineData("SO2", 2620, 500)]
    [InlineData("NO2", 40, 50)]
    [InlineData("NO2", 80, 100)]
    [InlineData("NO2", 565, 300)]
    [InlineData("NO2", 940, 500)]
    [InlineData("O3", 100, 50)]
    [InlineData("O3", 160, 100)]
    [InlineData("O3", 265, 200)]
    [InlineData("O3", 800, 300)]
    public void A_daily_concentration_on_a_breakpoint_gets_the_index_of_that_breakpoint(string pollutant, int microgramsPerCubicMetre, int expected)
    {
        Assert.Equal(expected, AirQuality.Individual(pollutant, microgramsPerCubicMetre, "μg/m³"));
    }

    [Theory]
    [InlineData(2, 50)]
    [InlineData(4, 100)]
    [InlineData(14, 150)]
    [InlineData(24, 200)]
    [InlineData(60, 500)]
    public void Carbon_monoxide_is_read_in_milligrams_per_cubic_metre(int milligrams, int expected)
    {
        Assert.Equal(expected, AirQuality.Individual("CO", milligrams, "mg/m³"));
        Assert.Equal(expected, AirQuality.Individual("CO", milligrams * 1000, "μg/m³"));
    }

    [Theory]
    [InlineData("PM2.5", "38", 54)] // 50 + (38-35)·50/40 = 53.75, rounded up
    [InlineData("PM2.5", "35.1", 51)] // 50.125 rounds up, never down to 50
    [InlineData("PM2.5", "55", 75)] // exactly half-way, no rounding needed
    [InlineData("PM10", "62", 56)] // 50 + 12·50/100
    [InlineData("NO2", "60", 75)]
    [InlineData("SO2", "100", 75)]
    [InlineData("O3", "130", 75)]
    [InlineData("PM2.5", "200", 250)] // 200 + 50·100/100
    [InlineData("PM2.5", "0.4", 1)]
    public void Between_breakpoints_the_index_is_interpolated_linearly_and_rounded_up(string pollutant, string value, int expected)
    {
        Assert.Equal(expected, AirQuality.Individual(pollutant, value, "μg/m³"));
    }

    [Fact]
    public void Carbon_monoxide_between_breakpoints_and_a_pollutant_given_in_milligrams_are_converted()
    {
        Assert.Equal(75, AirQuality.Individual("CO", 3m, "mg/m³"));
        Assert.Equal(125, AirQuality.Individual("CO", 9m, "mg/m³"));
        Assert.Equal(54, AirQuality.Individual("PM2.5", 0.038m, "mg/m³"));
    }

    [Fact]
    public void Hourly_values_use_the_one_hour_rows_and_particles_keep_their_daily_row()
    {
        Assert.Equal(50, AirQuality.Individual("O3", 160m, "μg/m³", AveragingPeriod.Hour));
        Assert.Equal(100, AirQuality.Individual("O3", 200m, "μg/m³", AveragingPeriod.Hour));
        Assert.Equal(500, AirQuality.Individual("O3", 1200m, "μg/m³", AveragingPeriod.Hour));
        Assert.Equal(50, AirQuality.Individual("NO2", 100m, "μg/m³", AveragingPeriod.Hour));
        Assert.Equal(50, AirQuality.Individual("CO", 5m, "mg/m³", AveragingPeriod.Hour));
        Assert.Equal(200, AirQuality.Individual("SO2", 800m, "μg/m³", AveragingPeriod.Hour));
        Assert.Equal(54, AirQuality.Individual("PM2.5", 38m, "μg/m³", AveragingPeriod.Hour));
    }

    [Fact]
    public void Where_the_standard_hands_over_to_the_other_period_a_single_reading_gets_no_index()
    {
        Assert.Null(AirQuality.Individual("O3", 801m, "μg/m³"));
        Assert.Null(AirQuality.Individual("SO2", 801m, "μg/m³", AveragingPeriod.Hour));
    }

    [Fact]
    public void Above_the_last_breakpoint_the_index_stays_500()
    {
        Assert.Equal(500, AirQuality.Individual("PM2.5", 720m, "μg/m³"));
        Assert.Equal(500, AirQuality.Individual("CO", 61m, "mg/m³"));
    }

    [Fact]
    public void Other_kinds_units_negative_and_unreadable_values_have_no_index()
    {
        Assert.Null(AirQuality.Individual("COD", 12m, "mg/L"));
        Assert.Null(AirQuality.Individual("噪声", 55m, "dB(A)"));
        Assert.Null(AirQuality.Individual("PM2.5", 38m, "mg/L"));
        Assert.Null(AirQuality.Individual("PM2.5", -1m, "μg/m³"));
        Assert.Null(AirQuality.Individual("PM2.5", "abc", "μg/m³"));
        Assert.Null(AirQuality.Individual("PM2.5", null, "μg/m³"));
    }

    [Theory]
    [InlineData(0, "一级", "优")]
    [InlineData(50, "一级", "优")]
    [InlineData(51, "二级", "良")]
    [InlineData(100, "二级", "良")]
    [InlineData(101, "三级", "轻度污染")]
    [InlineData(150, "三级", "轻度污染")]
    [InlineData(151, "四级", "中度污染")]
    [InlineData(200, "四级", "中度污染")]
    [InlineData(201, "五级", "重度污染")]
    [InlineData(300, "五级", "重度污染")]
    [InlineData(301, "六级", "严重污染")]
    [InlineData(500, "六级", "严重污染")]
    public void The_AQI_falls_into_the_levels_of_table_2(int aqi, string level, string category)
    {
        Assert.Equal(level, AirQuality.LevelOf(aqi).Level);
        Assert.Equal(category, AirQuality.LevelOf(aqi).Category);
    }

    [Fact]
    public void The_AQI_is_the_largest_individual_index_and_names_the_primary_pollutant_only_above_50()
    {
        var day = AirQuality.Combine([("PM2.5", 54), ("PM10", 56), ("NO2", 35), ("O3", 48)])!;
        Assert.Equal(56, day.Aqi);
        Assert.Equal("良", day.Level.Category);
        Assert.Equal(["PM10"], day.PrimaryPollutants);
        Assert.Empty(day.ExceedingPollutants);

        var clean = AirQuality.Combine([("PM2.5", 50), ("O3", 30)])!;
        Assert.Equal(50, clean.Aqi);
        Assert.Empty(clean.PrimaryPollutants);
        Assert.Equal("—", clean.PrimaryText);

        var polluted = AirQuality.Combine([("PM2.5", 160), ("O3", 160), ("PM10", 120), ("NO2", 40)])!;
        Assert.Equal(["O3", "PM2.5"], polluted.PrimaryPollutants); // a tie names both, in the standard's order
        Assert.Equal(["PM10", "O3", "PM2.5"], polluted.ExceedingPollutants);
        Assert.Equal("中度污染", polluted.Level.Category);
        Assert.Null(AirQuality.Combine([]));
    }

    [Fact]
    public void An_environment_dataset_gets_each_readings_index_and_its_site_days_AQI()
    {
        var readings = new[]
        {
            Reading("市监测站", "2026-12-01", "PM2.5", "38", "μg/m³"),
            Reading("市监测站", "2026-12-01", "PM10", "62", "μg/m³"),
            Reading("市监测站", "2026-12-02", "PM2.5", "80", "μg/m³"),
            Reading("三水厂", "2026-12-01", "COD", "12", "mg/L"),
        };
        var columns = new AirQualityColumns();
        foreach (var reading in readings)
        {
            columns.Add(reading);
        }

        var first = columns.ValuesFor(readings[0]);
        Assert.Equal("54", first[AirQualityColumns.IndividualKey]);
        Assert.Equal("56", first[AirQualityColumns.IndexKey]);
        Assert.Equal("二级", first[AirQualityColumns.LevelKey]);
        Assert.Equal("良", first[AirQualityColumns.CategoryKey]);
        Assert.Equal("PM10", first[AirQualityColumns.PrimaryKey]);
        Assert.Equal("107", columns.ValuesFor(readings[2])[AirQualityColumns.IndexKey]); // another day stands alone
        Assert.Equal("轻度污染", columns.ValuesFor(readings[2])[AirQualityColumns.CategoryKey]);
        Assert.Empty(columns.ValuesFor(readings[3]));
        Assert.True(AirQualityColumns.AppliesTo(ShippedRecordTypes.All.Single(s => s.Key == ShippedRecordTypes.EnvironmentReading)));
        Assert.False(AirQualityColumns.AppliesTo(ShippedRecordTypes.All.Single(s => s.Key == ShippedRecordTypes.AdministrativePenalty)));
    }

    private static Dictionary<string, string> Reading(string site, string day, string pollutant, string value, string unit) => new()
    {
        ["site"] = site,
        ["measuredOn"] = day,
        ["pollutant"] = pollutant,
        ["value"] = value,
        ["unit"] = unit,
    };
}
