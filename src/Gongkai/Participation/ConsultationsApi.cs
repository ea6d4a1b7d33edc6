using System.Security.Claims;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Participation;

/// <summary>The body of <c>POST /api/v1/consultations</c> and <c>PUT /api/v1/consultations/{id}</c>.</summary>
public sealed record ConsultationRequest(
    string? Body, string? Title, string? Kind, string? DraftHtml, string? ExplanationHtml, DateOnly? OpensOn, DateOnly? ClosesOn,
    string? ShortenedReason = null, IReadOnlyList<string>? Options = null, string? HowToComment = null);

/// <summary>The answer to creating a consultation.</summary>
public sealed record ConsultationCreated(int Id, string Status);

/// <summary>A consultation's status after a step.</summary>
public sealed record ConsultationStatusResponse(int Id, string Status);

/// <summary>The body of <c>POST /api/v1/consultations/{id}/comments</c>; <c>channel</c> and <c>receivedOn</c> only with a staff token.</summary>
public sealed record CommentRequest(string? Name, string? Contact, string? Text, string? Clause = null, string? Option = null, string? Channel = null, DateOnly? ReceivedOn = null);

/// <summary>A stored comment: its id, and a notice when its text carried markup (kept as plain text).</summary>
public sealed record CommentCreated(long Id, string Moderation, string? Notice);

/// <summary>A comment as the body's staff see it (with the commenter's contact).</summary>
public sealed record StaffComment(long Id, string? Name, string Contact, string Text, string PublicText, string? Clause, int? Option, string Channel,
    DateOnly ReceivedOn, string Moderation, int? Group);

/// <summary>The body of the moderation call.</summary>
public sealed record ModerationRequest(string? Moderation);

/// <summary>One group in <c>PUT /api/v1/consultations/{id}/feedback</c>.</summary>
public sealed record FeedbackGroupRequest(IReadOnlyList<long>? CommentIds, string? Decision, string? Reason = null, string? Summary = null);

/// <summary>The body of <c>PUT /api/v1/consultations/{id}/feedback</c>.</summary>
public sealed record FeedbackRequest(string? Summary, IReadOnlyList<FeedbackGroupRequest>? Groups);

/// <summary>A comment as the public reads it in the feedback: the masked text, never a name or contact.</summary>
public sealed record PublicComment(string Text);

/// <summary>A group of the published feedback.</summary>
public sealed record PublicFeedbackGroup(string Decision, string? Reason, string Summary, IReadOnlyList<PublicComment> Comments);

/// <summary>The published feedback: counts of comments per decision, the groups, and the tally per alternative.</summary>
public sealed record PublicFeedback(string Summary, int Adopted, int PartlyAdopted, int NotAdopted, IReadOnlyList<PublicFeedbackGroup> Groups, IReadOnlyList<OptionTally> Options);

/// <summary>How many comments chose an alternative.</summary>
public sealed record OptionTally(int Number, string Name, string Text, int Comments);

/// <summary>A consultation in the API. Never carries a commenter's name or contact.</summary>
public sealed record ConsultationResponse(
    int Id, string Title, string Kind, string KindName, string Status, string StatusName, string Body, string BodyName, DateOnly OpensOn, DateOnly ClosesOn,
    string? ShortenedReason, string? MinimumPeriod, int CommentCount, string Url, string? DraftHtml, string? ExplanationHtml, IReadOnlyList<string> Options,
    string HowToComment, string? DocumentIndexNo, PublicFeedback? Feedback, IReadOnlyList<ConsultationFileLink> Attachments);

/// <summary>A file published with a consultation.</summary>
public sealed record ConsultationFileLink(int Id, string FileName, string Kind, long Bytes, string Sha256, string Url);

/// <summary>A consultation in a list.</summary>
public sealed record ConsultationListItem(int Id, string Title, string Kind, string Status, string Body, DateOnly OpensOn, DateOnly ClosesOn, int CommentCount, string Url);

internal static class ConsultationsApi
{
    public static void MapConsultationsApi(this WebApplication app)
    {
        var consultations = app.MapGroup("/api/v1/consultations").WithTags("意见征集");
        consultations.MapGet("/", ListAsync).WithSummary("意见征集列表（正在征集和已结束的）").AllowAnonymous();
        consultations.MapPost("/", CreateAsync).WithSummary("起草意见征集").RequireAuthorization(ParticipationPermissions.Prepare);
        consultations.MapGet("/{id:int}", GetAsync).WithSummary("一项意见征集：草案、起草说明、征集期限和意见方式").AllowAnonymous();
        // Token-authenticated uploads: no antiforgery form token; cookie callers are protected by the SameSite sign-in cookie.
        consultations.MapPost("/{id:int}/attachments", AddAttachmentAsync).WithSummary("为尚未开始的意见征集上传附件（PDF、Word、Excel 或图片）")
            .RequireAuthorization(ParticipationPermissions.Prepare).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ConsultationAttachmentDesk.MaxBytes + 64 * 1024))
            .WithFormOptions(multipartBodyLengthLimit: ConsultationAttachmentDesk.MaxBytes + 64 * 1024);
        consultations.MapDelete("/{id:int}/attachments/{attachmentId:int}", RemoveAttachmentAsync).WithSummary("删除尚未开始的意见征集的附件")
            .RequireAuthorization(ParticipationPermissions.Prepare);
        app.MapGet("/consultations/{id:int}/attachments/{attachmentId:int}", DownloadAttachmentAsync).WithSummary("下载意见征集的附件").WithTags("意见征集").AllowAnonymous();
        consultations.MapPut("/{id:int}", UpdateAsync).WithSummary("修改尚未开始的意见征集").RequireAuthorization(ParticipationPermissions.Prepare);
        consultations.MapPost("/{id:int}/open", OpenAsync).WithSummary("开始征集（期限不足法定最短期限时须说明理由）").RequireAuthorization(ParticipationPermissions.Approve);
        consultations.MapPost("/{id:int}/comments", CommentAsync).WithSummary("公众提交意见").AllowAnonymous().RequireRateLimiting(ParticipationRateLimits.Comment);
        consultations.MapGet("/{id:int}/comments", CommentsAsync).WithSummary("工作人员查看收到的全部意见").RequireAuthorization(ParticipationPermissions.View);
        consultations.MapPost("/{id:int}/comments/{commentId:long}/moderation", ModerateAsync).WithSummary("审核一条意见是否公开").RequireAuthorization(ParticipationPermissions.Prepare);
        consultations.MapPut("/{id:int}/feedback", SaveFeedbackAsync).WithSummary("保存意见采纳情况（不予采纳须说明理由）").RequireAuthorization(ParticipationPermissions.Prepare);
        consultations.MapPost("/{id:int}/feedback/publish", PublishFeedbackAsync).WithSummary("公布意见采纳情况的反馈").RequireAuthorization(ParticipationPermissions.Approve);
    }

    private static async Task<Results<Ok<IReadOnlyList<ConsultationListItem>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string? status, ConsultationDesk desk, CancellationToken cancellationToken)
    {
        ConsultationStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            filter = ConsultationVocabulary.ParseStatus(status);
            if (filter is null or ConsultationStatus.Draft)
            {
                Outcome<IReadOnlyList<ConsultationListItem>> refused = Refusal.InvalidField("status", "状态应为 scheduled、open、closed 或 feedback-published。", "状态有误");
                return refused.ToResult(TypedResults.Ok);
            }
        }

        var rows = await desk.ListPublicAsync(filter, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ConsultationListItem>>(rows.Select(r => new ConsultationListItem(
            r.Consultation.Id, r.Consultation.Title, r.Consultation.Kind, ConsultationVocabulary.Code(r.Status), r.Body?.Code ?? "",
            r.Consultation.OpensOn, r.Consultation.ClosesOn, r.CommentCount, PageUrl(r.Consultation.Id))).ToList());
    }

    private static async Task<Results<Created<ConsultationCreated>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        ConsultationRequest request, ClaimsPrincipal user, ConsultationDesk desk, CancellationToken cancellationToken) =>
        (await desk.CreateAsync(user, Draft(request), cancellationToken))
            .ToResult(c => TypedResults.Created($"/api/v1/consultations/{c.Id}", new ConsultationCreated(c.Id, "draft")));

    private static async Task<Results<Ok<ConsultationStatusResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        int id, ConsultationRequest request, ClaimsPrincipal user, ConsultationDesk desk, CancellationToken cancellationToken) =>
        (await desk.UpdateAsync(user, id, Draft(request), cancellationToken)).ToResult(c => TypedResults.Ok(new ConsultationStatusResponse(c.Id, "draft")));

    private static ConsultationDraft Draft(ConsultationRequest r) =>
        new(r.Body, r.Title, r.Kind, r.DraftHtml, r.ExplanationHtml, r.OpensOn, r.ClosesOn, r.ShortenedReason, r.Options is null ? null : string.Join('\n', r.Options), r.HowToComment);

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        int id, ClaimsPrincipal user, ConsultationDesk desk, ConsultationAttachmentDesk files, CancellationToken cancellationToken) =>
        await (await desk.ViewAsync(user, id, cancellationToken)).ToResultAsync(async view => TypedResults.Ok(await ResponseAsync(view, desk, files, cancellationToken)));

    internal static async Task<ConsultationResponse> ResponseAsync(ConsultationView view, ConsultationDesk desk, ConsultationAttachmentDesk files, CancellationToken cancellationToken)
    {
        var c = view.Consultation;
        PublicFeedback? feedback = null;
        if (view.Status == ConsultationStatus.FeedbackPublished)
        {
            var report = await desk.FeedbackAsync(c, cancellationToken);
            feedback = new PublicFeedback(c.FeedbackSummary, report.Adopted, report.PartlyAdopted, report.NotAdopted,
                report.Groups.Select(g => new PublicFeedbackGroup(g.Group.Decision, g.Group.Reason.Length == 0 ? null : g.Group.Reason, g.Group.Summary,
                    g.Comments.Where(m => m.Moderation == "shown").Select(m => new PublicComment(m.PublicText)).ToList())).ToList(),
                c.OptionList.Select((o, i) => new OptionTally(i + 1, ConsultationVocabulary.OptionName(i + 1), o, report.OptionTally[i])).ToList());
        }

        var minimum = ConsultationRules.MinimumFor(view.Kind);
        return new ConsultationResponse(
            c.Id, c.Title, c.Kind, ConsultationVocabulary.ChineseName(view.Kind), ConsultationVocabulary.Code(view.Status), ConsultationVocabulary.ChineseName(view.Status),
            view.Body?.Code ?? "", view.Body?.Name ?? "", c.OpensOn, c.ClosesOn, c.ShortenedReason, minimum?.Describe(), await desk.CommentCountAsync(c.Id, cancellationToken),
            PageUrl(c.Id), c.DraftHtml, c.ExplanationHtml, c.OptionList, c.HowToComment, c.DocumentIndexNo, feedback,
            (await files.ListAsync(c.Id, cancellationToken)).Select(f => new ConsultationFileLink(f.Id, f.FileName, f.KindName, f.Bytes, f.Sha256, f.Url(c.Id))).ToList());
    }

    private static async Task<Results<Created<ConsultationFileLink>, ProblemHttpResult, ValidationProblem>> AddAttachmentAsync(
        int id, IFormFile? file, ClaimsPrincipal user, ConsultationAttachmentDesk files, CancellationToken cancellationToken)
    {
        Created<ConsultationFileLink> Created(ConsultationFile f) =>
            TypedResults.Created(f.Url(id), new ConsultationFileLink(f.Id, f.FileName, f.KindName, f.Bytes, f.Sha256, f.Url(id)));
        if (file is null)
        {
            Outcome<ConsultationFile> missing = Refusal.InvalidField("file", "请以 multipart/form-data 上传，文件字段名为 file。", "缺少文件");
            return missing.ToResult(Created);
        }

        await using var content = file.OpenReadStream();
        return (await files.AddAsync(user, id, file.FileName, content, cancellationToken)).ToResult(Created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RemoveAttachmentAsync(
        int id, int attachmentId, ClaimsPrincipal user, ConsultationAttachmentDesk files, CancellationToken cancellationToken) =>
        (await files.RemoveAsync(user, id, attachmentId, cancellationToken)).ToResult(TypedResults.NoContent);

    private static async Task<IResult> DownloadAttachmentAsync(int id, int attachmentId, ClaimsPrincipal user, ConsultationAttachmentDesk files, CancellationToken cancellationToken)
    {
        var file = await files.DownloadAsync(user, id, attachmentId, cancellationToken);
        return file is null
            ? TypedResults.Problem(title: "附件不存在", detail: "没有找到该附件，或它所属的意见征集尚未公布。", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.File(file.Content, file.MediaType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static async Task<Results<Ok<ConsultationStatusResponse>, ProblemHttpResult, ValidationProblem>> OpenAsync(
        int id, ClaimsPrincipal user, ConsultationDesk desk, CancellationToken cancellationToken) =>
        (await desk.OpenAsync(user, id, cancellationToken)).ToResult(v => TypedResults.Ok(new ConsultationStatusResponse(id, ConsultationVocabulary.Code(v.Status))));

    private static async Task<Results<Created<CommentCreated>, ProblemHttpResult, ValidationProblem>> CommentAsync(
        int id, CommentRequest request, ClaimsPrincipal user, ConsultationDesk desk, CancellationToken cancellationToken) =>
        (await desk.CommentAsync(user, id, new CommentInput(request.Name, request.Contact, request.Text, request.Clause, request.Option, request.Channel, request.ReceivedOn), cancellationToken))
            .ToResult(r => TypedResults.Created($"/api/v1/consultations/{id}/comments/{r.Comment.Id}",
                new CommentCreated(r.Comment.Id, r.Comment.Moderation, r.HadMarkup ? ConsultationRules.MarkupNotice : null)));

    private static async Task<Results<Ok<IReadOnlyList<StaffComment>>, ProblemHttpResult, ValidationProblem>> CommentsAsync(
        int id, ClaimsPrincipal user, ConsultationDesk desk, CancellationToken cancellationToken) =>
        (await desk.StaffCommentsAsync(user, id, cancellationToken)).ToResult(comments => TypedResults.Ok<IReadOnlyList<StaffComment>>(comments.Select(StaffView).ToList()));

    internal static StaffComment StaffView(ConsultationComment c) =>
        new(c.Id, c.Name, c.Contact, c.Text, c.PublicText, c.Clause, c.Option, c.Channel, c.ReceivedOn, c.Moderation, c.GroupId);

    private static async Task<Results<Ok<StaffComment>, ProblemHttpResult, ValidationProblem>> ModerateAsync(
        int id, long commentId, ModerationRequest request, ClaimsPrincipal user, ConsultationDesk desk, CancellationToken cancellationToken) =>
        (await desk.ModerateAsync(user, id, commentId, request.Moderation?.Trim(), cancellationToken)).ToResult(c => TypedResults.Ok(StaffView(c)));

    private static async Task<Results<Ok<ConsultationStatusResponse>, ProblemHttpResult, ValidationProblem>> SaveFeedbackAsync(
        int id, FeedbackRequest request, ClaimsPrincipal user, ConsultationDesk desk, CancellationToken cancellationToken) =>
        (await desk.SaveFeedbackAsync(user, id, request.Summary,
            request.Groups?.Select(g => new FeedbackGroupDraft(g.CommentIds ?? [], g.Decision, g.Reason, g.Summary)).ToList(), cancellationToken))
            .ToResult(v => TypedResults.Ok(new ConsultationStatusResponse(id, ConsultationVocabulary.Code(v.Status))));

    private static async Task<Results<Ok<ConsultationStatusResponse>, ProblemHttpResult, ValidationProblem>> PublishFeedbackAsync(
        int id, ClaimsPrincipal user, ConsultationDesk desk, CancellationToken cancellationToken) =>
        (await desk.PublishFeedbackAsync(user, id, cancellationToken)).ToResult(v => TypedResults.Ok(new ConsultationStatusResponse(id, ConsultationVocabulary.Code(v.Status))));

    internal static string PageUrl(int id) => $"/consultations/{id}";
}
