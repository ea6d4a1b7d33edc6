using System.Diagnostics.CodeAnalysis;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Rules;

/// <summary>How much review a correction (更正) of a published document needs before the public sees it
/// (<c>Publishing:CorrectionReview</c>).</summary>
public enum CorrectionReviewMode
{
    /// <summary>The body's 终审 alone (the default): whoever may publish may publish the change.</summary>
    Final,

    /// <summary>The full 三审, as a new document: 初审, 复审 and 终审 by three different people.</summary>
    Full,
}

/// <summary>Where a proposed correction is: waiting for a stage, approved (now the public version) or returned.</summary>
public enum CorrectionState
{
    AwaitingFirstReview,
    AwaitingSecondReview,
    AwaitingFinalReview,
    Approved,
    Returned,
}

/// <summary>The facts about a proposed correction the rules decide on. <paramref name="BaseVersion"/> is the public
/// version the author corrected, <paramref name="CurrentVersion"/> the document's public version now.</summary>
public sealed record CorrectionSubject(
    CorrectionState State,
    string? SubmittedBy,
    string? FirstApprovedBy,
    string? SecondApprovedBy,
    int BaseVersion,
    int CurrentVersion,
    DocumentStatus DocumentStatus);

/// <summary>A decision on a correction: the next state and the history action, or the refusal.</summary>
public sealed record CorrectionStep(CorrectionState Next, string? Action, Refusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(Action))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Allowed => Refusal is null;

    /// <summary>The step makes the correction the public version.</summary>
    public bool Publishes => Allowed && Next == CorrectionState.Approved;

    internal static CorrectionStep Go(CorrectionState next, string action) => new(next, action, null);

    internal static CorrectionStep Refuse(CorrectionState current, Refusal refusal) => new(current, null, refusal);
}

/// <summary>
/// The review of a correction (更正) of a published document. An editor's correction is a proposal: the public page,
/// API, feeds and search keep the published version until a reviewer of the body holding 终审 approves it (or, in
/// <see cref="CorrectionReviewMode.Full"/>, 初审, 复审 and 终审 by three different people). Nobody approves their own
/// correction; a reviewer may return it with a reason; one correction per document waits at a time; a correction
/// written against a version that has since been replaced (another correction, a re-import) cannot be approved — it
/// would silently undo the newer one — and is returned instead. No I/O.
/// </summary>
public static class CorrectionReview
{
    /// <summary>The longest return reason kept.</summary>
    public const int MaxReasonLength = 1000;

    public static bool IsPending(CorrectionState state) =>
        state is CorrectionState.AwaitingFirstReview or CorrectionState.AwaitingSecondReview or CorrectionState.AwaitingFinalReview;

    public static ReviewStage? StageAwaited(CorrectionState state) => state switch
    {
        CorrectionState.AwaitingFirstReview => ReviewStage.First,
        CorrectionState.AwaitingSecondReview => ReviewStage.Second,
        CorrectionState.AwaitingFinalReview => ReviewStage.Final,
        _ => null,
    };

    public static string ChineseName(CorrectionState state) => state switch
    {
        CorrectionState.AwaitingFirstReview => "更正待初审",
        CorrectionState.AwaitingSecondReview => "更正待复审",
        CorrectionState.AwaitingFinalReview => "更正待终审",
        CorrectionState.Approved => "更正已通过并公开",
        CorrectionState.Returned => "更正已退回",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The state a new correction starts in: the first stage the mode asks for.</summary>
    public static CorrectionState FirstState(CorrectionReviewMode mode) =>
        mode == CorrectionReviewMode.Full ? CorrectionState.AwaitingFirstReview : CorrectionState.AwaitingFinalReview;

    /// <summary>An editor proposes a correction of a published document; <paramref name="pendingExists"/>: another
    /// correction of the document is still waiting.</summary>
    public static CorrectionStep Submit(DocumentStatus documentStatus, bool pendingExists, string? reason, CorrectionReviewMode mode)
    {
        var first = FirstState(mode);
        if (documentStatus != DocumentStatus.Published)
        {
            return CorrectionStep.Refuse(first, Refusal.Conflict($"只有已发布的文件可以更正（当前状态：{ReviewWorkflow.ChineseName(documentStatus)}）。"));
        }

        if (pendingExists)
        {
            return CorrectionStep.Refuse(first, Refusal.Conflict("该文件已有一项更正在等待审核，请待其通过或退回后再提交新的更正。"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CorrectionStep.Refuse(first, Refusal.InvalidField("reason", "请填写更正说明。"));
        }

        return reason.Trim().Length > ReviewWorkflow.MaxReasonLength
            ? CorrectionStep.Refuse(first, Refusal.InvalidField("reason", $"更正说明不能超过 {ReviewWorkflow.MaxReasonLength} 个字。"))
            : CorrectionStep.Go(first, "correction-submitted");
    }

    /// <summary>A reviewer approves the stage the correction waits in; after 终审 the correction is published.</summary>
    public static CorrectionStep Approve(CorrectionSubject correction, ReviewActor actor, CorrectionReviewMode mode)
    {
        if (Waiting(correction, actor) is { } refused)
        {
            return refused;
        }

        if (actor.UserId == correction.SubmittedBy)
        {
            return CorrectionStep.Refuse(correction.State, Refusal.Forbidden("不能审核本人提交的更正，请由本单位其他审核人办理。"));
        }

        if (actor.UserId == correction.FirstApprovedBy || actor.UserId == correction.SecondApprovedBy)
        {
            return CorrectionStep.Refuse(correction.State, Refusal.Invalid("同一人不能审核同一更正的两个环节，请由其他审核人办理。"));
        }

        if (correction.DocumentStatus != DocumentStatus.Published)
        {
            return CorrectionStep.Refuse(correction.State,
                Refusal.Conflict($"文件已不是已发布状态（当前：{ReviewWorkflow.ChineseName(correction.DocumentStatus)}），这项更正不能再公开，请退回。"));
        }

        if (correction.CurrentVersion != correction.BaseVersion)
        {
            return CorrectionStep.Refuse(correction.State,
                Refusal.Conflict($"这项更正是针对第 {correction.BaseVersion} 版提出的，文件现已是第 {correction.CurrentVersion} 版；通过会覆盖新版本的内容，请退回后由起草人重新更正。"));
        }

        return correction.State switch
        {
            CorrectionState.AwaitingFirstReview => CorrectionStep.Go(CorrectionState.AwaitingSecondReview, "correction-approved-first"),
            CorrectionState.AwaitingSecondReview => CorrectionStep.Go(CorrectionState.AwaitingFinalReview, "correction-approved-second"),
            _ => CorrectionStep.Go(CorrectionState.Approved, "correction-approved-final"),
        };
    }

    /// <summary>A reviewer returns the correction to its author with a reason; the public version stays as it is.</summary>
    public static CorrectionStep Return(CorrectionSubject correction, ReviewActor actor, string? reason)
    {
        if (Waiting(correction, actor) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CorrectionStep.Refuse(correction.State, Refusal.InvalidField("reason", "退回更正时请填写退回理由。"));
        }

        return reason.Trim().Length > MaxReasonLength
            ? CorrectionStep.Refuse(correction.State, Refusal.InvalidField("reason", $"退回理由不能超过 {MaxReasonLength} 个字。"))
            : CorrectionStep.Go(CorrectionState.Returned, "correction-returned");
    }

    /// <summary>Refuses when the correction no longer waits, or waits for a stage the actor does not hold.</summary>
    private static CorrectionStep? Waiting(CorrectionSubject correction, ReviewActor actor)
    {
        if (StageAwaited(correction.State) is not { } stage)
        {
            return CorrectionStep.Refuse(correction.State,
                Refusal.Conflict($"这项更正已办结（{ChineseName(correction.State)}），可能已由其他审核人处理，请刷新后查看。"));
        }

        return actor.Stages.Contains(stage)
            ? null
            : CorrectionStep.Refuse(correction.State, Refusal.Forbidden($"这项更正正在等待{ReviewWorkflow.ChineseName(stage)}，您没有{ReviewWorkflow.ChineseName(stage)}权限。"));
    }
}
