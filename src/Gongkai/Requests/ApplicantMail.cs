using Gongkai.Platform.Notifications;
using Gongkai.Requests.Rules;

namespace Gongkai.Requests;

/// <summary>
/// E-mails to an applicant who gave an address: the acknowledgement (tracking number and query code, as the
/// confirmation page shows them) and a notice for each event that asks something of the applicant or answers them.
/// Later notices never repeat the query code: the applicant reads the details on the tracking page with it. Nor does
/// any mail carry a download link: a reply's files are fetched on the tracking page with number and code.
/// </summary>
public static class ApplicantMail
{
    public const string AcknowledgementKind = "request.acknowledged";
    public const string EventKind = "request.applicant-notice";
    public const string ReplyFileKind = "request.reply-file";

    /// <summary>Events the applicant hears about by e-mail.</summary>
    private static readonly HashSet<RequestEventType> Told =
    [
        RequestEventType.CorrectionRequested, RequestEventType.ExtensionApproved, RequestEventType.FeeNoticeIssued,
        RequestEventType.Replied, RequestEventType.Transferred,
    ];

    public static Notification? Acknowledgement(DisclosureRequest request, string bodyName, string code, DateOnly? dueOn) =>
        string.IsNullOrWhiteSpace(request.Email)
            ? null
            : new Notification(
                [request.Email],
                $"政府信息公开申请已收到（{request.TrackingNumber}）",
                $"""
                {request.ApplicantName}：

                {bodyName}已于{RequestPresentation.Date(request.ReceivedOn)}收到您的政府信息公开申请。
                申请编号：{request.TrackingNumber}
                查询码：{code}
                {(dueOn is { } due ? $"答复期限：{RequestPresentation.Date(due)}前" : "答复期限：节假日安排导入后确定")}

                请妥善保存申请编号和查询码，凭它们可以在本网站“依申请公开—申请查询”页面（/requests/track）查看办理进度和答复。
                本邮件由系统发出，请勿直接回复。
                """,
                AcknowledgementKind);

    public static Notification? ForEvent(DisclosureRequest request, RequestEventType type, string details) =>
        string.IsNullOrWhiteSpace(request.Email) || !Told.Contains(type)
            ? null
            : new Notification(
                [request.Email],
                $"您的政府信息公开申请有新进展：{RequestEventTypes.ChineseName(type)}（{request.TrackingNumber}）",
                $"""
                {request.ApplicantName}：

                您的申请（编号 {request.TrackingNumber}）有新进展：{RequestEventTypes.ChineseName(type)}。
                {(string.IsNullOrWhiteSpace(details) ? "" : $"说明：{details}")}
                {(type == RequestEventType.CorrectionRequested ? "请按说明补正申请内容；补正期间答复期限暂停计算。" : "")}
                请凭申请编号和查询码在本网站“依申请公开—申请查询”页面（/requests/track）查看详情{(type == RequestEventType.Replied ? "、答复书和附件" : "")}。
                本邮件由系统发出，请勿直接回复。
                """,
                EventKind);

    /// <summary>The notice that a file was added to the reply (files are added after the reply is recorded, so the
    /// reply notice cannot list them): which file, how many the reply now has, and where to download them.</summary>
    public static Notification? ReplyFileAdded(DisclosureRequest request, string fileName, string kindName, int fileCount) =>
        string.IsNullOrWhiteSpace(request.Email)
            ? null
            : new Notification(
                [request.Email],
                $"您的政府信息公开申请答复附件可以下载了（{request.TrackingNumber}）",
                $"""
                {request.ApplicantName}：

                您的申请（编号 {request.TrackingNumber}）的答复新增附件：{fileName}（{kindName}）。这份答复现有 {fileCount} 个附件。
                请在本网站“依申请公开—申请查询”页面（/requests/track）输入申请编号和查询码，在答复下方的“答复附件”中下载。
                为保护您的信息，本邮件不附带文件，也不含下载链接和查询码；查询码见受理时的回执邮件或确认页面。
                本邮件由系统发出，请勿直接回复。
                """,
                ReplyFileKind);
}
