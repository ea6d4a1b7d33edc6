using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;

namespace Gongkai.UnitTests.Participation;

public sealed class FairCompetitionRulesTests
{
    private static List<ItemAnswerDraft> AllNo() => FairCompetitionRules.Items.Select(i => new ItemAnswerDraft(i.Code, "no", null)).ToList();

    private static List<ItemAnswerDraft> With(string code, string answer, string? note) =>
        AllNo().Select(a => a.Code == code ? new ItemAnswerDraft(code, answer, note) : a).ToList();

    private static FairCompetitionReviewDraft Draft(IReadOnlyList<ItemAnswerDraft>? items, string? conclusion, string? kind = null, string? reason = null) =>
        new(items, conclusion, kind, reason, null);

    [Fact]
    public void The_checklist_holds_the_eighteen_standards_in_four_groups_of_the_State_Council_rules()
    {
        Assert.Equal(["市场准入和退出标准", "商品和要素自由流动标准", "影响生产经营成本标准", "影响生产经营行为标准"], FairCompetitionRules.Groups.Select(g => g.Name));
        Assert.Equal([5, 5, 4, 4], FairCompetitionRules.Groups.Select(g => g.Items.Count));
        Assert.Equal(18, FairCompetitionRules.Items.Count);
        Assert.Equal(18, FairCompetitionRules.Items.Select(i => i.Code).Distinct().Count());
        Assert.Contains(FairCompetitionRules.Items, i => i.Code == "2.3" && i.Text.Contains("招标投标", StringComparison.Ordinal));
        Assert.Contains(FairCompetitionRules.Items, i => i.Code == "4.3" && i.Text == "超越定价权限进行政府定价");
        Assert.Equal(7, FairCompetitionRules.Areas.Count);
    }

    [Fact]
    public void Every_item_answered_no_with_the_conclusion_compliant_is_a_complete_review()
    {
        var review = FairCompetitionRules.Check(Draft(AllNo(), "compliant"));

        Assert.True(review.Succeeded);
        Assert.Equal(ReviewConclusion.Compliant, review.Value!.Conclusion);
        Assert.Equal(FairCompetitionRules.Items.Select(i => i.Code), review.Value.Answers.Select(a => a.Code));
        Assert.All(review.Value.Answers, a => Assert.False(a.Yes));
    }

    [Fact]
    public void A_review_with_an_item_left_out_names_the_item_missing()
    {
        var items = AllNo().Where(a => a.Code != "3.2").ToList();

        var review = FairCompetitionRules.Check(Draft(items, "compliant"));

        Assert.Equal(RefusalKind.Invalid, review.Refusal!.Kind);
        Assert.Contains("第 3.2 项", review.Refusal.Errors!["items"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void No_items_at_all_names_all_eighteen_as_unanswered()
    {
        var review = FairCompetitionRules.Check(Draft(null, "compliant"));

        var message = review.Refusal!.Errors!["items"][0];
        Assert.Contains("第 1.1 项", message, StringComparison.Ordinal);
        Assert.Contains("第 4.4 项", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData(null)]
    public void An_answer_that_is_neither_yes_nor_no_is_unanswered(string? answer)
    {
        var review = FairCompetitionRules.Check(Draft(With("1.4", answer!, null), "compliant"));

        Assert.Contains("第 1.4 项", review.Refusal!.Errors!["items"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_answers_are_accepted_as_well()
    {
        var items = FairCompetitionRules.Items.Select(i => new ItemAnswerDraft(i.Code, "否", null)).ToList();

        Assert.True(FairCompetitionRules.Check(Draft(items, "compliant")).Succeeded);
    }

    [Fact]
    public void An_item_answered_yes_needs_a_note_naming_what_the_draft_does()
    {
        var without = FairCompetitionRules.Check(Draft(With("2.3", "yes", "  "), "non-compliant"));
        Assert.Contains("第 2.3 项", without.Refusal!.Errors!["items"][0], StringComparison.Ordinal);
        Assert.Contains("说明", without.Refusal.Errors["items"][0], StringComparison.Ordinal);

        var with = FairCompetitionRules.Check(Draft(With("2.3", "yes", "第五条要求投标人在本市注册"), "non-compliant"));
        Assert.True(with.Succeeded);
        Assert.Equal("第五条要求投标人在本市注册", with.Value!.Answers.Single(a => a.Yes).Note);
    }

    [Fact]
    public void A_yes_answer_cannot_conclude_compliant()
    {
        var review = FairCompetitionRules.Check(Draft(With("1.1", "yes", "要求本地注册三年以上"), "compliant"));

        Assert.Contains("不能为“符合”", review.Refusal!.Errors!["conclusion"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("non-compliant")]
    [InlineData("exception")]
    public void All_no_answers_cannot_conclude_that_competition_is_restricted(string conclusion)
    {
        var review = FairCompetitionRules.Check(Draft(AllNo(), conclusion, "security", "涉及国防建设的保密项目须限定供应商范围"));

        Assert.True(review.Refusal!.Errors!.ContainsKey("conclusion"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("approved")]
    public void A_missing_or_unknown_conclusion_is_refused(string? conclusion)
    {
        var review = FairCompetitionRules.Check(Draft(AllNo(), conclusion));

        Assert.Contains("审查结论", review.Refusal!.Errors!["conclusion"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_needs_its_kind_and_a_reason()
    {
        var items = With("3.1", "yes", "对受灾企业减免场地租金");

        var bare = FairCompetitionRules.Check(Draft(items, "exception"));
        Assert.True(bare.Refusal!.Errors!.ContainsKey("exceptionKind"));
        Assert.True(bare.Refusal.Errors.ContainsKey("exceptionReason"));

        var shortReason = FairCompetitionRules.Check(Draft(items, "exception", "poverty-relief", "救灾"));
        Assert.False(shortReason.Refusal!.Errors!.ContainsKey("exceptionKind"));
        Assert.True(shortReason.Refusal.Errors.ContainsKey("exceptionReason"));

        var complete = FairCompetitionRules.Check(Draft(items, "exception", "poverty-relief", "为灾后恢复生产，对受灾企业减免三个月租金，期满即止。"));
        Assert.True(complete.Succeeded);
        Assert.Equal(ReviewConclusion.Exception, complete.Value!.Conclusion);
        Assert.Equal("poverty-relief", complete.Value.ExceptionKind);
    }

    [Fact]
    public void Unknown_and_repeated_items_are_refused()
    {
        var unknown = AllNo().Append(new ItemAnswerDraft("5.1", "no", null)).ToList();
        Assert.Contains("5.1", FairCompetitionRules.Check(Draft(unknown, "compliant")).Refusal!.Errors!["items"][0], StringComparison.Ordinal);

        var twice = AllNo().Append(new ItemAnswerDraft("1.1", "yes", "重复")).ToList();
        Assert.Contains("不止一次", FairCompetitionRules.Check(Draft(twice, "compliant")).Refusal!.Errors!["items"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused()
    {
        var review = FairCompetitionRules.Check(Draft(With("1.2", "yes", new string('字', FairCompetitionRules.MaxNoteLength + 1)), "non-compliant"));

        Assert.Contains("1000", review.Refusal!.Errors!["items"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Areas_are_kept_in_the_rules_order_once_each_and_unknown_ones_are_refused()
    {
        var areas = FairCompetitionRules.CheckAreas(["bidding", " market-access ", "bidding", ""]);
        Assert.Equal(["market-access", "bidding"], areas.Value);

        var unknown = FairCompetitionRules.CheckAreas(["market-access", "tourism"]);
        Assert.Contains("tourism", unknown.Refusal!.Errors!["areas"][0], StringComparison.Ordinal);

        Assert.Empty(FairCompetitionRules.CheckAreas(null).Value!);
    }

    [Fact]
    public void A_document_not_marked_needs_no_review_and_may_pass()
    {
        var standing = FairCompetitionRules.Standing([], null);

        Assert.False(standing.Required);
        Assert.True(standing.MayPassFinalReview);
    }

    [Fact]
    public void A_marked_document_without_a_review_is_blocked_with_a_message_naming_its_areas_and_what_is_missing()
    {
        var standing = FairCompetitionRules.Standing(["market-access", "bidding"], null);

        Assert.True(standing.Required);
        Assert.False(standing.MayPassFinalReview);
        Assert.Contains("市场准入、招标投标", standing.Blocking, StringComparison.Ordinal);
        Assert.Contains("尚未完成公平竞争审查", standing.Blocking, StringComparison.Ordinal);
        Assert.Contains("审查结论和审查人", standing.Blocking, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReviewConclusion.Compliant)]
    [InlineData(ReviewConclusion.Exception)]
    public void A_compliant_or_exception_review_covering_the_areas_lets_the_document_pass(ReviewConclusion conclusion)
    {
        var standing = FairCompetitionRules.Standing(["bidding"], new ReviewOnRecord(conclusion, ["bidding", "government-procurement"]));

        Assert.True(standing.MayPassFinalReview);
        Assert.Contains(FairCompetitionRules.ChineseName(conclusion), standing.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_compliant_review_blocks_until_a_new_review()
    {
        var standing = FairCompetitionRules.Standing(["bidding"], new ReviewOnRecord(ReviewConclusion.NonCompliant, ["bidding"]));

        Assert.False(standing.MayPassFinalReview);
        Assert.Contains("不符合", standing.Blocking, StringComparison.Ordinal);
        Assert.Contains("重新审查", standing.Blocking, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_marked_after_the_review_asks_for_a_new_review()
    {
        var standing = FairCompetitionRules.Standing(["bidding", "qualification-standards"], new ReviewOnRecord(ReviewConclusion.Compliant, ["bidding"]));

        Assert.False(standing.MayPassFinalReview);
        Assert.Contains("资质标准", standing.Blocking, StringComparison.Ordinal);
    }
}
