using Gongkai.Publishing.Rules;

namespace Gongkai.UnitTests.Publishing.Rules;

public sealed class ReviewWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 8, 2, 0, 0, TimeSpan.Zero);

    private static readonly ReviewActor First = new("r1", new HashSet<ReviewStage> { ReviewStage.First });
    private static readonly ReviewActor Second = new("r2", new HashSet<ReviewStage> { ReviewStage.Second });
    private static readonly ReviewActor Final = new("r3", new HashSet<ReviewStage> { ReviewStage.Final });

    private static ReviewSubject Subject(DocumentStatus status, bool normative = false, bool interpretation = false, string? noInterpretationReason = null,
        string? firstBy = null, string? secondBy = null) =>
        new(status, "editor", firstBy, secondBy, normative, interpretation, noInterpretationReason);

    [Fact]
    public void A_document_goes_from_draft_through_three_reviews_to_published()
    {
        var document = Subject(DocumentStatus.Draft);

        var submitted = ReviewWorkflow.Submit(document);
        Assert.Equal(DocumentStatus.AwaitingFirstReview, submitted.Next);

        var first = ReviewWorkflow.Approve(document with { Status = submitted.Next }, First, ReviewStage.First, Now);
        Assert.Equal(DocumentStatus.AwaitingSecondReview, first.Next);

        var second = ReviewWorkflow.Approve(document with { Status = first.Next, FirstApprovedBy = "r1" }, Second, ReviewStage.Second, Now);
        Assert.Equal(DocumentStatus.AwaitingFinalReview, second.Next);

        var final = ReviewWorkflow.Approve(document with { Status = second.Next, FirstApprovedBy = "r1", SecondApprovedBy = "r2" }, Final, ReviewStage.Final, Now);
        Assert.True(final.Allowed);
        Assert.Equal(DocumentStatus.Published, final.Next);
        Assert.Equal("approved-final", final.Action);
    }

    [Fact]
    public void Final_approval_with_a_future_time_schedules_publication()
    {
        var result = ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingFinalReview), Final, ReviewStage.Final, Now, publishAt: Now.AddDays(1));

        Assert.Equal(DocumentStatus.Scheduled, result.Next);
        Assert.Equal(DocumentStatus.Published, ReviewWorkflow.PublishScheduled(Subject(DocumentStatus.Scheduled)).Next);
    }

    [Fact]
    public void Final_approval_with_a_past_time_publishes_now()
    {
        Assert.Equal(DocumentStatus.Published,
            ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingFinalReview), Final, ReviewStage.Final, Now, publishAt: Now.AddMinutes(-1)).Next);
    }

    [Theory]
    [InlineData(DocumentStatus.AwaitingFirstReview, ReviewStage.First)]
    [InlineData(DocumentStatus.AwaitingSecondReview, ReviewStage.Second)]
    [InlineData(DocumentStatus.AwaitingFinalReview, ReviewStage.Final)]
    public void Any_review_stage_may_return_the_document_with_a_comment(DocumentStatus status, ReviewStage stage)
    {
        var actor = new ReviewActor("r", new HashSet<ReviewStage> { stage });

        var returned = ReviewWorkflow.Return(Subject(status), actor, stage, "请补充政策依据");

        Assert.True(returned.Allowed);
        Assert.Equal(DocumentStatus.Returned, returned.Next);
        Assert.True(ReviewWorkflow.Submit(Subject(returned.Next)).Allowed);
    }

    [Fact]
    public void Returning_without_a_comment_is_refused()
    {
        var result = ReviewWorkflow.Return(Subject(DocumentStatus.AwaitingSecondReview), Second, ReviewStage.Second, "  ");

        Assert.False(result.Allowed);
        Assert.Equal(DocumentStatus.AwaitingSecondReview, result.Next);
        Assert.Equal("退回时请填写退回意见。", result.Error);
    }

    [Fact]
    public void Nobody_approves_a_stage_of_their_own_submission()
    {
        var editorWhoAlsoReviews = new ReviewActor("editor", new HashSet<ReviewStage> { ReviewStage.First });

        var result = ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingFirstReview), editorWhoAlsoReviews, ReviewStage.First, Now);

        Assert.False(result.Allowed);
        Assert.Equal("不能审核本人提交的文件。", result.Error);
    }

    [Fact]
    public void One_person_approves_at_most_one_stage_of_a_submission()
    {
        var allStages = new ReviewActor("r1", new HashSet<ReviewStage> { ReviewStage.First, ReviewStage.Second, ReviewStage.Final });

        var result = ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingSecondReview, firstBy: "r1"), allStages, ReviewStage.Second, Now);

        Assert.False(result.Allowed);
        Assert.False(result.IsConflict);
    }

    [Fact]
    public void A_reviewer_without_the_stage_cannot_approve_it()
    {
        var result = ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingFinalReview), First, ReviewStage.Final, Now);

        Assert.False(result.Allowed);
        Assert.Equal("您没有终审权限。", result.Error);
    }

    [Fact]
    public void Acting_on_a_stage_the_document_has_left_is_a_conflict()
    {
        var result = ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingSecondReview), First, ReviewStage.First, Now);

        Assert.False(result.Allowed);
        Assert.True(result.IsConflict);
        Assert.Contains("已不在初审环节", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_normative_document_without_interpretation_cannot_pass_final_review()
    {
        var result = ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingFinalReview, normative: true), Final, ReviewStage.Final, Now);

        Assert.False(result.Allowed);
        Assert.Contains("政策解读", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_normative_document_passes_final_review_with_an_interpretation()
    {
        Assert.True(ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingFinalReview, normative: true, interpretation: true), Final, ReviewStage.Final, Now).Allowed);
    }

    [Fact]
    public void A_normative_document_passes_final_review_when_a_reviewer_recorded_why_no_interpretation_is_needed()
    {
        var result = ReviewWorkflow.Approve(
            Subject(DocumentStatus.AwaitingFinalReview, normative: true, noInterpretationReason: "仅调整执行期限，内容未变"), Final, ReviewStage.Final, Now);

        Assert.True(result.Allowed);
    }

    [Fact]
    public void The_interpretation_rule_does_not_apply_to_earlier_stages_or_other_documents()
    {
        Assert.True(ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingFirstReview, normative: true), First, ReviewStage.First, Now).Allowed);
        Assert.True(ReviewWorkflow.Approve(Subject(DocumentStatus.AwaitingFinalReview), Final, ReviewStage.Final, Now).Allowed);
    }

    [Theory]
    [InlineData(DocumentStatus.AwaitingFirstReview)]
    [InlineData(DocumentStatus.Published)]
    [InlineData(DocumentStatus.Withdrawn)]
    public void Only_drafts_and_returned_documents_can_be_submitted(DocumentStatus status)
    {
        Assert.False(ReviewWorkflow.Submit(Subject(status)).Allowed);
    }

    [Fact]
    public void Correction_and_withdrawal_need_a_published_document_and_a_reason()
    {
        Assert.Equal(DocumentStatus.Published, ReviewWorkflow.Correct(Subject(DocumentStatus.Published), "更正文号").Next);
        Assert.False(ReviewWorkflow.Correct(Subject(DocumentStatus.Published), "").Allowed);
        Assert.False(ReviewWorkflow.Correct(Subject(DocumentStatus.Draft), "更正文号").Allowed);

        Assert.Equal(DocumentStatus.Withdrawn, ReviewWorkflow.Withdraw(Subject(DocumentStatus.Published), "内容有误").Next);
        Assert.False(ReviewWorkflow.Withdraw(Subject(DocumentStatus.Published), null).Allowed);
        Assert.False(ReviewWorkflow.Withdraw(Subject(DocumentStatus.Withdrawn), "再次撤回").Allowed);
    }
}
