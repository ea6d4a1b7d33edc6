using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;

namespace Gongkai.UnitTests.Participation;

public sealed class SurveyRulesTests
{
    private static readonly IReadOnlyList<CheckedQuestion> Questions =
    [
        new("您常去哪一家图书馆？", QuestionKind.SingleChoice, true, ["市图书馆", "区图书馆", "社区书屋"]),
        new("您希望增加哪些服务？", QuestionKind.MultipleChoice, false, ["延长开放时间", "线上资源", "亲子活动"]),
        new("总体评价", QuestionKind.Scale, false, SurveyRules.DefaultScale),
        new("其他建议", QuestionKind.Text, false, []),
    ];

    [Fact]
    public void Questions_are_checked_and_a_scale_without_labels_gets_five_steps()
    {
        var result = SurveyRules.CheckQuestions(
        [
            new QuestionDraft(" 您常去哪一家图书馆？ ", "single", true, "市图书馆\n区图书馆\n\n"),
            new QuestionDraft("总体评价", "scale", false, null),
            new QuestionDraft("其他建议", "text", false, ""),
        ]);

        Assert.True(result.Succeeded);
        var questions = result.Value!;
        Assert.Equal("您常去哪一家图书馆？", questions[0].Text);
        Assert.Equal(["市图书馆", "区图书馆"], questions[0].Options);
        Assert.Equal(5, questions[1].Options.Count);
        Assert.Empty(questions[2].Options);
    }

    [Fact]
    public void A_choice_question_needs_two_distinct_options_and_the_refusal_names_the_question()
    {
        var result = SurveyRules.CheckQuestions(
        [
            new QuestionDraft("好题目", "single", true, "甲\n乙"),
            new QuestionDraft("只有一个选项", "multiple", true, "甲"),
            new QuestionDraft("重复选项", "single", true, "甲\n甲"),
            new QuestionDraft("未知题型", "ranking", true, "甲\n乙"),
            new QuestionDraft("文字题带选项", "text", false, "甲"),
        ]);

        var refusal = result.Refusal!;
        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.False(refusal.Errors.ContainsKey("questions[0]"));
        Assert.Contains("第2题：选择题至少要有两个选项", refusal.Errors["questions[1]"][0], StringComparison.Ordinal);
        Assert.Contains("第3题：选项不能重复", refusal.Errors["questions[2]"][0], StringComparison.Ordinal);
        Assert.Contains("第4题：题型应为", refusal.Errors["questions[3]"][0], StringComparison.Ordinal);
        Assert.Contains("第5题：文字题没有选项", refusal.Errors["questions[4]"][0], StringComparison.Ordinal);
        Assert.Contains("请至少设置一个问题", SurveyRules.CheckQuestions([]).Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_response_is_accepted_with_choices_in_order_and_blank_optional_answers_left_out()
    {
        var result = SurveyRules.CheckAnswers(Questions, [new AnswerDraft(1, [2], null), new AnswerDraft(2, [3, 1], null), new AnswerDraft(4, null, "  多办讲座  ")]);

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Value!.Count);
        Assert.Equal([1, 3], result.Value[1].Choices);
        Assert.Equal("多办讲座", result.Value[2].Text);
    }

    [Fact]
    public void An_unknown_option_a_second_choice_on_a_single_question_and_a_missing_required_answer_are_refused_by_question()
    {
        var unknown = SurveyRules.CheckAnswers(Questions, [new AnswerDraft(1, [4], null)]).Refusal!;
        Assert.Contains("第1题没有第 4 个选项", unknown.Errors["q1"][0], StringComparison.Ordinal);

        var two = SurveyRules.CheckAnswers(Questions, [new AnswerDraft(1, [1, 2], null)]).Refusal!;
        Assert.Contains("第1题只能选一项", two.Errors["q1"][0], StringComparison.Ordinal);

        var missing = SurveyRules.CheckAnswers(Questions, [new AnswerDraft(2, [1], null)]).Refusal!;
        Assert.Contains("第1题为必答题", missing.Errors["q1"][0], StringComparison.Ordinal);

        var stray = SurveyRules.CheckAnswers(Questions, [new AnswerDraft(1, [1], null), new AnswerDraft(9, [1], null)]).Refusal!;
        Assert.Contains("问卷没有第9题", stray.Errors["q9"][0], StringComparison.Ordinal);

        var tooLong = SurveyRules.CheckAnswers(Questions, [new AnswerDraft(1, [1], null), new AnswerDraft(4, null, new string('长', SurveyRules.MaxTextAnswerLength + 1))]).Refusal!;
        Assert.Contains("不能超过 2000 字", tooLong.Errors["q4"][0], StringComparison.Ordinal);

        var scaleTwice = SurveyRules.CheckAnswers(Questions, [new AnswerDraft(1, [1], null), new AnswerDraft(3, [4, 5], null)]).Refusal!;
        Assert.Contains("第3题只能选一项", scaleTwice.Errors["q3"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_survey_is_open_from_its_first_day_through_its_last_and_answers_are_refused_outside()
    {
        var opens = new DateOnly(2026, 9, 28);
        var closes = new DateOnly(2026, 10, 9);
        Assert.Equal(SurveyStatus.Scheduled, SurveyRules.StatusOn(SurveyStage.Opened, opens, closes, opens.AddDays(-1)));
        Assert.Equal(SurveyStatus.Open, SurveyRules.StatusOn(SurveyStage.Opened, opens, closes, closes));
        Assert.Equal(SurveyStatus.Closed, SurveyRules.StatusOn(SurveyStage.Opened, opens, closes, closes.AddDays(1)));
        Assert.Equal(SurveyStatus.ResultsPublished, SurveyRules.StatusOn(SurveyStage.ResultsPublished, opens, closes, closes.AddDays(1)));

        var late = SurveyRules.MayAnswer(SurveyStatus.Closed, opens, closes).Refusal!;
        Assert.Equal(RefusalKind.Conflict, late.Kind);
        Assert.Contains("已于 2026年10月9日 截止", late.Message, StringComparison.Ordinal);
        Assert.NotNull(SurveyRules.MayPublishResults(SurveyStatus.Open, closes).Refusal);
        Assert.True(SurveyRules.MayPublishResults(SurveyStatus.Closed, closes).Succeeded);
        Assert.NotNull(SurveyRules.MayOpen(SurveyStage.Draft, closes, closes.AddDays(1)).Refusal);
    }

    [Fact]
    public void The_tally_counts_per_option_with_shares_of_those_who_answered_and_bars_scale_to_the_largest()
    {
        var tally = SurveyRules.Tally(3, [(1, 6), (3, 2), (1, 1), (7, 5)], 9);

        Assert.Equal([7, 0, 2], tally.Counts);
        Assert.Equal("77.8%", tally.Share(0));
        Assert.Equal("0%", tally.Share(1));
        Assert.Equal(440, SurveyRules.BarLength(7, tally.Max, 440));
        Assert.Equal(0, SurveyRules.BarLength(0, tally.Max, 440));
        Assert.Equal(1, SurveyRules.BarLength(1, 10_000, 440));
    }
}
