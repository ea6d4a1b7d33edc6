using Gongkai.Oversight.Rules;
using Gongkai.Platform.Time;

namespace Gongkai.UnitTests.Oversight;

public sealed class AvailabilityRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    /// <summary><paramref name="perDay"/> probes on each of the seven days before today, the first
    /// <paramref name="failedPerDay"/> of each day failed.</summary>
    private static List<ProbeFacts> Week(int perDay, int failedPerDay, int milliseconds = 300)
    {
        var probes = new List<ProbeFacts>();
        for (var day = 1; day <= 7; day++)
        {
            var date = Today.AddDays(-day);
            for (var i = 0; i < perDay; i++)
            {
                var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(0, 10)), TimeSpan.FromHours(8)).AddMinutes(30 * i);
                probes.Add(new ProbeFacts(at, i >= failedPerDay, milliseconds));
            }
        }

        return probes;
    }

    [Fact]
    public void A_probe_fails_when_it_did_not_load_or_took_longer_than_fifteen_seconds()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.False(AvailabilityRule.Failed(new ProbeFacts(at, true, 15_000)));
        Assert.True(AvailabilityRule.Failed(new ProbeFacts(at, true, 15_001)));
        Assert.True(AvailabilityRule.Failed(new ProbeFacts(at, false, 20)));
    }

    [Fact]
    public void Five_percent_failed_over_a_measured_week_is_a_veto_and_just_below_is_not()
    {
        // 20 a day, 1 failed a day: 7 of 140 = 5 % → veto.
        var veto = AvailabilityRule.WeekVeto(Week(20, 1), Today, ChinaTime.DateOf, out var measured);
        Assert.True(measured);
        Assert.NotNull(veto);
        Assert.Equal("unreachable", veto.Rule);
        Assert.Equal("近7天（2026-11-26 至 2026-12-02）探测 140 次，7 次未能在 15 秒内打开（5.00%，≥ 5% 即单项否决）", veto.Detail);

        // 21 a day, 1 failed a day: 7 of 147 = 4.76 % → passes.
        Assert.Null(AvailabilityRule.WeekVeto(Week(21, 1), Today, ChinaTime.DateOf, out measured));
        Assert.True(measured);
    }

    [Fact]
    public void Slow_pages_count_as_failed()
    {
        Assert.NotNull(AvailabilityRule.WeekVeto(Week(20, 0, milliseconds: 16_000), Today, ChinaTime.DateOf, out _));
    }

    [Fact]
    public void A_week_with_a_day_under_twenty_probes_is_not_measured_and_gives_no_veto()
    {
        var probes = Week(20, 20);
        probes.RemoveAt(0);
        Assert.Null(AvailabilityRule.WeekVeto(probes, Today, ChinaTime.DateOf, out var measured));
        Assert.False(measured);
    }

    [Fact]
    public void The_month_counts_the_probes_of_its_china_days_only()
    {
        // 23:30 UTC on 30 November is 07:30 on 1 December in China: December's.
        var probes = new List<ProbeFacts>
        {
            new(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero), true, 100),
            new(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero), false, 100),
            new(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), true, 100),
            new(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero), false, 100),
        };
        var month = AvailabilityRule.Month(probes, Today, ChinaTime.DateOf);
        Assert.Equal((3, 1, 66.67m), (month.Probes, month.Failed, month.Percent));
        Assert.Null(AvailabilityRule.Month([], Today, ChinaTime.DateOf).Percent);
    }
}
