using System.Security.Claims;
using Gongkai.Hotline.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Hotline;

/// <summary>One event of a ticket in the staff API.</summary>
public sealed record TicketEventResponse(string Type, string Name, DateTimeOffset At, string Actor, string? Body, string Text, int? WorkingDays, string? Rating);

/// <summary>A ticket in the staff API. The caller's contact is left out: the console page shows it to those who may see it.</summary>
public sealed record TicketResponse(
    int Id, string ServiceRequestId, string Status, string StatusName, string Category, string CategoryName, string Urgency, string Channel,
    string? Body, string? BodyName, string Description, string Address, string District,
    DateTimeOffset ReceivedAt, DateTimeOffset? SignDueAt, DateTimeOffset? ReplyDueAt, bool Overdue, int ReopenCount, string? Rating,
    string TimeLimit, IReadOnlyList<string> Clock, IReadOnlyList<TicketEventResponse> Events, int? PendingExtensionDays = null,
    IReadOnlyList<TicketFileResponse>? Attachments = null);

/// <summary>A ticket's file in the staff API (download it from <see cref="Url"/> with the same credentials).</summary>
public sealed record TicketFileResponse(int Id, string FileName, string MediaType, string KindName, long Bytes, string Source, bool Public, DateTimeOffset UploadedAt, string Url);

/// <summary>A ticket in a list.</summary>
public sealed record TicketSummary(int Id, string ServiceRequestId, string Status, string StatusName, int? BodyId, DateTimeOffset ReceivedAt,
    DateTimeOffset? SignDueAt, DateTimeOffset? ReplyDueAt, bool Overdue);

/// <summary>The body of <c>POST /api/v1/hotline/tickets</c> (staff intake: phone, letter, WeChat, app).</summary>
public sealed record TicketIntakeRequest(
    string? Channel, string? Category, string? Description, string? Urgency = null, string? Address = null, string? District = null,
    double? Latitude = null, double? Longitude = null, string? CallerName = null, string? CallerPhone = null, string? CallerEmail = null,
    bool SmsConsent = false);

/// <summary>The body of <c>POST /api/v1/hotline/tickets/{id}/events</c>. <c>answered-directly</c> may name a
/// <c>knowledgeEntry</c> (its answer is the reply when no text is given); <c>merged</c> names the ticket it joins in
/// <c>into</c>.</summary>
public sealed record TicketEventRequest(
    string? Type, string? Body = null, string? Reason = null, int? WorkingDays = null, string? Text = null, string? Rating = null,
    int? KnowledgeEntry = null, string? Into = null);

/// <summary>A knowledge-base entry in the staff API.</summary>
public sealed record KnowledgeEntryResponse(int Id, string Title, string Answer, string Source, string SourceUrl, float Score);

internal static class HotlineApi
{
    public static void MapHotlineApi(this WebApplication app)
    {
        var tickets = app.MapGroup("/api/v1/hotline/tickets").WithTags("12345热线");
        tickets.MapGet("/", ListAsync).WithSummary("12345 工单列表（可按状态、机关、超期筛选）").RequireAuthorization(HotlinePermissions.View);
        tickets.MapPost("/", TakeInAsync).WithSummary("受理一张 12345 工单").RequireAuthorization(HotlinePermissions.Operate);
        tickets.MapGet("/{id}", GetAsync).WithSummary("取一张工单及其办理记录和时限").RequireAuthorization(HotlinePermissions.View);
        tickets.MapPost("/{id}/events", RecordAsync).WithSummary("登记工单事项（派单、签收、退单、申请延期、批准或不同意延期、办结、回访、重办）").RequireAuthorization(HotlinePermissions.View);
        tickets.MapPost("/{id}/attachments", AttachAsync).WithSummary("为工单添加附件（照片 JPG/PNG 或 PDF；12345中心或当前承办单位）")
            .RequireAuthorization(HotlinePermissions.View).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(HotlineAttachments.MaxBytes + 64 * 1024))
            .WithFormOptions(multipartBodyLengthLimit: HotlineAttachments.MaxBytes + 64 * 1024);
        tickets.MapGet("/{id}/attachments/{attachmentId:int}", DownloadAsync).WithSummary("下载工单附件（12345中心和经办单位）").RequireAuthorization(HotlinePermissions.View);
        app.MapGet("/hotline/media/{number}/{attachmentId:int}", PublicMediaAsync).WithSummary("市民同意公开的诉求照片").WithTags("12345热线").AllowAnonymous();
        app.MapGet("/api/v1/hotline/knowledge", SearchKnowledgeAsync).WithSummary("检索 12345 知识库（答复口径及其来源）").WithTags("12345热线").RequireAuthorization(HotlinePermissions.View);
    }

    private static async Task<Ok<IReadOnlyList<KnowledgeEntryResponse>>> SearchKnowledgeAsync(string? q, HotlineKnowledge knowledge, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<KnowledgeEntryResponse>>((await knowledge.SearchAsync(q, cancellationToken: cancellationToken))
            .Select(h => new KnowledgeEntryResponse(h.Entry.Id, h.Entry.Title, h.Entry.Answer, h.Entry.Source, h.Entry.SourceUrl, h.Score)).ToList());

    private static async Task<Results<Ok<IReadOnlyList<TicketSummary>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string? status, string? body, bool? overdue, int? limit, ClaimsPrincipal user, HotlineDesk desk, TimeProvider clock, CancellationToken cancellationToken) =>
        (await desk.ListAsync(user, new TicketFilter(status, body, overdue == true, Limit: limit ?? 100), cancellationToken))
            .ToResult(rows => TypedResults.Ok<IReadOnlyList<TicketSummary>>(rows.Select(t => new TicketSummary(
                t.Id, t.Number, t.Status, TicketVocabulary.ChineseName(TicketVocabulary.ParseStatus(t.Status) ?? TicketStatus.Received), t.BodyId, t.ReceivedAt,
                t.SignDueAt, t.ReplyDueAt, t.IsOpen && t.NextDueAt < clock.GetUtcNow())).ToList()));

    private static async Task<Results<Created<TicketResponse>, ProblemHttpResult, ValidationProblem>> TakeInAsync(
        TicketIntakeRequest request, ClaimsPrincipal user, HotlineDesk desk, TimeProvider clock, CancellationToken cancellationToken)
    {
        var outcome = await desk.TakeInAsync(new TicketDraft(request.Channel, request.Category, request.Description, request.Urgency, request.Address,
            request.District, request.Latitude, request.Longitude, null, request.CallerName, request.CallerPhone, request.CallerEmail, SmsConsent: request.SmsConsent),
            Staff.StaffClaims.DisplayNameOf(user), cancellationToken);
        return await outcome.ToResultAsync(async ticket =>
        {
            var view = await desk.DescribeAsync(ticket, cancellationToken);
            return TypedResults.Created($"/api/v1/hotline/tickets/{view.Ticket.Id}", Response(view, clock.GetUtcNow()));
        });
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string id, ClaimsPrincipal user, HotlineDesk desk, HotlineAttachments files, TimeProvider clock, CancellationToken cancellationToken) =>
        await (await desk.ViewAsync(user, id, cancellationToken)).ToResultAsync(async view => TypedResults.Ok(Response(view, clock.GetUtcNow(), await files.ListAsync(view.Ticket.Id, cancellationToken))));

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult, ValidationProblem>> RecordAsync(
        string id, TicketEventRequest request, ClaimsPrincipal user, HotlineDesk desk, HotlineAttachments files, TimeProvider clock, CancellationToken cancellationToken) =>
        await (await desk.RecordAsync(user, id, new TicketEventDraft(request.Type, request.Body, request.Reason, request.WorkingDays, request.Text, request.Rating, request.KnowledgeEntry, request.Into), cancellationToken))
            .ToResultAsync(async view => TypedResults.Ok(Response(view, clock.GetUtcNow(), await files.ListAsync(view.Ticket.Id, cancellationToken))));

    private static async Task<Results<Created<TicketFileResponse>, ProblemHttpResult, ValidationProblem>> AttachAsync(
        string id, IFormFile? file, ClaimsPrincipal user, HotlineAttachments files, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            Outcome<TicketFile> missing = Refusal.InvalidField("file", "请以 multipart/form-data 上传，文件字段名为 file。", "缺少文件");
            return missing.ToResult(f => TypedResults.Created("", FileResponse(id, f)));
        }

        await using var content = file.OpenReadStream();
        return (await files.AddAsync(user, id, file.FileName, await HotlineAttachments.ReadAsync(content, cancellationToken), cancellationToken: cancellationToken))
            .ToResult(f => TypedResults.Created(FileResponse(id, f).Url, FileResponse(id, f)));
    }

    private static async Task<IResult> DownloadAsync(string id, int attachmentId, ClaimsPrincipal user, HotlineAttachments files, HttpContext http, CancellationToken cancellationToken)
    {
        var file = await files.DownloadAsync(user, id, attachmentId, cancellationToken);
        if (file is null)
        {
            return TypedResults.Problem(title: "附件不存在", detail: "没有找到该附件，或这件工单不在您的办理范围内。", statusCode: StatusCodes.Status404NotFound);
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.MediaType, file.FileName);
    }

    private static async Task<IResult> PublicMediaAsync(string number, int attachmentId, HotlineAttachments files, PublicPhotoCache copies, HttpContext http,
        CancellationToken cancellationToken)
    {
        var file = await files.PublicAsync(number, attachmentId, cancellationToken);
        // The public gets a re-encoded copy without the camera's metadata (a phone photo carries where it was taken).
        var photo = file is null ? null : copies.CopyOf(file.Sha256, file.Content, file.MediaType);
        if (file is null || photo is null)
        {
            return TypedResults.Problem(title: "照片不存在", detail: "没有找到这张公开的诉求照片。", statusCode: StatusCodes.Status404NotFound);
        }

        // A public photo never changes: browsers and proxies may keep it, and revalidate with the ETag afterwards.
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.File(photo, file.MediaType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static TicketFileResponse FileResponse(string ticket, TicketFile f) => new(
        f.Id, f.FileName, f.MediaType, f.KindName, f.Bytes, f.Source, f.Public, f.UploadedAt,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/api/v1/hotline/tickets/{ticket}/attachments/{f.Id}"));

    internal static TicketResponse Response(TicketView view, DateTimeOffset now, IReadOnlyList<TicketFile>? files = null)
    {
        var t = view.Ticket;
        return new TicketResponse(
            t.Id, t.Number, t.Status, TicketVocabulary.ChineseName(view.Status), view.Category.Code, view.Category.Name, t.Urgency, t.Channel,
            view.BodyCode, view.BodyName, t.Description, t.Address, t.District, t.ReceivedAt,
            view.Clock?.SignDueAt, view.Clock?.ReplyDueAt, TicketFlow.IsOpen(view.Status) && view.Clock?.IsOverdue(now) == true, t.ReopenCount, t.Rating,
            view.Limit.Describe() + "（" + view.LimitSource + "）", view.Clock?.Explanation ?? ["尚未导入所需年份的节假日安排，期限暂无法计算。"],
            t.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TicketEventResponse(
                e.Type, TicketVocabulary.ParseEvent(e.Type) is { } type ? TicketVocabulary.ChineseName(type) : e.Type, e.At, e.Actor,
                null, e.Text, e.WorkingDays, e.Rating)).ToList(),
            HotlineDesk.StateOf(t).PendingExtensionDays,
            files?.Select(f => FileResponse(t.Number, f)).ToList());
    }
}
