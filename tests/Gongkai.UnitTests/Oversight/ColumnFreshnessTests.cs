using Gongkai.Oversight.Rules;
using Gongkai.Platform.Time;

namespace Gongkai.UnitTests.Oversight;

public sealed class ColumnFreshnessTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static DateTimeOffset China(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static InspectionResult Inspect(params ColumnFacts[] columns) => ColumnFreshness.Inspect(columns, Today, ChinaTime.DateOf);

    [Theory]
    [InlineData("工作动态", "随时更新", ColumnKind.News)]
    [InlineData("要闻", "", ColumnKind.News)]
    [InlineData("通知公告", "随时更新", ColumnKind.NoticeOrPolicy)]
    [InlineData("规章和规范性文件", "随时更新", ColumnKind.NoticeOrPolicy)]
    [InlineData("政府信息公开年报", "每年更新", ColumnKind.Yearly)]
    [InlineData("机构职能", "随时更新", ColumnKind.Other)]
    public void Columns_are_kinded_by_their_name_and_update_frequency(string name, string frequency, ColumnKind kind) =>
        Assert.Equal(kind, ColumnFreshness.KindOf(name, frequency));

    [Fact]
    public void A_news_column_is_stale_from_the_fifteenth_day_and_warned_three_days_before()
    {
        // Last update 19 November (China): fresh through 3 December, stale from 4 December.
        var lastUpdate = China(2026, 11, 19);
        var reading = Inspect(new ColumnFacts(1, "工作动态", "随时更新", 3, lastUpdate)).Columns.Single();
        Assert.False(reading.Stale);
        Assert.True(reading.StaleSoon);
        Assert.Equal(new DateOnly(2026, 12, 4), reading.StaleOn);

        var older = Inspect(new ColumnFacts(1, "工作动态", "随时更新", 3, China(2026, 11, 18))).Columns.Single();
        Assert.True(older.Stale);
    }

    [Fact]
    public void The_China_date_of_the_last_update_counts_not_the_UTC_one()
    {
        // 00:30 on 20 November in China is still 19 November in UTC: the window runs from the China day.
        var justAfterMidnight = new DateTimeOffset(2026, 11, 19, 16, 30, 0, TimeSpan.Zero);
        var reading = Inspect(new ColumnFacts(1, "工作动态", "", 1, justAfterMidnight)).Columns.Single();
        Assert.Equal(new DateOnly(2026, 12, 5), reading.StaleOn);
        Assert.False(reading.Stale);
    }

    [Fact]
    public void A_notice_column_is_stale_after_six_months_and_an_other_column_never_is()
    {
        var result = Inspect(
            new ColumnFacts(1, "通知公告", "随时更新", 1, China(2026, 6, 2)),
            new ColumnFacts(2, "通知公告", "随时更新", 1, China(2026, 6, 3)),
            new ColumnFacts(3, "机构职能", "随时更新", 1, China(2018, 1, 1)));
        Assert.True(result.Columns[0].Stale);
        Assert.Equal(new DateOnly(2026, 12, 3), result.Columns[0].StaleOn);
        Assert.False(result.Columns[1].Stale);
        Assert.False(result.Columns[2].Stale);
        Assert.Null(result.Columns[2].StaleOn);
    }

    [Fact]
    public void Five_empty_columns_are_a_veto_four_are_not_and_the_score_deducts_per_column()
    {
        var four = Inspect(Enumerable.Range(1, 4).Select(i => new ColumnFacts(i, $"栏目{i}", "", 0, null)).ToArray());
        Assert.Empty(four.Vetoes);
        Assert.Equal(88, four.Score);
        Assert.True(four.Passes);

        var five = Inspect(Enumerable.Range(1, 5).Select(i => new ColumnFacts(i, $"栏目{i}", "", 0, null)).ToArray());
        var veto = Assert.Single(five.Vetoes);
        Assert.Equal("empty-columns", veto.Rule);
        Assert.Contains("空白栏目 5 个", veto.Detail, StringComparison.Ordinal);
        Assert.False(five.Passes);
    }

    [Fact]
    public void Five_stale_news_or_notice_columns_are_a_veto_and_ten_stale_of_any_kind_another()
    {
        var stale = Enumerable.Range(1, 5).Select(i => new ColumnFacts(i, "工作动态", "", 1, China(2026, 1, 1)))
            .Concat(Enumerable.Range(6, 5).Select(i => new ColumnFacts(i, "年报", "每年更新", 1, China(2024, 1, 1))))
            .ToArray();
        var result = Inspect(stale);
        Assert.Equal(10, result.StaleCount);
        Assert.Equal(["stale-news-and-notices", "stale-columns"], result.Vetoes.Select(v => v.Rule));
        Assert.Equal(80, result.Score);

        Assert.Single(Inspect(stale[..5]).Vetoes);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 99)]
    [InlineData(7, 93)]
    [InlineData(10, 90)]
    [InlineData(250, 90)]   // a site full of dead links loses ten points, not all of them: the cap
    public void Broken_links_cost_a_point_each_up_to_ten(int brokenLinks, int score)
    {
        var result = ColumnFreshness.Inspect([new ColumnFacts(1, "工作动态", "", 1, China(2026, 12, 1))], Today, ChinaTime.DateOf, brokenLinks);
        Assert.Equal(brokenLinks, result.BrokenLinks);
        Assert.Equal(score, result.Score);
    }
}
