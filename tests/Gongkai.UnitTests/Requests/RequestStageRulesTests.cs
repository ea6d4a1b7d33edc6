using Gongkai.Requests;
using Gongkai.Requests.Rules;

namespace Gongkai.UnitTests.Requests;

public sealed class RequestStageRulesTests
{
    [Fact]
    public void Stages_move_forward_one_at_a_time()
    {
        Assert.Equal(RequestStage.Reviewing, RequestStageRules.NextStage(RequestStage.Registered, closed: false).Next);
        Assert.Equal(RequestStage.Handling, RequestStageRules.NextStage(RequestStage.Reviewing, closed: false).Next);
        Assert.Equal(RequestStage.Archived, RequestStageRules.NextStage(RequestStage.Answered, closed: true).Next);
    }

    [Fact]
    public void The_answer_stage_is_reached_only_by_recording_the_reply()
    {
        var (next, refusal) = RequestStageRules.NextStage(RequestStage.Handling, closed: false);
        Assert.Null(next);
        Assert.Contains("须登记答复", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_follows_archiving()
    {
        Assert.Null(RequestStageRules.NextStage(RequestStage.Archived, closed: true).Next);
    }
}
