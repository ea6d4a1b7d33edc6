using Gongkai.Channels.Rules;
using Gongkai.Platform.Outcomes;

namespace Gongkai.UnitTests.Channels;

/// <summary>Followers and activity before they reach the inspection indicators: the console's form and the platform
/// tool's report through the API.</summary>
public sealed class AccountActivityRulesTests
{
    // 2026-12-03 20:00 in Beijing: 12:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static AccountStatsReport Report(int? followers = 12000, DateTimeOffset? lastPostAt = null, int? unanswered = 0, DateTimeOffset? oldest = null) =>
        new(followers, lastPostAt ?? Now.AddDays(-2), unanswered, oldest);

    private static IReadOnlyDictionary<string, string[]> Errors(Outcome<CheckedActivity> outcome)
    {
        Assert.False(outcome.Succeeded);
        Assert.Equal(RefusalKind.Invalid, outcome.Refusal!.Kind);
        return outcome.Refusal.Errors;
    }

    [Fact]
    public void A_report_is_stored_as_China_dates_so_a_post_late_in_the_UTC_evening_counts_on_the_next_Beijing_day()
    {
        // 2026-11-19 17:30 UTC is 2026-11-20 01:30 in Beijing: 13 days before today, inside the 2-week window.
        var stored = AccountActivityRules.CheckReport(Report(lastPostAt: new DateTimeOffset(2026, 11, 19, 17, 30, 0, TimeSpan.Zero), unanswered: 2,
            oldest: new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8))), Now);
        Assert.True(stored.Succeeded);
        Assert.Equal(new CheckedActivity(12000, new DateOnly(2026, 11, 20), 2, new DateOnly(2026, 12, 1)), stored.Value);
        Assert.True(AccountIndicators.Assess(new AccountActivity(AccountStatus.Active, stored.Value.LastPostOn, 2, stored.Value.OldestUnansweredOn), Today).Healthy);
    }

    [Fact]
    public void Every_figure_must_be_reported_so_a_missing_field_never_reads_as_never_updated_or_nothing_waiting()
    {
        var errors = Errors(AccountActivityRules.CheckReport(new AccountStatsReport(null, null, null, null), Now));
        Assert.Equal(["followers", "lastPostAt", "unansweredInteractions"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("请报送关注人数（followers）。", errors["followers"][0]);
        Assert.Equal("运行数据报送有误。", AccountActivityRules.CheckReport(new AccountStatsReport(null, null, null, null), Now).Refusal!.Message);
    }

    [Fact]
    public void Unanswered_interaction_needs_the_time_of_the_oldest_and_none_waiting_forgets_it()
    {
        Assert.Equal(["oldestUnansweredAt"], Errors(AccountActivityRules.CheckReport(Report(unanswered: 3), Now)).Keys);
        var none = AccountActivityRules.CheckReport(Report(unanswered: 0, oldest: Now.AddDays(-40)), Now);
        Assert.True(none.Succeeded);
        Assert.Null(none.Value.OldestUnansweredOn);
    }

    [Fact]
    public void Negative_counts_are_refused_beside_their_fields()
    {
        var errors = Errors(AccountActivityRules.CheckReport(Report(followers: -1, unanswered: -2), Now));
        Assert.Equal("关注人数不能为负数。", errors["followers"][0]);
        Assert.Equal("未回应的留言数不能为负数。", errors["unansweredInteractions"][0]);
    }

    [Fact]
    public void A_time_in_the_future_is_refused_beyond_five_minutes_of_clock_skew_and_taken_as_now_within_it()
    {
        Assert.Equal("最近一次发布的时间不能晚于当前时间。", Errors(AccountActivityRules.CheckReport(Report(lastPostAt: Now.AddMinutes(6)), Now))["lastPostAt"][0]);
        Assert.Contains("oldestUnansweredAt", Errors(AccountActivityRules.CheckReport(Report(unanswered: 1, oldest: Now.AddHours(1)), Now)).Keys);

        // 15:58 UTC is 23:58 in Beijing; four minutes ahead would be tomorrow's date there, but is within the skew.
        var nearMidnight = new DateTimeOffset(2026, 12, 3, 15, 58, 0, TimeSpan.Zero);
        var skewed = AccountActivityRules.CheckReport(Report(lastPostAt: nearMidnight.AddMinutes(4)), nearMidnight);
        Assert.True(skewed.Succeeded);
        Assert.Equal(Today, skewed.Value.LastPostOn);
    }

    [Fact]
    public void A_date_before_2000_is_refused_as_a_clock_or_typing_error()
    {
        Assert.Equal("最近一次更新的日期早于 2000 年，请核对。",
            Errors(AccountActivityRules.CheckReport(Report(lastPostAt: new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero)), Now))["lastPostAt"][0]);
        Assert.Contains("oldestUnansweredAt",
            Errors(AccountActivityRules.CheckReport(Report(unanswered: 1, oldest: DateTimeOffset.MinValue), Now)).Keys);
    }

    [Fact]
    public void The_console_form_keeps_every_figure_optional_and_names_its_own_fields()
    {
        var blank = AccountActivityRules.Check(null, null, 0, null, Today);
        Assert.True(blank.Succeeded);
        Assert.Equal(new CheckedActivity(null, null, 0, null), blank.Value);
        Assert.True(AccountActivityRules.Check(5, Today, 1, null, Today).Succeeded);

        var errors = Errors(AccountActivityRules.Check(-5, Today.AddDays(1), 2, Today.AddDays(3), Today));
        Assert.Equal(["Followers", "LastPostOn", "OldestUnansweredOn"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("最近一次更新的日期不能晚于今天。", errors["LastPostOn"][0]);
        Assert.Equal("运行情况填写有误。", AccountActivityRules.Check(-5, null, 0, null, Today).Refusal!.Message);
    }
}
