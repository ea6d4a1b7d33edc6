using Gongkai.Calendar;
using Gongkai.Hotline.Rules;

namespace Gongkai.UnitTests.Hotline;

public sealed class TicketClockTests
{
    private static readonly WorkCalendar Calendar = HolidayYearFile.BuildCalendar(HolidayYearFile.LoadEmbedded());

    private static DateTimeOffset China(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static readonly TimeLimit General = TimeLimitTable.Default(Urgency.General);

    [Fact]
    public void The_written_down_defaults_hold()
    {
        Assert.Equal(new TimeLimit(2, 0, 1), TimeLimitTable.Default(Urgency.Urgent));
        Assert.Equal(new TimeLimit(null, 1, 5), TimeLimitTable.Default(Urgency.General));
        Assert.Equal(15, TimeLimitTable.Default(Urgency.Complex).ReplyWithinWorkingDays);
        Assert.Equal(1, TimeLimitTable.Default(Urgency.Consultation).ReplyWithinWorkingDays);
    }

    /// <summary>Dispatched on Wednesday 30 September 2026, the eve of 国庆节 (1–7 October off, Saturday 10 October a
    /// make-up working day): signing is due by the end of Thursday 8 October, the reply by the end of Tuesday 13 October
    /// (8, 9, 10 (Saturday, 调休上班), 12, 13).</summary>
    [Fact]
    public void A_dispatch_before_national_day_counts_past_the_holiday_and_counts_the_make_up_saturday()
    {
        var clock = TicketClock.Compute([new ClockEvent(TicketEventType.Dispatched, China(2026, 9, 30, 15))], General, Calendar);

        Assert.Equal(China(2026, 10, 9, 0), clock.SignDueAt);
        Assert.Equal(China(2026, 10, 14, 0), clock.ReplyDueAt);
        Assert.Contains(clock.Explanation, line => line.Contains("2026-10-01（星期四，国庆节放假，不计入）", StringComparison.Ordinal));
        Assert.Contains(clock.Explanation, line => line.Contains("到 2026-10-13 24时", StringComparison.Ordinal));
        Assert.True(clock.IsOverdue(China(2026, 10, 9, 0, 1)));
        Assert.False(clock.IsOverdue(China(2026, 10, 8, 23, 59)));
    }

    [Fact]
    public void An_urgent_ticket_must_be_signed_within_two_clock_hours_even_on_a_holiday()
    {
        var dispatched = China(2026, 10, 2, 22, 30);
        var clock = TicketClock.Compute([new ClockEvent(TicketEventType.Dispatched, dispatched)], TimeLimitTable.Default(Urgency.Urgent), Calendar);
        Assert.Equal(dispatched.AddHours(2), clock.SignDueAt);
        Assert.Equal(China(2026, 10, 9, 0), clock.ReplyDueAt); // one working day: Thursday 8 October

        var late = TicketClock.Compute([new ClockEvent(TicketEventType.Dispatched, dispatched), new ClockEvent(TicketEventType.SignedFor, dispatched.AddHours(3))],
            TimeLimitTable.Default(Urgency.Urgent), Calendar);
        Assert.False(late.SignedOnTime);
        Assert.Null(late.SignDueAt);
    }

    [Fact]
    public void A_return_voids_the_limits_and_the_redispatch_gives_the_new_body_its_full_period()
    {
        var clock = TicketClock.Compute(
        [
            new ClockEvent(TicketEventType.Dispatched, China(2026, 9, 28, 9)),
            new ClockEvent(TicketEventType.Returned, China(2026, 9, 28, 11)),
        ], General, Calendar);
        Assert.Null(clock.SignDueAt);
        Assert.Null(clock.ReplyDueAt);

        var again = TicketClock.Compute(
        [
            new ClockEvent(TicketEventType.Dispatched, China(2026, 9, 28, 9)),
            new ClockEvent(TicketEventType.Returned, China(2026, 9, 28, 11)),
            new ClockEvent(TicketEventType.Dispatched, China(2026, 9, 30, 10)),
        ], General, Calendar);
        Assert.Equal(China(2026, 10, 14, 0), again.ReplyDueAt);
    }

    [Fact]
    public void An_extension_adds_working_days_after_the_old_due_day_across_the_holiday()
    {
        // Dispatched Friday 25 September 2026 is itself 中秋节 (off); 5 working days: 28, 29, 30 Sep, 8, 9 Oct.
        var clock = TicketClock.Compute(
        [
            new ClockEvent(TicketEventType.Dispatched, China(2026, 9, 24, 16)),
            new ClockEvent(TicketEventType.SignedFor, China(2026, 9, 28, 9)),
            new ClockEvent(TicketEventType.ExtensionApproved, China(2026, 9, 30, 9), 2),
        ], General, Calendar);
        // Without the extension: 28, 29, 30 Sep, 8, 9 Oct → end of 9 October; +2 working days: 10 (Saturday, make-up), 12.
        Assert.True(clock.SignedOnTime);
        Assert.Equal(China(2026, 10, 13, 0), clock.ReplyDueAt);
        Assert.Contains(clock.Explanation, line => line.Contains("批准延期2个工作日", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_or_a_refused_extension_leaves_the_clock_only_the_approval_moves_it()
    {
        var events = new List<ClockEvent>
        {
            new(TicketEventType.Dispatched, China(2026, 9, 24, 16)),
            new(TicketEventType.SignedFor, China(2026, 9, 28, 9)),
            new(TicketEventType.ExtensionRequested, China(2026, 9, 29, 9), 2),
            new(TicketEventType.ExtensionRefused, China(2026, 9, 29, 15)),
            new(TicketEventType.ExtensionRequested, China(2026, 9, 30, 8), 2),
        };
        Assert.Equal(China(2026, 10, 10, 0), TicketClock.Compute(events, General, Calendar).ReplyDueAt);
        events.Add(new(TicketEventType.ExtensionApproved, China(2026, 9, 30, 9), 2));
        Assert.Equal(China(2026, 10, 13, 0), TicketClock.Compute(events, General, Calendar).ReplyDueAt);
    }

    [Fact]
    public void A_reply_is_judged_against_its_limit_and_a_reopening_starts_a_new_period()
    {
        var events = new List<ClockEvent>
        {
            new(TicketEventType.Dispatched, China(2026, 11, 2, 9)),
            new(TicketEventType.SignedFor, China(2026, 11, 2, 10)),
            new(TicketEventType.Replied, China(2026, 11, 10, 9)), // due end of 9 November
        };
        var replied = TicketClock.Compute(events, General, Calendar);
        Assert.False(replied.RepliedOnTime);
        Assert.Null(replied.ReplyDueAt);

        events.Add(new(TicketEventType.Reopened, China(2026, 11, 12, 9)));
        var reopened = TicketClock.Compute(events, General, Calendar);
        Assert.Equal(China(2026, 11, 20, 0), reopened.ReplyDueAt);
        Assert.Null(reopened.RepliedOnTime);
    }

    [Fact]
    public void Overrides_are_chosen_most_specific_first()
    {
        var table = new TimeLimitTable(
        [
            new TimeLimitOverride(null, Urgency.General, new TimeLimit(null, 1, 7)),
            new TimeLimitOverride("06", Urgency.General, new TimeLimit(null, 1, 3)),
            new TimeLimitOverride("0601", Urgency.Urgent, new TimeLimit(1, 0, 1)),
        ]);
        Assert.Equal(3, table.For(["0601", "06"], Urgency.General).Limit.ReplyWithinWorkingDays);
        Assert.Equal(7, table.For(["0101", "01"], Urgency.General).Limit.ReplyWithinWorkingDays);
        Assert.Equal(1, table.For(["0601", "06"], Urgency.Urgent).Limit.SignWithinHours);
        Assert.Equal(15, table.For(["0601", "06"], Urgency.Complex).Limit.ReplyWithinWorkingDays);
    }

    [Theory]
    [InlineData("0601", "night", null)]
    [InlineData("0601", "evening", "取值应为")]
    [InlineData("0203", "", "缺少必填属性")]
    public void Service_attributes_are_checked(string service, string value, string? error)
    {
        var answers = service == "0601" ? new Dictionary<string, string> { ["noise_period"] = value } : new Dictionary<string, string> { ["utility"] = value };
        var result = ServiceAttributes.Check(service, answers);
        if (error is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(error, result, StringComparison.Ordinal);
        }
    }
}
