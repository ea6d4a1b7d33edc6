namespace Gongkai.Requests.Rules;

/// <summary>The things that happen to a request and move its clock. Each carries the date it happened, which may
/// be earlier than the day it was recorded (paper and post arrive late into the system).</summary>
public enum RequestEventType
{
    Received,
    CorrectionRequested,
    CorrectionReceived,
    CorrectionLapsed,
    ConsultationStarted,
    ConsultationEnded,
    ExtensionApproved,
    FeeNoticeIssued,
    FeePaid,
    FeeLapsed,
    Replied,
    Transferred,
}

/// <summary>One event as the clock sees it.</summary>
/// <param name="WorkingDays">The length of an approved extension; null for every other type.</param>
public sealed record RequestEvent(RequestEventType Type, DateOnly On, int? WorkingDays = null);

/// <summary>API codes and Chinese names of event types.</summary>
public static class RequestEventTypes
{
    private static readonly (RequestEventType Type, string Code, string Name)[] Table =
    [
        (RequestEventType.Received, "received", "收到申请"),
        (RequestEventType.CorrectionRequested, "correction-requested", "告知补正"),
        (RequestEventType.CorrectionReceived, "correction-received", "收到补正"),
        (RequestEventType.CorrectionLapsed, "correction-lapsed", "逾期未补正"),
        (RequestEventType.ConsultationStarted, "consultation-started", "征求意见"),
        (RequestEventType.ConsultationEnded, "consultation-ended", "征求意见结束"),
        (RequestEventType.ExtensionApproved, "extension-approved", "批准延期"),
        (RequestEventType.FeeNoticeIssued, "fee-notice-issued", "发出收费通知"),
        (RequestEventType.FeePaid, "fee-paid", "缴纳费用"),
        (RequestEventType.FeeLapsed, "fee-lapsed", "逾期未缴费"),
        (RequestEventType.Replied, "replied", "作出答复"),
        (RequestEventType.Transferred, "transferred", "告知非本机关负责"),
    ];

    public static string Code(RequestEventType type) => Table.First(t => t.Type == type).Code;

    public static string ChineseName(RequestEventType type) => Table.First(t => t.Type == type).Name;

    /// <summary>The type for an API code; null when the code is unknown.</summary>
    public static RequestEventType? Parse(string? code) =>
        Table.Where(t => t.Code == code).Select(t => (RequestEventType?)t.Type).FirstOrDefault();

    /// <summary>The codes staff may send to the events endpoint (receipt is recorded with the application itself).</summary>
    public static IReadOnlyList<string> RecordableCodes { get; } =
        Table.Where(t => t.Type != RequestEventType.Received).Select(t => t.Code).ToArray();

    /// <summary>Events after which nothing more happens to the request.</summary>
    public static bool IsFinal(RequestEventType type) => type is RequestEventType.Replied or RequestEventType.Transferred
        or RequestEventType.CorrectionLapsed or RequestEventType.FeeLapsed;
}
