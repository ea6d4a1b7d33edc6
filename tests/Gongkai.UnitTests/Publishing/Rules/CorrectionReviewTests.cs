using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Rules;

namespace Gongkai.UnitTests.Publishing.Rules;

public sealed class CorrectionReviewTests
{
    private static readonly ReviewActor First = new("r1", new HashSet<ReviewStage> { ReviewStage.First });
    private static readonly ReviewActor Second = new("r2", new HashSet<ReviewStage> { ReviewStage.Second });
    private static readonly ReviewActor Final = new("r3", new HashSet<ReviewStage> { ReviewStage.Final });

    private static CorrectionSubject Pending(CorrectionState state = CorrectionState.AwaitingFinalReview, string submittedBy = "editor",
        string? firstBy = null, string? secondBy = null, int baseVersion = 2, int currentVersion = 2, DocumentStatus status = DocumentStatus.Published) =>
        new(state, submittedBy, firstBy, secondBy, baseVersion, currentVersion, status);

    [Fact]
    public void By_default_a_correction_waits_for_the_final_review_and_one_final_reviewer_publishes_it()
    {
        var submitted = CorrectionReview.Submit(DocumentStatus.Published, pendingExists: false, "文号有误", CorrectionReviewMode.Final);
        Assert.True(submitted.Allowed);
        Assert.Equal(CorrectionState.AwaitingFinalReview, submitted.Next);
        Assert.False(submitted.Publishes);

        var approved = CorrectionReview.Approve(Pending(submitted.Next), Final, CorrectionReviewMode.Final);
        Assert.True(approved.Publishes);
        Assert.Equal("correction-approved-final", approved.Action);
    }

    [Fact]
    public void In_full_mode_three_different_reviewers_pass_it_before_it_is_public()
    {
        var submitted = CorrectionReview.Submit(DocumentStatus.Published, pendingExists: false, "文号有误", CorrectionReviewMode.Full);
        Assert.Equal(CorrectionState.AwaitingFirstReview, submitted.Next);

        var first = CorrectionReview.Approve(Pending(submitted.Next), First, CorrectionReviewMode.Full);
        Assert.Equal(CorrectionState.AwaitingSecondReview, first.Next);
        Assert.False(first.Publishes);

        var second = CorrectionReview.Approve(Pending(first.Next, firstBy: "r1"), Second, CorrectionReviewMode.Full);
        Assert.Equal(CorrectionState.AwaitingFinalReview, second.Next);
        Assert.False(second.Publishes);

        var final = CorrectionReview.Approve(Pending(second.Next, firstBy: "r1", secondBy: "r2"), Final, CorrectionReviewMode.Full);
        Assert.True(final.Publishes);
    }

    [Fact]
    public void The_author_cannot_approve_their_own_correction_even_holding_the_final_review()
    {
        var author = new ReviewActor("editor", new HashSet<ReviewStage> { ReviewStage.Final });

        var refused = CorrectionReview.Approve(Pending(), author, CorrectionReviewMode.Final);

        Assert.False(refused.Allowed);
        Assert.Equal(RefusalKind.Forbidden, refused.Refusal.Kind);
        Assert.Contains("本人提交的更正", refused.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(CorrectionState.AwaitingFinalReview, refused.Next);
    }

    [Fact]
    public void One_person_passes_at_most_one_stage_of_a_correction()
    {
        var both = new ReviewActor("r1", new HashSet<ReviewStage> { ReviewStage.First, ReviewStage.Final });

        var refused = CorrectionReview.Approve(Pending(CorrectionState.AwaitingFinalReview, firstBy: "r1", secondBy: "r2"), both, CorrectionReviewMode.Full);

        Assert.False(refused.Allowed);
        Assert.Equal(RefusalKind.Invalid, refused.Refusal.Kind);
    }

    [Fact]
    public void Only_a_holder_of_the_awaited_stage_decides()
    {
        var refused = CorrectionReview.Approve(Pending(), Second, CorrectionReviewMode.Final);
        Assert.Equal(RefusalKind.Forbidden, refused.Refusal?.Kind);
        Assert.Contains("终审", refused.Refusal?.Message, StringComparison.Ordinal);

        var notReturned = CorrectionReview.Return(Pending(), First, "不同意");
        Assert.Equal(RefusalKind.Forbidden, notReturned.Refusal?.Kind);
    }

    [Fact]
    public void A_return_needs_a_reason_and_leaves_the_public_version_alone()
    {
        Assert.Equal("reason", Assert.Single(CorrectionReview.Return(Pending(), Final, "  ").Refusal!.Errors).Key);
        Assert.False(CorrectionReview.Return(Pending(), Final, new string('长', CorrectionReview.MaxReasonLength + 1)).Allowed);

        var returned = CorrectionReview.Return(Pending(), Final, "更正说明不清楚");
        Assert.True(returned.Allowed);
        Assert.Equal(CorrectionState.Returned, returned.Next);
        Assert.False(returned.Publishes);
        Assert.Equal("correction-returned", returned.Action);
    }

    [Fact]
    public void The_author_may_return_nothing_but_anyone_holding_the_stage_may_return()
    {
        // Returning is not approving: a reviewer who is the author may still send it back (e.g. to withdraw it).
        var author = new ReviewActor("editor", new HashSet<ReviewStage> { ReviewStage.Final });
        Assert.True(CorrectionReview.Return(Pending(), author, "本人撤回这项更正").Allowed);
    }

    [Theory]
    [InlineData(CorrectionState.Approved)]
    [InlineData(CorrectionState.Returned)]
    public void A_decided_correction_cannot_be_decided_again(CorrectionState state)
    {
        Assert.Equal(RefusalKind.Conflict, CorrectionReview.Approve(Pending(state), Final, CorrectionReviewMode.Final).Refusal?.Kind);
        Assert.Equal(RefusalKind.Conflict, CorrectionReview.Return(Pending(state), Final, "理由").Refusal?.Kind);
    }

    [Fact]
    public void A_correction_of_a_version_that_was_replaced_since_cannot_be_approved()
    {
        var stale = CorrectionReview.Approve(Pending(baseVersion: 2, currentVersion: 3), Final, CorrectionReviewMode.Final);

        Assert.Equal(RefusalKind.Conflict, stale.Refusal?.Kind);
        Assert.Contains("第 2 版", stale.Refusal?.Message, StringComparison.Ordinal);
        Assert.True(CorrectionReview.Return(Pending(baseVersion: 2, currentVersion: 3), Final, "已有新版本").Allowed);
    }

    [Fact]
    public void A_correction_of_a_document_withdrawn_since_cannot_be_approved()
    {
        Assert.Equal(RefusalKind.Conflict,
            CorrectionReview.Approve(Pending(status: DocumentStatus.Withdrawn), Final, CorrectionReviewMode.Final).Refusal?.Kind);
    }

    [Fact]
    public void Only_a_published_document_without_a_waiting_correction_can_be_corrected_with_a_reason()
    {
        Assert.Equal(RefusalKind.Conflict, CorrectionReview.Submit(DocumentStatus.Draft, false, "理由", CorrectionReviewMode.Final).Refusal?.Kind);
        Assert.Equal(RefusalKind.Conflict, CorrectionReview.Submit(DocumentStatus.Withdrawn, false, "理由", CorrectionReviewMode.Final).Refusal?.Kind);
        var twice = CorrectionReview.Submit(DocumentStatus.Published, true, "理由", CorrectionReviewMode.Final);
        Assert.Equal(RefusalKind.Conflict, twice.Refusal?.Kind);
        Assert.Contains("等待审核", twice.Refusal?.Message, StringComparison.Ordinal);
        Assert.Equal("reason", Assert.Single(CorrectionReview.Submit(DocumentStatus.Published, false, " ", CorrectionReviewMode.Final).Refusal!.Errors).Key);
        Assert.False(CorrectionReview.Submit(DocumentStatus.Published, false, new string('长', ReviewWorkflow.MaxReasonLength + 1), CorrectionReviewMode.Final).Allowed);
    }

    [Fact]
    public void The_diff_shows_removed_and_added_lines_in_reading_order()
    {
        var lines = TextDiff.Lines("第一条　总则。\n第二条　旧的标准。\n第三条　施行。", "第一条　总则。\n第二条　新的标准。\n\n第三条　施行。\n第四条　附则。");

        Assert.Equal(
            [(DiffKind.Same, "第一条　总则。"), (DiffKind.Removed, "第二条　旧的标准。"), (DiffKind.Added, "第二条　新的标准。"), (DiffKind.Same, "第三条　施行。"), (DiffKind.Added, "第四条　附则。")],
            lines.Select(l => (l.Kind, l.Text)).ToArray());
        Assert.True(TextDiff.HasChanges(lines));
        Assert.False(TextDiff.HasChanges(TextDiff.Lines("一\n  二 ", "一\n\n二")));
        Assert.Equal([DiffKind.Removed, DiffKind.Removed], TextDiff.Lines("甲\n乙", "").Select(l => l.Kind).ToArray());
    }
}
