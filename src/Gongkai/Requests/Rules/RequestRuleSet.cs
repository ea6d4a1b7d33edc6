using System.Globalization;

namespace Gongkai.Requests.Rules;

/// <summary>
/// The periods one version of the 政府信息公开条例 sets for answering a request. A future revision of the regulation
/// is a new entry in <see cref="RequestRuleSets.All"/>, not new code: the clock reads only these numbers.
/// </summary>
/// <param name="Code">Stable identifier stored with each request, e.g. "2019".</param>
/// <param name="Name">How the page names the rule set.</param>
/// <param name="AppliesFrom">The first receipt date the rule set governs; null for the earliest one.</param>
/// <param name="ReplyWorkingDays">The reply period in working days.</param>
/// <param name="MaxExtensionWorkingDays">The most an approved extension (or several together) may add.</param>
/// <param name="ConsultationWorkingDays">How long a consulted third party or agency has to answer; the time is not counted.</param>
/// <param name="CorrectionRequestWithinWorkingDays">How soon after receipt a correction (补正) should be asked for;
/// null where the regulation set no period. A later request is flagged, not refused.</param>
/// <param name="FeePaymentWorkingDays">How long the applicant has to pay after a fee notice before the request
/// counts as abandoned.</param>
/// <param name="FeeNoticeStopsClock">Whether the time between a fee notice and the payment is left out of the
/// reply period (国办函〔2020〕109号; kept as data because the digest marks it unconfirmed).</param>
/// <param name="LegalBasis">The articles the periods come from, shown with the deadline.</param>
public sealed record RequestRuleSet(
    string Code,
    string Name,
    DateOnly? AppliesFrom,
    int ReplyWorkingDays,
    int MaxExtensionWorkingDays,
    int ConsultationWorkingDays,
    int? CorrectionRequestWithinWorkingDays,
    int FeePaymentWorkingDays,
    bool FeeNoticeStopsClock,
    string LegalBasis)
{
    /// <summary>One line for pages: "2019年条例：20个工作日内答复，经批准可延长不超过20个工作日".</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}：{ReplyWorkingDays}个工作日内答复，经批准可延长不超过{MaxExtensionWorkingDays}个工作日");
}

/// <summary>The rule sets in force over time, and the choice among them by the date a request was received.</summary>
public static class RequestRuleSets
{
    /// <summary>The day the revised regulation (国务院令第711号) took effect.</summary>
    public static readonly DateOnly Revision2019EffectiveOn = new(2019, 5, 15);

    public static readonly RequestRuleSet Regulation2007 = new(
        Code: "2007",
        Name: "2007年《政府信息公开条例》",
        AppliesFrom: null,
        ReplyWorkingDays: 15,
        MaxExtensionWorkingDays: 15,
        ConsultationWorkingDays: 15,
        CorrectionRequestWithinWorkingDays: null,
        FeePaymentWorkingDays: 20,
        FeeNoticeStopsClock: true,
        LegalBasis: "2007年《政府信息公开条例》第二十四条（答复期限与延长）、第二十三条（征求第三方意见，所需时间不计算在期限内）");

    public static readonly RequestRuleSet Regulation2019 = new(
        Code: "2019",
        Name: "2019年《政府信息公开条例》",
        AppliesFrom: Revision2019EffectiveOn,
        ReplyWorkingDays: 20,
        MaxExtensionWorkingDays: 20,
        ConsultationWorkingDays: 15,
        CorrectionRequestWithinWorkingDays: 7,
        FeePaymentWorkingDays: 20,
        FeeNoticeStopsClock: true,
        LegalBasis: "2019年《政府信息公开条例》第三十条（补正）、第三十二条和第三十四条（征求意见）、第三十三条（答复期限与延长），国办函〔2020〕109号（信息处理费）");

    /// <summary>Every rule set, oldest first.</summary>
    public static IReadOnlyList<RequestRuleSet> All { get; } = [Regulation2007, Regulation2019];

    /// <summary>The rule set governing a request received on <paramref name="receivedOn"/>: the latest one that
    /// applies from that date or earlier.</summary>
    public static RequestRuleSet ForReceipt(DateOnly receivedOn) =>
        All.Where(r => r.AppliesFrom is null || r.AppliesFrom <= receivedOn).OrderBy(r => r.AppliesFrom ?? DateOnly.MinValue).Last();

    public static RequestRuleSet? ByCode(string? code) => All.FirstOrDefault(r => r.Code == code);
}
