using Gongkai.Calendar;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;

namespace Gongkai.UnitTests.Participation;

public sealed class ConsultationRulesTests
{
    // 2024 National Day: 10-01..10-07 off, Sunday 09-29 and Saturday 10-12 adjusted working days.
    private static readonly WorkCalendar Calendar = new(
        [
            .. Enumerable.Range(1, 7).Select(d => new SpecialDay(new DateOnly(2024, 10, d), true, "国庆节")),
            new SpecialDay(new DateOnly(2024, 9, 29), false, "国庆节调休"),
            new SpecialDay(new DateOnly(2024, 10, 12), false, "国庆节调休"),
        ], [2024]);

    private static readonly DateOnly FridayBeforeNationalDay = new(2024, 9, 27);

    [Fact]
    public void A_normative_document_opened_before_National_Day_runs_seven_working_days_counting_the_adjusted_days_and_skipping_the_holiday()
    {
        // Counted from the day after opening: 9-29 (adjusted Sunday), 9-30, then 10-8 … 10-11 and Saturday 10-12.
        Assert.Equal(new DateOnly(2024, 10, 12), ConsultationRules.EarliestClose(ConsultationKind.NormativeDocument, FridayBeforeNationalDay, Calendar));

        var enough = ConsultationRules.CheckPeriod(ConsultationKind.NormativeDocument, FridayBeforeNationalDay, new DateOnly(2024, 10, 12), null, Calendar);
        Assert.True(enough.Succeeded);
        Assert.False(enough.Value!.Shortened);

        // Seven calendar-ish days that ignore the holiday would end on 10-4; even 10-11 is one working day short.
        var tooShort = ConsultationRules.CheckPeriod(ConsultationKind.NormativeDocument, FridayBeforeNationalDay, new DateOnly(2024, 10, 11), null, Calendar);
        Assert.Equal(RefusalKind.BlockedByRule, tooShort.Refusal!.Kind);
        Assert.Contains("不少于7个工作日", tooShort.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2024年10月12日", tooShort.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal("2024-10-12", tooShort.Refusal.Extensions["earliestClosesOn"]);
    }

    [Theory]
    [InlineData(ConsultationKind.Rule)]
    [InlineData(ConsultationKind.MajorDecision)]
    public void Rules_and_major_decisions_run_thirty_calendar_days_across_the_holiday_without_counting_the_opening_day(ConsultationKind kind)
    {
        // The holiday does not lengthen a period counted in days: 27 September + 30 days = 27 October.
        Assert.Equal(new DateOnly(2024, 10, 27), ConsultationRules.EarliestClose(kind, FridayBeforeNationalDay, Calendar));
        Assert.True(ConsultationRules.CheckPeriod(kind, FridayBeforeNationalDay, new DateOnly(2024, 10, 27), null, Calendar).Succeeded);

        var tooShort = ConsultationRules.CheckPeriod(kind, FridayBeforeNationalDay, new DateOnly(2024, 10, 26), null, Calendar);
        Assert.Equal(RefusalKind.BlockedByRule, tooShort.Refusal!.Kind);
        Assert.Contains("不少于30日", tooShort.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("开始当日不计入", tooShort.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2024年10月27日", tooShort.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shorter_period_is_allowed_with_a_reason_which_is_kept_for_the_public_page()
    {
        var shortened = ConsultationRules.CheckPeriod(ConsultationKind.Rule, FridayBeforeNationalDay, new DateOnly(2024, 10, 14), "  上级文件要求10月底前出台，时间紧迫  ", Calendar);

        Assert.True(shortened.Succeeded);
        Assert.True(shortened.Value!.Shortened);
        Assert.Equal("上级文件要求10月底前出台，时间紧迫", shortened.Value.ShortenedReason);
        Assert.Equal(new DateOnly(2024, 10, 27), shortened.Value.EarliestClose);
    }

    [Fact]
    public void A_reason_given_for_a_period_that_is_long_enough_is_not_shown_as_a_shortening()
    {
        var full = ConsultationRules.CheckPeriod(ConsultationKind.Rule, FridayBeforeNationalDay, new DateOnly(2024, 11, 30), "不需要的理由", Calendar);

        Assert.Null(full.Value!.ShortenedReason);
    }

    [Fact]
    public void Other_consultations_have_no_minimum_but_cannot_end_before_they_start()
    {
        Assert.True(ConsultationRules.CheckPeriod(ConsultationKind.Other, FridayBeforeNationalDay, FridayBeforeNationalDay, null, Calendar).Succeeded);
        Assert.Equal(RefusalKind.Invalid, ConsultationRules.CheckPeriod(ConsultationKind.Other, FridayBeforeNationalDay, FridayBeforeNationalDay.AddDays(-1), null, Calendar).Refusal!.Kind);
    }

    [Fact]
    public void A_working_day_period_reaching_a_year_without_a_holiday_schedule_is_refused_with_a_message_not_an_error()
    {
        var refusal = ConsultationRules.CheckPeriod(ConsultationKind.NormativeDocument, new DateOnly(2024, 12, 27), new DateOnly(2025, 1, 20), null, Calendar).Refusal!;

        Assert.Equal(RefusalKind.BlockedByRule, refusal.Kind);
        Assert.Contains("2025 年的节假日安排", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_follows_the_stage_and_the_China_date_open_through_the_whole_closing_day()
    {
        var opens = new DateOnly(2024, 9, 27);
        var closes = new DateOnly(2024, 10, 27);
        Assert.Equal(ConsultationStatus.Draft, ConsultationRules.StatusOn(ConsultationStage.Draft, opens, closes, opens));
        Assert.Equal(ConsultationStatus.Scheduled, ConsultationRules.StatusOn(ConsultationStage.Opened, opens, closes, opens.AddDays(-1)));
        Assert.Equal(ConsultationStatus.Open, ConsultationRules.StatusOn(ConsultationStage.Opened, opens, closes, opens));
        Assert.Equal(ConsultationStatus.Open, ConsultationRules.StatusOn(ConsultationStage.Opened, opens, closes, closes));
        Assert.Equal(ConsultationStatus.Closed, ConsultationRules.StatusOn(ConsultationStage.Opened, opens, closes, closes.AddDays(1)));
        Assert.Equal(ConsultationStatus.FeedbackPublished, ConsultationRules.StatusOn(ConsultationStage.FeedbackPublished, opens, closes, closes.AddDays(1)));
    }

    [Fact]
    public void Comments_are_taken_only_while_open_and_a_late_one_is_told_when_it_closed()
    {
        var opens = new DateOnly(2024, 9, 27);
        var closes = new DateOnly(2024, 10, 27);
        Assert.True(ConsultationRules.MayComment(ConsultationStatus.Open, opens, closes).Succeeded);
        var late = ConsultationRules.MayComment(ConsultationStatus.Closed, opens, closes).Refusal!;
        Assert.Equal(RefusalKind.Conflict, late.Kind);
        Assert.Contains("已于 2024年10月27日 截止", late.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.Conflict, ConsultationRules.MayComment(ConsultationStatus.Scheduled, opens, closes).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, ConsultationRules.MayComment(ConsultationStatus.FeedbackPublished, opens, closes).Refusal!.Kind);
    }

    [Fact]
    public void A_letter_is_recorded_after_closing_when_it_arrived_within_the_period_but_not_after_the_feedback()
    {
        var opens = new DateOnly(2024, 9, 27);
        var closes = new DateOnly(2024, 10, 27);
        var today = new DateOnly(2024, 11, 2);
        Assert.True(ConsultationRules.MayRecordOffline(ConsultationStage.Opened, opens, closes, closes, today).Succeeded);
        Assert.Equal(RefusalKind.Invalid, ConsultationRules.MayRecordOffline(ConsultationStage.Opened, opens, closes, closes.AddDays(1), today).Refusal!.Kind);
        Assert.Equal(RefusalKind.Invalid, ConsultationRules.MayRecordOffline(ConsultationStage.Opened, opens, closes, opens.AddDays(-1), today).Refusal!.Kind);
        Assert.Equal(RefusalKind.Invalid, ConsultationRules.MayRecordOffline(ConsultationStage.Opened, opens, closes, opens.AddDays(2), opens.AddDays(1)).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, ConsultationRules.MayRecordOffline(ConsultationStage.FeedbackPublished, opens, closes, closes, today).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, ConsultationRules.MayRecordOffline(ConsultationStage.Draft, opens, closes, closes, today).Refusal!.Kind);
    }

    [Fact]
    public void Feedback_is_prepared_only_between_closing_and_publication()
    {
        var closes = new DateOnly(2024, 10, 27);
        Assert.True(ConsultationRules.MayPrepareFeedback(ConsultationStatus.Closed, closes).Succeeded);
        Assert.Contains("尚未结束", ConsultationRules.MayPrepareFeedback(ConsultationStatus.Open, closes).Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.Conflict, ConsultationRules.MayPrepareFeedback(ConsultationStatus.FeedbackPublished, closes).Refusal!.Kind);
        Assert.True(ConsultationRules.MayOpen(ConsultationStage.Draft).Succeeded);
        Assert.Equal(RefusalKind.Conflict, ConsultationRules.MayOpen(ConsultationStage.Opened).Refusal!.Kind);
    }

    [Theory]
    [InlineData("", "13800000000", "text", "请填写意见内容")]
    [InlineData("   ", "13800000000", "text", "请填写意见内容")]
    [InlineData("有意见", "", "contact", "请留下联系方式")]
    public void An_empty_comment_or_one_without_contact_is_refused_with_a_Chinese_message_for_its_field(string text, string contact, string field, string message)
    {
        var refusal = ConsultationRules.CheckComment(null, contact, text, null, null, 0).Refusal!;

        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.Contains(message, refusal.Errors[field][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_over_five_thousand_characters_is_refused_saying_how_long_it_is()
    {
        Assert.True(ConsultationRules.CheckComment(null, "x@example.com", new string('意', 5000), null, null, 0).Succeeded);
        var refusal = ConsultationRules.CheckComment(null, "x@example.com", new string('意', 5001), null, null, 0).Refusal!;

        Assert.Contains("不能超过 5000 字（现有 5001 字）", refusal.Errors["text"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>我反对")]
    [InlineData("建议<b>加粗</b>第三条")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public void Markup_is_kept_as_plain_text_and_noted(string text)
    {
        var comment = ConsultationRules.CheckComment(null, "13800000000", text, null, null, 0).Value!;

        Assert.True(comment.HadMarkup);
        Assert.Equal(text, comment.Text);
    }

    [Theory]
    [InlineData("第3条中“不少于1.5米”改为“不超过1.5米”")]
    [InlineData("收入 < 3000 元且 > 1000 元的家庭")]
    public void Ordinary_comparisons_are_not_mistaken_for_markup(string text) =>
        Assert.False(ConsultationRules.CheckComment(null, "13800000000", text, null, null, 0).Value!.HadMarkup);

    [Fact]
    public void An_alternative_is_chosen_by_number_or_name_and_an_unknown_one_is_refused()
    {
        Assert.Equal(2, ConsultationRules.CheckComment(null, "c", "支持", null, "方案二", 2).Value!.Option);
        Assert.Equal(1, ConsultationRules.CheckComment(null, "c", "支持", null, "1", 2).Value!.Option);
        Assert.Contains("方案一至二", ConsultationRules.CheckComment(null, "c", "支持", null, "方案三", 2).Refusal!.Errors["option"][0], StringComparison.Ordinal);
        Assert.Contains("没有备选方案", ConsultationRules.CheckComment(null, "c", "支持", null, "1", 0).Refusal!.Errors["option"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_with_every_comment_in_one_group_and_reasons_where_not_adopted_passes()
    {
        var plan = ConsultationRules.CheckFeedback("共收到3条意见。",
            [new FeedbackGroupDraft([1, 2], "adopted", null), new FeedbackGroupDraft([3], "not-adopted", "与上位法不一致")], [1, 2, 3]);

        Assert.True(plan.Succeeded);
        Assert.Equal([FeedbackDecision.Adopted, FeedbackDecision.NotAdopted], plan.Value!.Select(g => g.Decision));
    }

    [Theory]
    [InlineData("not-adopted")]
    [InlineData("partly-adopted")]
    public void A_group_not_fully_adopted_needs_a_reason_and_the_refusal_names_the_group(string decision)
    {
        var refusal = ConsultationRules.CheckFeedback("说明", [new FeedbackGroupDraft([1], "adopted", null), new FeedbackGroupDraft([2], decision, "  ")], [1, 2]).Refusal!;

        Assert.Equal(RefusalKind.BlockedByRule, refusal.Kind);
        Assert.Contains("第2组", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("须说明理由", refusal.Message, StringComparison.Ordinal);
        Assert.Equal([2], (List<int>)refusal.Extensions["groupsWithoutReason"]!);
    }

    [Fact]
    public void A_comment_without_a_group_or_in_two_groups_or_unknown_is_named()
    {
        var missing = ConsultationRules.CheckFeedback("说明", [new FeedbackGroupDraft([1], "adopted", null)], [1, 7]).Refusal!;
        Assert.Contains("意见 7 尚未归入任何一组", missing.Message, StringComparison.Ordinal);
        Assert.Equal([7L], (List<long>)missing.Extensions["ungroupedComments"]!);

        var twice = ConsultationRules.CheckFeedback("说明", [new FeedbackGroupDraft([1], "adopted", null), new FeedbackGroupDraft([1], "adopted", null)], [1]).Refusal!;
        Assert.Contains("同时在第1组和第2组", twice.Message, StringComparison.Ordinal);

        var stranger = ConsultationRules.CheckFeedback("说明", [new FeedbackGroupDraft([1, 99], "adopted", null)], [1]).Refusal!;
        Assert.Contains("意见 99 不是这项征集收到的意见", stranger.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_needs_a_summary_and_known_decisions()
    {
        var refusal = ConsultationRules.CheckFeedback(" ", [new FeedbackGroupDraft([1], "maybe", null)], [1]).Refusal!;

        Assert.Contains("总体说明", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("第1组的处理结果应为", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alternatives_are_named_in_Chinese_numerals()
    {
        Assert.Equal("方案一", ConsultationVocabulary.OptionName(1));
        Assert.Equal("方案十", ConsultationVocabulary.OptionName(10));
        Assert.Equal("方案十二", ConsultationVocabulary.OptionName(12));
        Assert.Equal("方案二十一", ConsultationVocabulary.OptionName(21));
    }
}
