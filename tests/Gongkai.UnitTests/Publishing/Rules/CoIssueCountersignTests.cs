using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Rules;

namespace Gongkai.UnitTests.Publishing.Rules;

public sealed class CoIssueCountersignTests
{
    private const int CoIssuer = 1;
    private const int Issuer = 7;

    private static CoIssueActor Member(int bodyId, params ReviewStage[] stages) => new(bodyId, stages.ToHashSet());

    [Theory]
    [InlineData(ReviewStage.First)]
    [InlineData(ReviewStage.Second)]
    [InlineData(ReviewStage.Final)]
    public void A_reviewer_of_the_co_issuer_at_any_stage_countersigns(ReviewStage stage)
    {
        var answer = CoIssueCountersign.Answer(CoIssueState.Requested, CoIssuer, Member(CoIssuer, stage), accept: true, reason: null);

        Assert.True(answer.Succeeded);
        Assert.Equal(CoIssueState.Accepted, answer.Value);
        Assert.True(CoIssueCountersign.ShowsUnderCoIssuer(answer.Value));
    }

    [Fact]
    public void An_editor_of_the_co_issuer_without_a_review_stage_may_not_answer()
    {
        var answer = CoIssueCountersign.Answer(CoIssueState.Requested, CoIssuer, Member(CoIssuer), accept: true, reason: null);

        Assert.Equal(RefusalKind.Forbidden, answer.Refusal?.Kind);
        Assert.Contains("审核权限", answer.Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_outside_the_co_issuer_answers_for_it_whatever_their_stages()
    {
        var answer = CoIssueCountersign.Answer(CoIssueState.Requested, CoIssuer, Member(Issuer, ReviewStage.First, ReviewStage.Second, ReviewStage.Final), accept: true, reason: null);
        var noBody = CoIssueCountersign.Answer(CoIssueState.Requested, CoIssuer, new CoIssueActor(null, new HashSet<ReviewStage> { ReviewStage.Final }), accept: true, reason: null);

        Assert.Equal(RefusalKind.Forbidden, answer.Refusal?.Kind);
        Assert.Equal(RefusalKind.Forbidden, noBody.Refusal?.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_decline_needs_a_reason(string? reason)
    {
        var answer = CoIssueCountersign.Answer(CoIssueState.Requested, CoIssuer, Member(CoIssuer, ReviewStage.Final), accept: false, reason);

        Assert.Equal(RefusalKind.Invalid, answer.Refusal?.Kind);
        Assert.True(answer.Refusal?.Errors.ContainsKey("reason"));
    }

    [Fact]
    public void A_decline_with_a_reason_keeps_the_document_off_the_co_issuer_and_an_overlong_reason_is_refused()
    {
        var declined = CoIssueCountersign.Answer(CoIssueState.Requested, CoIssuer, Member(CoIssuer, ReviewStage.Final), accept: false, "本机关未参与起草。");
        var tooLong = CoIssueCountersign.Answer(CoIssueState.Requested, CoIssuer, Member(CoIssuer, ReviewStage.Final), accept: false,
            new string('理', CoIssueCountersign.MaxReasonLength + 1));

        Assert.Equal(CoIssueState.Declined, declined.Value);
        Assert.False(CoIssueCountersign.ShowsUnderCoIssuer(CoIssueState.Declined));
        Assert.False(CoIssueCountersign.ShowsUnderCoIssuer(CoIssueState.Requested));
        Assert.Equal(RefusalKind.Invalid, tooLong.Refusal?.Kind);
    }

    [Theory]
    [InlineData(CoIssueState.Accepted, true)]
    [InlineData(CoIssueState.Accepted, false)]
    [InlineData(CoIssueState.Declined, true)]
    [InlineData(CoIssueState.Declined, false)]
    public void An_answer_is_given_once(CoIssueState answered, bool accept)
    {
        var again = CoIssueCountersign.Answer(answered, CoIssuer, Member(CoIssuer, ReviewStage.Final), accept, "理由");

        Assert.Equal(RefusalKind.Conflict, again.Refusal?.Kind);
    }
}
