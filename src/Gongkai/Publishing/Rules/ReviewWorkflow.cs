using System.Diagnostics.CodeAnalysis;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Rules;

/// <summary>Where a document is in its life: editing, the three review stages (三审), publication, withdrawal.</summary>
public enum DocumentStatus
{
    Draft,

    /// <summary>Returned by a reviewer with a comment; editable like a draft.</summary>
    Returned,

    /// <summary>Submitted, waiting for 初审.</summary>
    AwaitingFirstReview,

    /// <summary>初审 passed, waiting for 复审.</summary>
    AwaitingSecondReview,

    /// <summary>复审 passed, waiting for 终审.</summary>
    AwaitingFinalReview,

    /// <summary>终审 passed, to be published at a set time.</summary>
    Scheduled,

    Published,

    /// <summary>撤回: the page remains as a tombstone with the reason.</summary>
    Withdrawn,
}

/// <summary>The three review stages.</summary>
public enum ReviewStage
{
    First,
    Second,
    Final,
}

/// <summary>The facts about a document the workflow decides on. The <c>…ApprovedBy</c> values are user ids for the
/// current submission (cleared when it is returned).</summary>
public sealed record ReviewSubject(
    DocumentStatus Status,
    string? SubmittedBy,
    string? FirstApprovedBy,
    string? SecondApprovedBy,
    bool IsNormative,
    bool HasInterpretation,
    string? NoInterpretationReason);

/// <summary>Who acts: a user id and the review stages they hold.</summary>
public sealed record ReviewActor(string UserId, IReadOnlySet<ReviewStage> Stages);

/// <summary>A decision: the next status and the history action name, or the refusal (its kind decided here: a
/// conflict when the document is no longer at the step the actor saw, forbidden when the actor lacks the stage).</summary>
public sealed record WorkflowResult(DocumentStatus Next, string? Action, Refusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(Action))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Allowed => Refusal is null;

    public bool IsConflict => Refusal?.Kind == RefusalKind.Conflict;

    public string? Error => Refusal?.Message;

    internal static WorkflowResult Go(DocumentStatus next, string action) => new(next, action, null);

    internal static WorkflowResult Refuse(DocumentStatus current, string error) => new(current, null, Refusal.Invalid(error));

    internal static WorkflowResult Forbid(DocumentStatus current, string error) => new(current, null, Refusal.Forbidden(error));

    /// <summary>A missing or too long reason: the <c>reason</c> field is wrong.</summary>
    internal static WorkflowResult BadReason(DocumentStatus current, string error) => new(current, null, Refusal.InvalidField("reason", error));

    internal static WorkflowResult Conflict(DocumentStatus current, string error) => new(current, null, Refusal.Conflict(error));
}

/// <summary>
/// The review state machine: draft → submitted → 初审 → 复审 → 终审 → published (now or at a scheduled time). Any
/// review stage may return the document with a comment. Nobody approves a stage of their own submission, and one
/// person approves at most one stage of a submission, so three different people see it (三审). A normative
/// document (行政规范性文件) passes 终审 only with an interpretation, or with a reviewer's recorded reason why none
/// is needed. No I/O: callers load the facts, apply the result and save.
/// </summary>
public static class ReviewWorkflow
{
    public static bool IsEditable(DocumentStatus status) => status is DocumentStatus.Draft or DocumentStatus.Returned;

    public static bool IsPublic(DocumentStatus status) => status is DocumentStatus.Published or DocumentStatus.Withdrawn;

    /// <summary>The status in which a document waits for <paramref name="stage"/>.</summary>
    public static DocumentStatus AwaitingStatus(ReviewStage stage) => stage switch
    {
        ReviewStage.First => DocumentStatus.AwaitingFirstReview,
        ReviewStage.Second => DocumentStatus.AwaitingSecondReview,
        ReviewStage.Final => DocumentStatus.AwaitingFinalReview,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static ReviewStage? StageAwaited(DocumentStatus status) => status switch
    {
        DocumentStatus.AwaitingFirstReview => ReviewStage.First,
        DocumentStatus.AwaitingSecondReview => ReviewStage.Second,
        DocumentStatus.AwaitingFinalReview => ReviewStage.Final,
        _ => null,
    };

    public static string ChineseName(ReviewStage stage) => stage switch
    {
        ReviewStage.First => "初审",
        ReviewStage.Second => "复审",
        ReviewStage.Final => "终审",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static string ChineseName(DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => "草稿",
        DocumentStatus.Returned => "已退回",
        DocumentStatus.AwaitingFirstReview => "待初审",
        DocumentStatus.AwaitingSecondReview => "待复审",
        DocumentStatus.AwaitingFinalReview => "待终审",
        DocumentStatus.Scheduled => "待定时发布",
        DocumentStatus.Published => "已发布",
        DocumentStatus.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static WorkflowResult Submit(ReviewSubject document) =>
        IsEditable(document.Status)
            ? WorkflowResult.Go(DocumentStatus.AwaitingFirstReview, "submitted")
            : WorkflowResult.Conflict(document.Status, $"该文件当前状态为“{ChineseName(document.Status)}”，不能提交审核。");

    /// <summary>Approves <paramref name="stage"/>; after 终审 the document is published now, or scheduled when
    /// <paramref name="publishAt"/> lies after <paramref name="now"/>.</summary>
    public static WorkflowResult Approve(ReviewSubject document, ReviewActor actor, ReviewStage stage, DateTimeOffset now, DateTimeOffset? publishAt = null)
    {
        if (document.Status != AwaitingStatus(stage))
        {
            return WorkflowResult.Conflict(document.Status,
                $"该文件已不在{ChineseName(stage)}环节（当前状态：{ChineseName(document.Status)}），可能已由其他审核人处理，请刷新后查看。");
        }

        if (!actor.Stages.Contains(stage))
        {
            return WorkflowResult.Forbid(document.Status, $"您没有{ChineseName(stage)}权限。");
        }

        if (actor.UserId == document.SubmittedBy)
        {
            return WorkflowResult.Refuse(document.Status, "不能审核本人提交的文件。");
        }

        if (actor.UserId == document.FirstApprovedBy || actor.UserId == document.SecondApprovedBy)
        {
            return WorkflowResult.Refuse(document.Status, "同一人不能审核同一文件的两个环节，请由其他审核人办理。");
        }

        switch (stage)
        {
            case ReviewStage.First:
                return WorkflowResult.Go(DocumentStatus.AwaitingSecondReview, "approved-first");
            case ReviewStage.Second:
                return WorkflowResult.Go(DocumentStatus.AwaitingFinalReview, "approved-second");
            default:
                if (document.IsNormative && !document.HasInterpretation && string.IsNullOrWhiteSpace(document.NoInterpretationReason))
                {
                    return WorkflowResult.Refuse(document.Status,
                        "行政规范性文件须与政策解读同步公开：请先关联解读材料，或填写无需解读的理由。");
                }

                return publishAt is { } at && at > now
                    ? WorkflowResult.Go(DocumentStatus.Scheduled, "approved-final-scheduled")
                    : WorkflowResult.Go(DocumentStatus.Published, "approved-final");
        }
    }

    /// <summary>Returns the document to its editor from the stage it waits in; a comment is required.</summary>
    public static WorkflowResult Return(ReviewSubject document, ReviewActor actor, ReviewStage stage, string? comment)
    {
        if (document.Status != AwaitingStatus(stage))
        {
            return WorkflowResult.Conflict(document.Status,
                $"该文件已不在{ChineseName(stage)}环节（当前状态：{ChineseName(document.Status)}），可能已由其他审核人处理，请刷新后查看。");
        }

        if (!actor.Stages.Contains(stage))
        {
            return WorkflowResult.Forbid(document.Status, $"您没有{ChineseName(stage)}权限。");
        }

        return string.IsNullOrWhiteSpace(comment)
            ? WorkflowResult.Refuse(document.Status, "退回时请填写退回意见。")
            : WorkflowResult.Go(DocumentStatus.Returned, "returned-" + stage.ToString().ToLowerInvariant());
    }

    /// <summary>Publishes a scheduled document (its time has come, or a final reviewer brings it forward).</summary>
    public static WorkflowResult PublishScheduled(ReviewSubject document) =>
        document.Status == DocumentStatus.Scheduled
            ? WorkflowResult.Go(DocumentStatus.Published, "published")
            : WorkflowResult.Conflict(document.Status, $"只有待定时发布的文件可以立即发布（当前状态：{ChineseName(document.Status)}）。");

    /// <summary>The longest correction reason kept (the version's column).</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>更正: a published document gets a new version; the reason is shown publicly.</summary>
    public static WorkflowResult Correct(ReviewSubject document, string? reason)
    {
        if (document.Status != DocumentStatus.Published)
        {
            return WorkflowResult.Conflict(document.Status, $"只有已发布的文件可以更正（当前状态：{ChineseName(document.Status)}）。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return WorkflowResult.BadReason(document.Status, "请填写更正说明。");
        }

        return reason.Trim().Length > MaxReasonLength
            ? WorkflowResult.BadReason(document.Status, $"更正说明不能超过 {MaxReasonLength} 个字。")
            : WorkflowResult.Go(DocumentStatus.Published, "corrected");
    }

    /// <summary>撤回: the document leaves lists; its page stays with the reason.</summary>
    public static WorkflowResult Withdraw(ReviewSubject document, string? reason)
    {
        if (document.Status != DocumentStatus.Published)
        {
            return WorkflowResult.Conflict(document.Status, $"只有已发布的文件可以撤回（当前状态：{ChineseName(document.Status)}）。");
        }

        return string.IsNullOrWhiteSpace(reason)
            ? WorkflowResult.BadReason(document.Status, "请填写撤回理由。")
            : WorkflowResult.Go(DocumentStatus.Withdrawn, "withdrawn");
    }
}
