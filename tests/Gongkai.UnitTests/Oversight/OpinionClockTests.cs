using Gongkai.Oversight.Rules;
using Gongkai.Platform.Time;

namespace Gongkai.UnitTests.Oversight;

public sealed class OpinionClockTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public void A_major_emergency_found_late_in_the_evening_runs_its_5_hour_clock_past_midnight_and_its_24_hour_clock_to_the_next_evening()
    {
        var found = new DateTimeOffset(2026, 12, 3, 21, 30, 0, China);
        var due = OpinionClock.DeadlinesFor(OpinionSeverity.MajorEmergency, found);

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 2, 30, 0, China), due.FirstReleaseDueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 21, 30, 0, China), due.PressConferenceDueAt);
        Assert.Equal(due.PressConferenceDueAt, due.ResponseDueAt);
        // China dates: found on the 3rd, both clocks end on the 4th; in UTC the 5-hour clock still ends on the 3rd.
        Assert.Equal(new DateOnly(2026, 12, 4), ChinaTime.DateOf(due.FirstReleaseDueAt!.Value));
        Assert.Equal(new DateOnly(2026, 12, 3), DateOnly.FromDateTime(due.FirstReleaseDueAt.Value.UtcDateTime));
        Assert.Equal("2026-12-04 02:30", ChinaTime.FormatMinutes(due.FirstReleaseDueAt.Value));
        Assert.Equal(TimeSpan.Zero, due.FirstReleaseDueAt.Value.Offset);
    }

    [Fact]
    public void A_major_emergency_found_just_after_midnight_China_time_is_due_the_same_China_morning()
    {
        // 00:10 in China is 16:10 the previous day in UTC.
        var found = new DateTimeOffset(2026, 12, 3, 16, 10, 0, TimeSpan.Zero);
        var due = OpinionClock.DeadlinesFor(OpinionSeverity.MajorEmergency, found);
        Assert.Equal("2026-12-04 05:10", ChinaTime.FormatMinutes(due.FirstReleaseDueAt!.Value));
        Assert.Equal("2026-12-05 00:10", ChinaTime.FormatMinutes(due.PressConferenceDueAt!.Value));
    }

    [Theory]
    [InlineData("important")]
    [InlineData("general")]
    public void Other_opinion_has_only_the_48_hour_response_clock(string severity)
    {
        var found = new DateTimeOffset(2026, 12, 31, 23, 0, 0, China);
        var due = OpinionClock.DeadlinesFor(OpinionClock.ParseSeverity(severity)!.Value, found);
        Assert.Null(due.FirstReleaseDueAt);
        Assert.Null(due.PressConferenceDueAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 2, 23, 0, 0, China), due.ResponseDueAt);
    }

    [Fact]
    public void A_found_time_without_an_offset_is_China_time_and_one_with_an_offset_is_kept()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 21, 30, 0, China), OpinionClock.ParseFoundAt("2026-12-03T21:30"));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 21, 30, 0, China), OpinionClock.ParseFoundAt("2026-12-03 21:30:00"));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 30, 0, TimeSpan.Zero), OpinionClock.ParseFoundAt("2026-12-03T13:30:00Z"));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 30, 0, TimeSpan.Zero), OpinionClock.ParseFoundAt("2026-12-03T21:30:00+08:00"));
        Assert.Null(OpinionClock.ParseFoundAt("昨天晚上"));
    }

    [Fact]
    public void A_found_time_in_the_future_is_refused_beyond_a_small_clock_skew()
    {
        var now = new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero);
        var future = OpinionClock.CheckFoundAt("2026-12-03T21:10", now);   // 13:10 UTC
        Assert.False(future.Succeeded);
        Assert.Contains("晚于现在", future.Refusal.Message, StringComparison.Ordinal);
        Assert.True(future.Refusal.Errors.ContainsKey("foundAt"));

        Assert.True(OpinionClock.CheckFoundAt("2026-12-03T21:01", now).Succeeded);
        Assert.True(OpinionClock.CheckFoundAt("2026-12-03T20:00", now).Succeeded);
        Assert.False(OpinionClock.CheckFoundAt("", now).Succeeded);
        Assert.False(OpinionClock.CheckFoundAt("not a time", now).Succeeded);
    }

    [Fact]
    public void A_clock_is_due_soon_in_its_last_fifth_overdue_after_and_met_or_late_once_done()
    {
        var start = new DateTimeOffset(2026, 12, 3, 13, 30, 0, TimeSpan.Zero);
        var due = start.AddHours(5);
        Assert.Equal(ClockState.Running, OpinionClock.StateOf(start, due, null, start.AddHours(3.9)));
        Assert.Equal(ClockState.DueSoon, OpinionClock.StateOf(start, due, null, start.AddHours(4)));
        Assert.Equal(ClockState.Overdue, OpinionClock.StateOf(start, due, null, due.AddMinutes(1)));
        Assert.Equal(ClockState.Met, OpinionClock.StateOf(start, due, due, due.AddHours(9)));
        Assert.Equal(ClockState.MetLate, OpinionClock.StateOf(start, due, due.AddMinutes(1), due.AddHours(9)));
    }
}
