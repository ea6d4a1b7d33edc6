using Gongkai.Platform.Outcomes;

namespace Gongkai.Hotline.Rules;

/// <summary>Where a ticket (工单) stands. Open (<see cref="TicketFlow.IsOpen"/>) until 办结 or 直接答复; a reopening
/// (重办) makes it open again.</summary>
public enum TicketStatus
{
    /// <summary>受理: taken in, waiting for the dispatcher.</summary>
    Received,

    /// <summary>已派单: sent to a body, waiting for it to sign.</summary>
    Dispatched,

    /// <summary>已退单: the body sent it back; waiting for the dispatcher again.</summary>
    Returned,

    /// <summary>办理中: the body signed and handles it.</summary>
    Handling,

    /// <summary>已办结: replied, waiting for the citizen's evaluation.</summary>
    Replied,

    /// <summary>已评价: the citizen rated the reply.</summary>
    Evaluated,

    /// <summary>重办中: reopened after an unsatisfied evaluation; the same body handles it again.</summary>
    Reopened,

    /// <summary>直接答复: the operator answered at once (from the knowledge base); never dispatched.</summary>
    AnsweredDirectly,

    /// <summary>已合并: a duplicate (same matter, same place) merged into another ticket, whose reply its caller hears.</summary>
    Merged,
}

/// <summary>The event types of the staff API (<c>POST /api/v1/hotline/tickets/{id}/events</c>).</summary>
public enum TicketEventType
{
    Received,
    Dispatched,
    SignedFor,
    Returned,
    ExtensionApproved,
    Replied,
    Evaluated,
    Reopened,
    AnsweredDirectly,
    Merged,
    ExtensionRequested,
    ExtensionRefused,
}

/// <summary>The citizen's verdict on a reply (回访评价).</summary>
public enum Rating
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
}

/// <summary>How pressing a ticket is; the time limits follow from it (and may differ per category).</summary>
public enum Urgency
{
    Urgent,
    General,
    Complex,
    Consultation,
}

/// <summary>Codes and Chinese names of statuses, event types, ratings and urgencies.</summary>
public static class TicketVocabulary
{
    public static string Code(TicketEventType type) => type switch
    {
        TicketEventType.Received => "received",
        TicketEventType.Dispatched => "dispatched",
        TicketEventType.SignedFor => "signed",
        TicketEventType.Returned => "returned",
        TicketEventType.ExtensionApproved => "extension-approved",
        TicketEventType.Replied => "replied",
        TicketEventType.Evaluated => "evaluated",
        TicketEventType.Reopened => "reopened",
        TicketEventType.AnsweredDirectly => "answered-directly",
        TicketEventType.Merged => "merged",
        TicketEventType.ExtensionRequested => "extension-requested",
        TicketEventType.ExtensionRefused => "extension-refused",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static TicketEventType? ParseEvent(string? code) =>
        Enum.GetValues<TicketEventType>().Cast<TicketEventType?>().FirstOrDefault(t => Code(t!.Value) == code?.Trim());

    public static string ChineseName(TicketEventType type) => type switch
    {
        TicketEventType.Received => "受理",
        TicketEventType.Dispatched => "派单",
        TicketEventType.SignedFor => "签收",
        TicketEventType.Returned => "退单",
        TicketEventType.ExtensionApproved => "延期（中心批准）",
        TicketEventType.Replied => "办结答复",
        TicketEventType.Evaluated => "回访评价",
        TicketEventType.Reopened => "重办",
        TicketEventType.AnsweredDirectly => "直接答复",
        TicketEventType.Merged => "合并重复工单",
        TicketEventType.ExtensionRequested => "申请延期（承办单位）",
        TicketEventType.ExtensionRefused => "不同意延期（中心）",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Code(TicketStatus status) => status switch
    {
        TicketStatus.Received => "received",
        TicketStatus.Dispatched => "dispatched",
        TicketStatus.Returned => "returned",
        TicketStatus.Handling => "signed",
        TicketStatus.Replied => "replied",
        TicketStatus.Evaluated => "evaluated",
        TicketStatus.Reopened => "reopened",
        TicketStatus.AnsweredDirectly => "answered-directly",
        TicketStatus.Merged => "merged",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static TicketStatus? ParseStatus(string? code) =>
        Enum.GetValues<TicketStatus>().Cast<TicketStatus?>().FirstOrDefault(s => Code(s!.Value) == code?.Trim());

    public static string ChineseName(TicketStatus status) => status switch
    {
        TicketStatus.Received => "待派单",
        TicketStatus.Dispatched => "待签收",
        TicketStatus.Returned => "已退单，待改派",
        TicketStatus.Handling => "办理中",
        TicketStatus.Replied => "已办结，待回访",
        TicketStatus.Evaluated => "已评价",
        TicketStatus.Reopened => "重办中",
        TicketStatus.AnsweredDirectly => "直接答复",
        TicketStatus.Merged => "已合并",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Code(Rating rating) => rating switch
    {
        Rating.Satisfied => "satisfied",
        Rating.BasicallySatisfied => "basically-satisfied",
        Rating.Unsatisfied => "unsatisfied",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    /// <summary>Accepts the code or the Chinese word (满意/基本满意/不满意).</summary>
    public static Rating? ParseRating(string? text) => text?.Trim() switch
    {
        "satisfied" or "满意" => Rating.Satisfied,
        "basically-satisfied" or "基本满意" => Rating.BasicallySatisfied,
        "unsatisfied" or "不满意" => Rating.Unsatisfied,
        _ => null,
    };

    public static string ChineseName(Rating rating) => rating switch
    {
        Rating.Satisfied => "满意",
        Rating.BasicallySatisfied => "基本满意",
        Rating.Unsatisfied => "不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    public static string Code(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "urgent",
        Urgency.General => "general",
        Urgency.Complex => "complex",
        Urgency.Consultation => "consultation",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
    };

    public static Urgency? ParseUrgency(string? code) =>
        Enum.GetValues<Urgency>().Cast<Urgency?>().FirstOrDefault(u => Code(u!.Value) == code?.Trim());

    public static string ChineseName(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "紧急",
        Urgency.General => "一般",
        Urgency.Complex => "复杂",
        Urgency.Consultation => "咨询",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
    };
}

/// <summary>What the flow needs to know about a ticket to judge the next event.</summary>
/// <param name="PendingExtensionDays">The working days the body asked for in an extension request (延期申请) the centre has not
/// decided yet; null when none waits.</param>
public sealed record TicketState(TicketStatus Status, int ReopenCount, Rating? LastRating, bool HasBody, int? PendingExtensionDays = null);

/// <summary>One event as asked for, with only the details its type uses.</summary>
public sealed record TicketStep(
    TicketEventType Type, bool BodyGiven = false, string? Reason = null, int? WorkingDays = null, string? Text = null, Rating? Rating = null, bool IntoGiven = false);

/// <summary>
/// The ticket's event state machine, a plain rule: intake → dispatched → signed | returned (→ dispatched again) →
/// extension (while handling) → replied → evaluated → reopened once (after 不满意) → replied → evaluated. A received
/// ticket may instead be answered at once (直接答复). Every refusal says, in Chinese, why the step cannot happen now.
/// </summary>
public static class TicketFlow
{
    /// <summary>The most working days one extension may add.</summary>
    public const int MaxExtensionWorkingDays = 30;

    /// <summary>How many times a ticket may be reopened (重办一次).</summary>
    public const int MaxReopenings = 1;

    public const int MaxTextLength = 4000;

    /// <summary>Whether the ticket's own matter is still being handled. A merged ticket is not: its matter is handled on the
    /// ticket it was merged into (whose state it reports to its caller).</summary>
    public static bool IsOpen(TicketStatus status) =>
        status is not (TicketStatus.Replied or TicketStatus.Evaluated or TicketStatus.AnsweredDirectly or TicketStatus.Merged);

    /// <summary>Statuses in which the body owes a reply (its reply clock runs).</summary>
    public static bool IsHandling(TicketStatus status) => status is TicketStatus.Handling or TicketStatus.Reopened;

    /// <summary>Which events an actor could record next, for showing the right forms.</summary>
    public static IReadOnlyList<TicketEventType> Next(TicketState state) =>
        Enum.GetValues<TicketEventType>().Where(t => t != TicketEventType.Received && Apply(state, Probe(t)).Succeeded).ToList();

    private static TicketStep Probe(TicketEventType type) => new(type, BodyGiven: true, Reason: "-", WorkingDays: 1, Text: "-", Rating: Rating.Unsatisfied, IntoGiven: true);

    /// <summary>The status after <paramref name="step"/>, or the refusal saying why it cannot happen now.</summary>
    public static Outcome<TicketState> Apply(TicketState state, TicketStep step)
    {
        var status = state.Status;
        var name = TicketVocabulary.ChineseName(step.Type);
        Refusal OutOfOrder(string why) =>
            Refusal.Conflict($"工单当前状态为“{TicketVocabulary.ChineseName(status)}”，不能{name}：{why}", "办理顺序不对");

        switch (step.Type)
        {
            case TicketEventType.Received:
                return Refusal.Conflict("工单已经受理，不能再次受理。", "办理顺序不对");

            case TicketEventType.AnsweredDirectly:
                if (status != TicketStatus.Received)
                {
                    return OutOfOrder("只有尚未派单的工单可以直接答复。");
                }

                return Either(Required(step.Text, "text", "请填写答复内容。"), Next(state, TicketStatus.AnsweredDirectly));

            case TicketEventType.Merged:
                if (status is not (TicketStatus.Received or TicketStatus.Returned))
                {
                    return OutOfOrder("只有尚未派出（待派单或已退单）的工单可以作为重复工单合并。");
                }

                return step.IntoGiven ? Next(state, TicketStatus.Merged) with { HasBody = false }
                    : Refusal.InvalidField("into", "合并须指定并入哪件工单。", "缺少主工单");

            case TicketEventType.Dispatched:
                if (status is not (TicketStatus.Received or TicketStatus.Returned))
                {
                    return OutOfOrder(status == TicketStatus.Dispatched ? "已派单，等待承办单位签收或退单。" : "只有待派单或已退单的工单可以派单。");
                }

                return step.BodyGiven ? Next(state, TicketStatus.Dispatched) with { HasBody = true }
                    : Refusal.InvalidField("body", "派单须指定承办单位。", "缺少承办单位");

            case TicketEventType.SignedFor:
                return status == TicketStatus.Dispatched ? Next(state, TicketStatus.Handling)
                    : OutOfOrder("只有已派单、待签收的工单可以签收。");

            case TicketEventType.Returned:
                if (status is not (TicketStatus.Dispatched or TicketStatus.Handling))
                {
                    return OutOfOrder(status is TicketStatus.Replied or TicketStatus.Evaluated ? "工单已经办结，不能退单。" : "只有已派给本单位、尚未办结的工单可以退单。");
                }

                return Either(Required(step.Reason, "reason", "退单须说明理由。"), Next(state, TicketStatus.Returned) with { HasBody = false, PendingExtensionDays = null });

            case TicketEventType.ExtensionRequested:
                if (!IsHandling(status))
                {
                    return OutOfOrder("只有承办单位已签收、尚未办结的工单可以申请延期。");
                }

                if (state.PendingExtensionDays is { } waiting)
                {
                    return Refusal.Conflict($"已有一份延期{waiting}个工作日的申请等待中心审批，审批后才能再次申请。", "已有待审批的延期申请");
                }

                if (step.WorkingDays is not (>= 1 and <= MaxExtensionWorkingDays))
                {
                    return Refusal.InvalidField("workingDays", $"申请延期的天数应为 1 到 {MaxExtensionWorkingDays} 个工作日。", "延期天数有误");
                }

                return Either(Required(step.Reason, "reason", "申请延期须说明理由。"), state with { PendingExtensionDays = step.WorkingDays });

            case TicketEventType.ExtensionApproved:
                if (!IsHandling(status))
                {
                    return OutOfOrder("只有承办单位已签收、尚未办结的工单可以延期。");
                }

                // Approving a request grants the days asked for unless the centre names others; the centre may also
                // record an extension agreed by telephone without a request in the system.
                return (step.WorkingDays ?? state.PendingExtensionDays) is >= 1 and <= MaxExtensionWorkingDays ? state with { PendingExtensionDays = null }
                    : Refusal.InvalidField("workingDays", $"延期天数应为 1 到 {MaxExtensionWorkingDays} 个工作日。", "延期天数有误");

            case TicketEventType.ExtensionRefused:
                if (state.PendingExtensionDays is null)
                {
                    return OutOfOrder("没有等待审批的延期申请。");
                }

                return Either(Required(step.Reason, "reason", "不同意延期须说明理由，承办单位将看到。"), state with { PendingExtensionDays = null });

            case TicketEventType.Replied:
                if (!IsHandling(status))
                {
                    return OutOfOrder(status == TicketStatus.Dispatched ? "承办单位须先签收，才能办结答复。" : "只有办理中的工单可以办结答复。");
                }

                return Either(Required(step.Text, "text", "请填写答复内容（将告知市民）。"), Next(state, TicketStatus.Replied) with { PendingExtensionDays = null });

            case TicketEventType.Evaluated:
                if (status != TicketStatus.Replied)
                {
                    return OutOfOrder("只有已办结、待回访的工单可以评价。");
                }

                return step.Rating is { } rating ? Next(state, TicketStatus.Evaluated) with { LastRating = rating }
                    : Refusal.InvalidField("rating", "评价应为满意、基本满意或不满意。", "评价有误");

            case TicketEventType.Reopened:
                if (state.ReopenCount >= MaxReopenings)
                {
                    return Refusal.Conflict($"工单已经重办过{state.ReopenCount}次，每件工单只能重办一次。", "不能再次重办");
                }

                if (status != TicketStatus.Evaluated || state.LastRating != Rating.Unsatisfied)
                {
                    return OutOfOrder("只有市民评价为“不满意”的工单可以重办。");
                }

                return Either(Required(step.Reason, "reason", "重办须记录不满意的理由和中心的决定。"), Next(state, TicketStatus.Reopened) with { ReopenCount = state.ReopenCount + 1 });

            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Type, null);
        }
    }

    private static TicketState Next(TicketState state, TicketStatus status) => state with { Status = status };

    /// <summary>The working days of the extension request still waiting for the centre, read from the events in order:
    /// a request waits until the centre approves or refuses it, or the body replies or returns the ticket.</summary>
    public static int? PendingExtension(IEnumerable<(TicketEventType Type, int? WorkingDays)> events)
    {
        int? pending = null;
        foreach (var (type, days) in events)
        {
            pending = type switch
            {
                TicketEventType.ExtensionRequested => days,
                TicketEventType.ExtensionApproved or TicketEventType.ExtensionRefused or TicketEventType.Replied or TicketEventType.Returned => null,
                _ => pending,
            };
        }

        return pending;
    }

    private static Outcome<TicketState> Either(Refusal? refusal, TicketState next) => refusal is null ? next : refusal;

    private static Refusal? Required(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Refusal.InvalidField(field, message);
        }

        return value.Trim().Length > MaxTextLength
            ? Refusal.InvalidField(field, $"内容不能超过 {MaxTextLength} 个字。")
            : null;
    }
}
