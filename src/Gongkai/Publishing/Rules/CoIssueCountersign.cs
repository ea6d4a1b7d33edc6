using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Rules;

/// <summary>Where a co-issuing body (联合发文机关) stands on a document that names it.</summary>
public enum CoIssueState
{
    /// <summary>Named by the issuing body; the co-issuer has not answered. The document does not show under it.</summary>
    Requested,

    /// <summary>Countersigned (会签) by a reviewer of the co-issuer: the document shows under both bodies.</summary>
    Accepted,

    /// <summary>Declined with a reason: the document never shows under the co-issuer.</summary>
    Declined,
}

/// <summary>Who answers a co-issue request: the body the user belongs to and the review stages they hold.</summary>
public sealed record CoIssueActor(int? BodyId, IReadOnlySet<ReviewStage> Stages);

/// <summary>
/// 联合发文 countersigning. A body names others as co-issuers; a document shows under a co-issuer (its lists, API,
/// feeds, search and the document's 发布机构) only once a member of that body who holds a review stage (初审, 复审 or
/// 终审) has accepted. Nobody outside the body answers for it — not the issuing body, not a supervising body's
/// administrator, not a system administrator — because the point is that the co-issuer itself agreed. An answer is
/// given once; a declined co-issue needs a reason, which the issuing body sees. No I/O.
/// </summary>
public static class CoIssueCountersign
{
    public const int MaxReasonLength = 500;

    public static bool ShowsUnderCoIssuer(CoIssueState state) => state == CoIssueState.Accepted;

    public static string ChineseName(CoIssueState state) => state switch
    {
        CoIssueState.Requested => "待确认",
        CoIssueState.Accepted => "已会签",
        CoIssueState.Declined => "已拒绝",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>Decides an answer of <paramref name="actor"/> for <paramref name="coIssuerBodyId"/>: the new state, or why not.</summary>
    public static Outcome<CoIssueState> Answer(CoIssueState current, int coIssuerBodyId, CoIssueActor actor, bool accept, string? reason)
    {
        if (actor.BodyId != coIssuerBodyId)
        {
            return Refusal.Forbidden("只有联合发文机关本单位具有审核权限的工作人员可以会签或拒绝。");
        }

        if (actor.Stages.Count == 0)
        {
            return Refusal.Forbidden("您没有审核权限（初审、复审或终审），不能代表本单位会签联合发文。");
        }

        if (current != CoIssueState.Requested)
        {
            return Refusal.Conflict($"本单位已对该联合发文作出答复（{ChineseName(current)}），不能再次答复。");
        }

        if (accept)
        {
            return CoIssueState.Accepted;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.InvalidField("reason", "拒绝联合发文时请填写理由。");
        }

        return reason.Trim().Length > MaxReasonLength
            ? Refusal.InvalidField("reason", $"拒绝理由不能超过 {MaxReasonLength} 个字。")
            : CoIssueState.Declined;
    }
}
