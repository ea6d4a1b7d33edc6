namespace Gongkai.Requests.Rules;

/// <summary>The order of the Art. 45 handling stages. Officers move a request forward one stage at a time; the 答复
/// stage is reached only by recording the reply (or another closing event), and 归档 only after it.</summary>
public static class RequestStageRules
{
    /// <summary>The stage an officer may move to next, or the Chinese reason why not.</summary>
    public static (RequestStage? Next, string? Refusal) NextStage(RequestStage current, bool closed) => current switch
    {
        RequestStage.Registered => (RequestStage.Reviewing, null),
        RequestStage.Reviewing => (RequestStage.Handling, null),
        RequestStage.Handling when !closed => (null, "进入答复阶段须登记答复（或告知非本机关负责、逾期未补正、逾期未缴费）。"),
        RequestStage.Handling or RequestStage.Answered => (RequestStage.Archived, null),
        _ => (null, "该申请已归档。"),
    };
}
