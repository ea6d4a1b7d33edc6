using Gongkai.Calendar;
using Gongkai.Requests.Rules;

namespace Gongkai.UnitTests.Requests;

/// <summary>
/// Deadlines computed by hand from /work/shared/data/holidays/*.json, day by day, under the convention: the
/// day of an event is not counted; a stop from S to E counts up to and including S and resumes after E; a
/// correction received on R restarts the full period from R; an extension of N adds N working days.
/// </summary>
public sealed class RequestClockTests
{
    private static readonly WorkCalendar Calendar = HolidayYearFile.BuildCalendar(HolidayYearFile.LoadEmbedded());
    private static readonly RequestRuleSet Rules2007 = RequestRuleSets.Regulation2007;
    private static readonly RequestRuleSet Rules2019 = RequestRuleSets.Regulation2019;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static RequestEvent Received(DateOnly on) => new(RequestEventType.Received, on);

    private static RequestEvent Ev(RequestEventType type, DateOnly on, int? days = null) => new(type, on, days);

    private static ClockResult Compute(RequestRuleSet rules, params RequestEvent[] events) => RequestClock.Compute(events, rules, Calendar);

    [Fact]
    public void Spring_festival_2019_under_the_2007_regulation_counts_the_make_up_weekend_and_skips_the_holiday_week()
    {
        // Received Fri 2019-01-25, 15 working days. 26 Sat, 27 Sun off. 28 Mon(1) 29(2) 30(3) 31(4) Feb 1 Fri(5),
        // Sat 02-02 调休上班(6), Sun 02-03 调休上班(7), 02-04..02-10 春节 off, 11 Mon(8) 12(9) 13(10) 14(11) 15 Fri(12),
        // 16/17 weekend, 18 Mon(13) 19(14) 20 Wed(15) → due 2019-02-20.
        var result = Compute(Rules2007, Received(D(2019, 1, 25)));

        Assert.Equal(D(2019, 2, 20), result.DueOn);
        Assert.Equal(ClockState.Running, result.State);
        var saturday = result.Days.Single(d => d.Date == D(2019, 2, 2));
        Assert.Equal(6, saturday.WorkingDayNumber);
        Assert.Contains("春节调休上班", saturday.Reason, StringComparison.Ordinal);
        var holiday = result.Days.Single(d => d.Date == D(2019, 2, 5));
        Assert.False(holiday.Counted);
        Assert.Contains("春节放假", holiday.Reason, StringComparison.Ordinal);
        // Not counted after receipt: 01-26, 01-27, the seven holiday days 02-04..02-10, and 02-16, 02-17 = 11.
        Assert.Equal(11, result.NotCounted.Count(d => d.Date > D(2019, 1, 25)));
    }

    [Fact]
    public void National_day_2018_under_the_2007_regulation_matches_the_worked_example()
    {
        // Fri 2018-09-28; Sat 29 and Sun 30 are 调休上班 (1, 2); 10-01..10-07 off; 8(3) 9(4) 10(5) 11(6) 12(7),
        // 15(8)..19(12), 22(13) 23(14) 24(15) → 2018-10-24.
        Assert.Equal(D(2018, 10, 24), Compute(Rules2007, Received(D(2018, 9, 28))).DueOn);
    }

    [Fact]
    public void National_day_2019_under_the_2019_regulation_matches_the_worked_example()
    {
        Assert.Equal(D(2019, 10, 30), Compute(Rules2019, Received(D(2019, 9, 27))).DueOn);
    }

    [Fact]
    public void National_day_2024_under_the_2019_regulation_counts_both_make_up_days()
    {
        // Fri 2024-09-27; Sat 28 off; Sun 29 调休上班(1); Mon 30(2); 10-01..10-07 off; 8(3) 9(4) 10(5) 11(6);
        // Sat 10-12 调休上班(7); 14(8)..18(12); 21(13)..25(17); 28(18) 29(19) 30 Wed(20) → 2024-10-30.
        var result = Compute(Rules2019, Received(D(2024, 9, 27)));

        Assert.Equal(D(2024, 10, 30), result.DueOn);
        Assert.Equal(1, result.Days.Single(d => d.Date == D(2024, 9, 29)).WorkingDayNumber);
        Assert.Equal(7, result.Days.Single(d => d.Date == D(2024, 10, 12)).WorkingDayNumber);
        Assert.Contains("收到申请之日，不计入", result.Days[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_consultation_over_spring_festival_2024_counts_its_first_day_and_resumes_the_day_after_it_ends()
    {
        // Received Tue 2024-01-30. 31(1) Feb 1(2) Feb 2(3), Sat 02-03 off, Sun 02-04 调休上班(4) — the consultation
        // starts that day, so it is still counted. Feb 5..19 are not counted (including Sun 02-18, a make-up
        // working day); the consultation ends Mon 02-19, which is not counted either. Then 20(5) 21(6) 22(7) 23(8),
        // 26(9)..Mar 1(13), 4(14)..8(18), 11(19), Tue 12(20) → 2024-03-12.
        var result = Compute(
            Rules2019,
            Received(D(2024, 1, 30)),
            Ev(RequestEventType.ConsultationStarted, D(2024, 2, 4)),
            Ev(RequestEventType.ConsultationEnded, D(2024, 2, 19)));

        Assert.Equal(D(2024, 3, 12), result.DueOn);
        Assert.Equal(4, result.Days.Single(d => d.Date == D(2024, 2, 4)).WorkingDayNumber);
        var makeUpDuringConsultation = result.Days.Single(d => d.Date == D(2024, 2, 18));
        Assert.False(makeUpDuringConsultation.Counted);
        Assert.Contains("征求意见期间", makeUpDuringConsultation.Reason, StringComparison.Ordinal);
        Assert.False(result.Days.Single(d => d.Date == D(2024, 2, 19)).Counted);
        Assert.Equal(5, result.Days.Single(d => d.Date == D(2024, 2, 20)).WorkingDayNumber);
    }

    [Fact]
    public void An_open_consultation_stops_the_clock_and_names_the_day_the_consulted_party_must_answer_by()
    {
        // Started Sun 2024-02-04 (a make-up day); 15 working days: Feb 5..9 (5), 02-10..02-17 off, Sun 02-18 (6),
        // 19(7) 20(8) 21(9) 22(10) 23(11), 26(12) 27(13) 28(14) Thu 29(15) → answer due 2024-02-29.
        var result = Compute(Rules2019, Received(D(2024, 1, 30)), Ev(RequestEventType.ConsultationStarted, D(2024, 2, 4)));

        Assert.Null(result.DueOn);
        Assert.Equal(ClockState.Stopped, result.State);
        Assert.Equal(D(2024, 2, 29), result.ResumesBy);
    }

    [Fact]
    public void A_consultation_nobody_answered_ends_by_silence_once_its_time_has_passed()
    {
        // As above, but on 2024-03-05 nobody has recorded an answer: the consultation ended on 02-29 (not counted),
        // counting resumes Fri 03-01(5), 4(6)..8(10), 11(11)..15(15), 18(16)..21 Thu(19), Fri 22(20) → 2024-03-22.
        var result = RequestClock.Compute(
            [Received(D(2024, 1, 30)), Ev(RequestEventType.ConsultationStarted, D(2024, 2, 4))],
            Rules2019,
            Calendar,
            today: D(2024, 3, 5));

        Assert.Equal(D(2024, 3, 22), result.DueOn);
        Assert.Equal(ClockState.Running, result.State);
    }

    [Fact]
    public void A_correction_received_before_national_day_2025_restarts_the_full_period_and_an_extension_adds_twenty_days()
    {
        // Received Mon 2025-09-22; correction asked Wed 09-24 (within 7 working days: due by Tue 09-30, counting
        // Sun 09-28 调休上班). Correction received Tue 09-30: the period restarts from there. 10-01..10-08 off,
        // Thu 9(1) Fri 10(2) Sat 10-11 调休上班(3), 13(4)..17(8), 20(9)..24(13), 27(14)..31(18), Nov 3(19), Tue 4(20)
        // → 2025-11-04. An extension of 20 approved Fri 10-31 continues: 5(21) 6(22) 7(23), 10(24)..14(28),
        // 17(29)..21(33), 24(34)..28(38), Dec 1(39), Tue 2(40) → 2025-12-02.
        var withoutExtension = Compute(
            Rules2019,
            Received(D(2025, 9, 22)),
            Ev(RequestEventType.CorrectionRequested, D(2025, 9, 24)),
            Ev(RequestEventType.CorrectionReceived, D(2025, 9, 30)));
        Assert.Equal(D(2025, 11, 4), withoutExtension.DueOn);
        Assert.Equal(D(2025, 9, 30), withoutExtension.CorrectionRequestDueBy);
        Assert.Empty(withoutExtension.Warnings);
        Assert.Contains("收到补正之日", withoutExtension.Days.Single(d => d.Date == D(2025, 9, 30)).Reason, StringComparison.Ordinal);
        Assert.Equal(3, withoutExtension.Days.Single(d => d.Date == D(2025, 10, 11)).WorkingDayNumber);

        var extended = Compute(
            Rules2019,
            Received(D(2025, 9, 22)),
            Ev(RequestEventType.CorrectionRequested, D(2025, 9, 24)),
            Ev(RequestEventType.CorrectionReceived, D(2025, 9, 30)),
            Ev(RequestEventType.ExtensionApproved, D(2025, 10, 31), 20));
        Assert.Equal(D(2025, 12, 2), extended.DueOn);
        Assert.Equal(40, extended.PeriodWorkingDays);
    }

    [Fact]
    public void Waiting_for_a_correction_stops_the_clock()
    {
        var result = Compute(Rules2019, Received(D(2025, 9, 22)), Ev(RequestEventType.CorrectionRequested, D(2025, 9, 24)));

        Assert.Null(result.DueOn);
        Assert.Equal(ClockState.Stopped, result.State);
        Assert.Contains("补正", result.StateDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_asked_for_after_seven_working_days_is_flagged_but_accepted()
    {
        // Received Mon 2025-09-22; the 7th working day after it is Tue 09-30; asking on Thu 10-09 is late.
        var result = Compute(Rules2019, Received(D(2025, 9, 22)), Ev(RequestEventType.CorrectionRequested, D(2025, 10, 9)));

        Assert.Single(result.Warnings);
        Assert.Contains("晚于收到申请后7个工作日", result.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_2007_regulation_sets_no_period_for_asking_a_correction()
    {
        var result = Compute(Rules2007, Received(D(2018, 9, 28)), Ev(RequestEventType.CorrectionRequested, D(2018, 10, 19)));

        Assert.Empty(result.Warnings);
        Assert.Null(result.CorrectionRequestDueBy);
    }

    [Fact]
    public void Spring_festival_2018_under_the_2007_regulation_with_the_full_extension_approved_on_the_due_day()
    {
        // Received Fri 2018-02-09. Sun 02-11 调休上班(1), 12(2) 13(3) Wed 14(4), 02-15..02-21 off, Thu 22(5) Fri 23(6),
        // Sat 02-24 调休上班(7), 26(8) 27(9) 28(10) Mar 1(11) 2(12), 5(13) 6(14) Wed 7(15) → 2018-03-07.
        // Extension of 15 approved that same day: 8(16) 9(17), 12(18)..16(22), 19(23)..23(27), 26(28) 27(29)
        // Wed 28(30) → 2018-03-28.
        Assert.Equal(D(2018, 3, 7), Compute(Rules2007, Received(D(2018, 2, 9))).DueOn);

        var extended = Compute(Rules2007, Received(D(2018, 2, 9)), Ev(RequestEventType.ExtensionApproved, D(2018, 3, 7), 15));
        Assert.Equal(D(2018, 3, 28), extended.DueOn);
    }

    [Fact]
    public void A_second_extension_beyond_the_cap_is_refused_naming_the_cap()
    {
        var error = Assert.Throws<RequestClockException>(() => Compute(
            Rules2007,
            Received(D(2018, 2, 9)),
            Ev(RequestEventType.ExtensionApproved, D(2018, 3, 1), 15),
            Ev(RequestEventType.ExtensionApproved, D(2018, 3, 5), 1)));
        Assert.Contains("已延长15个工作日", error.Message, StringComparison.Ordinal);
        Assert.Contains("15个工作日的上限", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_extensions_within_the_cap_add_up()
    {
        // 2024-09-27 under 2019 rules is due 10-30 (see above); 5 + 5 more: 31(21) Nov 1(22), 4(23)..8(27),
        // 11(28) 12(29) Wed 13(30) → 2024-11-13.
        var result = Compute(
            Rules2019,
            Received(D(2024, 9, 27)),
            Ev(RequestEventType.ExtensionApproved, D(2024, 10, 8), 5),
            Ev(RequestEventType.ExtensionApproved, D(2024, 10, 29), 5));
        Assert.Equal(D(2024, 11, 13), result.DueOn);
    }

    [Fact]
    public void An_extension_longer_than_the_2007_cap_is_refused_but_allowed_under_2019()
    {
        Assert.Throws<RequestClockException>(() => Compute(Rules2007, Received(D(2018, 9, 28)), Ev(RequestEventType.ExtensionApproved, D(2018, 10, 10), 16)));
        Assert.NotNull(Compute(Rules2019, Received(D(2019, 9, 27)), Ev(RequestEventType.ExtensionApproved, D(2019, 10, 10), 16)).DueOn);
    }

    [Fact]
    public void An_extension_after_the_deadline_has_passed_is_refused()
    {
        var error = Assert.Throws<RequestClockException>(() => Compute(
            Rules2019, Received(D(2024, 9, 27)), Ev(RequestEventType.ExtensionApproved, D(2024, 10, 31), 5)));
        Assert.Contains("2024-10-30届满", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_without_a_number_of_days_is_refused()
    {
        Assert.Throws<RequestClockException>(() => Compute(Rules2019, Received(D(2024, 9, 27)), Ev(RequestEventType.ExtensionApproved, D(2024, 10, 8))));
    }

    [Fact]
    public void A_fee_notice_stops_the_clock_until_payment_and_the_deadline_can_fall_on_a_make_up_saturday()
    {
        // Received Mon 2024-04-01. Notice Tue 04-02 (counted, 1). 04-03..04-12 not counted (清明 04-04..06 and the
        // make-up Sun 04-07 included); paid Fri 04-12 (not counted). 15(2)..19(6), 22(7)..26(11), Sun 04-28
        // 调休上班(12), 29(13) 30(14), 05-01..05-05 off, 6(15)..10(19), Sat 05-11 调休上班(20) → 2024-05-11.
        var result = Compute(
            Rules2019,
            Received(D(2024, 4, 1)),
            Ev(RequestEventType.FeeNoticeIssued, D(2024, 4, 2)),
            Ev(RequestEventType.FeePaid, D(2024, 4, 12)));

        Assert.Equal(D(2024, 5, 11), result.DueOn);
        Assert.False(result.Days.Single(d => d.Date == D(2024, 4, 7)).Counted);
        Assert.Contains("等待缴费", result.Days.Single(d => d.Date == D(2024, 4, 7)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_paying_within_twenty_working_days_abandons_the_request_but_not_earlier()
    {
        // Notice Tue 2024-04-02 + 20 working days: 3(1), 04-04..06 off, Sun 7(2), 8(3)..12(7), 15(8)..19(12),
        // 22(13)..26(17), Sun 28(18), 29(19), Tue 30(20) → pay by 2024-04-30.
        var early = Assert.Throws<RequestClockException>(() => Compute(
            Rules2019, Received(D(2024, 4, 1)), Ev(RequestEventType.FeeNoticeIssued, D(2024, 4, 2)), Ev(RequestEventType.FeeLapsed, D(2024, 4, 30))));
        Assert.Contains("2024-04-30", early.Message, StringComparison.Ordinal);

        var lapsed = Compute(Rules2019, Received(D(2024, 4, 1)), Ev(RequestEventType.FeeNoticeIssued, D(2024, 4, 2)), Ev(RequestEventType.FeeLapsed, D(2024, 5, 6)));
        Assert.Equal(ClockState.Abandoned, lapsed.State);
        Assert.Null(lapsed.DueOn);
    }

    [Fact]
    public void A_missed_correction_closes_the_request_as_abandoned()
    {
        var result = Compute(
            Rules2019,
            Received(D(2025, 9, 22)),
            Ev(RequestEventType.CorrectionRequested, D(2025, 9, 24)),
            Ev(RequestEventType.CorrectionLapsed, D(2025, 10, 20)));

        Assert.Equal(ClockState.Abandoned, result.State);
        Assert.Null(result.DueOn);
        Assert.Contains("逾期未补正", result.StateDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_keeps_the_running_deadline_so_lateness_can_be_judged()
    {
        var onTime = Compute(Rules2019, Received(D(2024, 9, 27)), Ev(RequestEventType.Replied, D(2024, 10, 30)));
        Assert.Equal(ClockState.Replied, onTime.State);
        Assert.Equal(D(2024, 10, 30), onTime.DueOn);
        Assert.True(onTime.AnsweredInTime);

        var late = Compute(Rules2019, Received(D(2024, 9, 27)), Ev(RequestEventType.Replied, D(2024, 10, 31)));
        Assert.False(late.AnsweredInTime);
    }

    [Fact]
    public void A_correction_received_before_it_was_requested_is_refused_with_both_dates()
    {
        var error = Assert.Throws<RequestClockException>(() => Compute(
            Rules2019,
            Received(D(2025, 9, 22)),
            Ev(RequestEventType.CorrectionReceived, D(2025, 9, 23)),
            Ev(RequestEventType.CorrectionRequested, D(2025, 9, 24))));
        Assert.Equal("收到补正的日期（2025-09-23）早于告知补正的日期（2025-09-24）。", error.Message);
    }

    [Fact]
    public void A_correction_received_without_any_request_is_refused()
    {
        var error = Assert.Throws<RequestClockException>(() => Compute(Rules2019, Received(D(2025, 9, 22)), Ev(RequestEventType.CorrectionReceived, D(2025, 9, 23))));
        Assert.Contains("尚未告知补正", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_dated_before_receipt_is_refused()
    {
        var error = Assert.Throws<RequestClockException>(() => Compute(Rules2019, Received(D(2025, 9, 22)), Ev(RequestEventType.Replied, D(2025, 9, 19))));
        Assert.Equal("作出答复的日期（2025-09-19）早于收到申请的日期（2025-09-22）。", error.Message);
    }

    [Fact]
    public void A_correction_may_be_asked_for_only_once()
    {
        var error = Assert.Throws<RequestClockException>(() => Compute(
            Rules2019,
            Received(D(2025, 9, 22)),
            Ev(RequestEventType.CorrectionRequested, D(2025, 9, 23)),
            Ev(RequestEventType.CorrectionReceived, D(2025, 9, 24)),
            Ev(RequestEventType.CorrectionRequested, D(2025, 9, 25))));
        Assert.Contains("只能告知一次", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_can_be_recorded_after_the_reply()
    {
        var error = Assert.Throws<RequestClockException>(() => Compute(
            Rules2019, Received(D(2025, 9, 22)), Ev(RequestEventType.Replied, D(2025, 9, 23)), Ev(RequestEventType.ConsultationStarted, D(2025, 9, 24))));
        Assert.Contains("已于2025-09-23作出答复", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_consultation_cannot_start_while_waiting_for_a_correction()
    {
        var error = Assert.Throws<RequestClockException>(() => Compute(
            Rules2019, Received(D(2025, 9, 22)), Ev(RequestEventType.CorrectionRequested, D(2025, 9, 23)), Ev(RequestEventType.ConsultationStarted, D(2025, 9, 24))));
        Assert.Contains("正在等待补正", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_consultation_end_without_a_start_is_refused()
    {
        Assert.Throws<RequestClockException>(() => Compute(Rules2019, Received(D(2025, 9, 22)), Ev(RequestEventType.ConsultationEnded, D(2025, 9, 24))));
    }

    [Fact]
    public void A_receipt_date_in_a_year_without_a_holiday_schedule_is_refused()
    {
        var error = Assert.Throws<RequestClockException>(() => Compute(Rules2007, Received(D(2016, 5, 3))));
        Assert.Contains("2016年尚未导入节假日安排", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_reaching_into_an_unloaded_year_waits_for_that_year_without_a_guessed_date()
    {
        var lastYear = Calendar.CoveredYears.Max();
        var result = Compute(Rules2019, Received(new DateOnly(lastYear, 12, 20)), Ev(RequestEventType.ExtensionApproved, new DateOnly(lastYear, 12, 22), 5));

        Assert.Null(result.DueOn);
        Assert.Equal(ClockState.Running, result.State);
        Assert.Equal(lastYear + 1, result.AwaitingCalendarYear);
        Assert.Equal(5, result.ExtensionWorkingDays);
        Assert.Contains($"{lastYear + 1}年节假日安排", result.StateDescription, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(lastYear, 12, 31), result.Days[^1].Date);
    }

    [Fact]
    public void A_gap_year_between_loaded_years_is_still_refused()
    {
        var gappy = new WorkCalendar([], [2024, 2026]);
        var error = Assert.Throws<RequestClockException>(() => RequestClock.Compute([Received(D(2024, 12, 20))], Rules2019, gappy));
        Assert.Contains("2025年的节假日安排", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_of_the_same_date_keep_the_order_they_were_given()
    {
        // Correction asked and received the same day (the applicant was at the counter): the period restarts from
        // that day. Received Fri 2024-09-27, both on Mon 09-30 → restart: 10-08(1)..., like receiving on 09-30.
        var sameDay = Compute(
            Rules2019,
            Received(D(2024, 9, 27)),
            Ev(RequestEventType.CorrectionRequested, D(2024, 9, 30)),
            Ev(RequestEventType.CorrectionReceived, D(2024, 9, 30)));
        Assert.Equal(Compute(Rules2019, Received(D(2024, 9, 30))).DueOn, sameDay.DueOn);
    }
}
