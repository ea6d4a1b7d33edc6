using Gongkai.OpenData.Rules;

namespace Gongkai.UnitTests.OpenData;

public sealed class ReadingChartTests
{
    [Theory]
    [InlineData("0", "1")]
    [InlineData("0.08", "0.1")]
    [InlineData("0.3", "0.5")]
    [InlineData("1", "1")]
    [InlineData("38", "50")]
    [InlineData("62", "100")]
    [InlineData("120", "200")]
    [InlineData("210", "250")]
    [InlineData("1000", "1000")]
    public void The_value_axis_ends_on_a_round_number_at_or_above_the_largest_value(string largest, string top)
    {
        Assert.Equal(decimal.Parse(top, System.Globalization.CultureInfo.InvariantCulture),
            ReadingChart.NiceCeiling(decimal.Parse(largest, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Points_are_placed_by_date_and_value_with_a_gap_for_a_missing_day()
    {
        var chart = ReadingChart.Plot([new(new DateOnly(2026, 12, 3), 25), new(new DateOnly(2026, 12, 1), 50), new(new DateOnly(2026, 12, 2), 0)], 560, 220);

        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)], chart.Points.Select(p => p.Day));
        Assert.Equal(ReadingChart.Left, chart.Points[0].X);
        Assert.Equal(560 - ReadingChart.Right, chart.Points[2].X);
        Assert.Equal(ReadingChart.Top, chart.Points[0].Y); // 50 is the top of a 0–50 axis
        Assert.Equal(chart.Baseline, chart.Points[1].Y);
        Assert.Equal(["0", "12.5", "25", "37.5", "50"], chart.Ticks.Select(t => t.Label));
        Assert.Equal(chart.Baseline, chart.Ticks[0].Y);

        var gap = ReadingChart.Plot([new(new DateOnly(2026, 12, 1), 1), new(new DateOnly(2026, 12, 2), 1), new(new DateOnly(2026, 12, 5), 1)], 560, 220);
        Assert.InRange((gap.Points[2].X - gap.Points[1].X) - (3 * (gap.Points[1].X - gap.Points[0].X)), -0.3, 0.3);
        var single = ReadingChart.Plot([new(new DateOnly(2026, 12, 1), 5)], 560, 220);
        Assert.Equal(ReadingChart.Left + ((560 - ReadingChart.Left - ReadingChart.Right) / 2), single.Points[0].X);
    }

    [Fact]
    public void Readings_group_into_one_series_per_site_and_pollutant_keeping_the_latest_days()
    {
        var readings = Enumerable.Range(1, 40).SelectMany(d => new[]
        {
            Reading("市监测站", new DateOnly(2026, 10, 1).AddDays(d), "PM2.5", d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Reading("市监测站", new DateOnly(2026, 10, 1).AddDays(d), "PM10", "60"),
            Reading("高新区自动站", new DateOnly(2026, 10, 1).AddDays(d), "PM2.5", "30"),
        }).Append(Reading("市监测站", new DateOnly(2026, 11, 1), "PM2.5", "bad")).ToList();

        var series = ReadingChart.Series(readings, ["PM2.5", "PM10"], days: 30);

        Assert.Equal([("市监测站", "PM2.5"), ("市监测站", "PM10"), ("高新区自动站", "PM2.5")], series.Select(s => (s.Site, s.Pollutant)));
        Assert.All(series, s => Assert.Equal(30, s.Points.Count));
        Assert.Equal(new DateOnly(2026, 10, 12), series[0].Points[0].Day);
        Assert.Equal(40m, series[0].Points[^1].Value);
    }

    private static Dictionary<string, string> Reading(string site, DateOnly day, string pollutant, string value) => new()
    {
        ["site"] = site,
        ["measuredOn"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["pollutant"] = pollutant,
        ["value"] = value,
        ["unit"] = "μg/m³",
    };
}
