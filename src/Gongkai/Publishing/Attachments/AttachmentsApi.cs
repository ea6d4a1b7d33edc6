using System.Security.Claims;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Attachments;

/// <summary>An attachment as staff see it.</summary>
public sealed record AttachmentView(
    int Id, string FileName, string Kind, string MediaType, long Size, string Sha256, string TextStatus, string? TextProblem,
    bool TextTruncated, IReadOnlyList<AttachmentFinding> Findings, string Url)
{
    public static AttachmentView From(DocumentAttachment a) => new(
        a.Id, a.FileName, a.Kind.ToString().ToLowerInvariant(), AttachmentFileType.MediaType(a.Kind), a.Size, a.Sha256,
        a.TextStatus.ToString().ToLowerInvariant(), a.TextProblem, a.TextTruncated, AttachmentDesk.FindingsOf(a), AttachmentUrls.Public(a.Id));
}

public static class AttachmentUrls
{
    public static string Public(int attachmentId) => "/attachments/" + attachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Staff upload, list, delete and mask attachments of a draft; the public downloads those of published documents.</summary>
internal static class AttachmentsApi
{
    public static void MapAttachmentsApi(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        app.MapGet("/attachments/{id:int}", DownloadAsync).WithSummary("下载已公开文件的附件").WithTags("附件");

        var staff = app.MapGroup("/api/v1/documents/{id:int}/attachments").WithTags("附件（工作人员）");
        staff.MapGet("/", ListAsync).WithSummary("列出文件的附件").RequireAuthorization(Permissions.Staff);
        // A token-authenticated API: no antiforgery form token; cookie callers are protected by the SameSite sign-in cookie.
        staff.MapPost("/", UploadAsync).WithSummary("上传附件（检查文件类型、个人信息）").RequireAuthorization(PublishingPermissions.EditDocuments).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxRequestBytes);
        staff.MapDelete("/{attachmentId:int}", DeleteAsync).WithSummary("删除草稿文件的附件").RequireAuthorization(PublishingPermissions.EditDocuments);
        staff.MapPost("/{attachmentId:int}/mask", MaskAsync).WithSummary("遮盖附件中的个人信息").RequireAuthorization(PublishingPermissions.EditDocuments);
    }

    /// <summary>The file, only while its document is published (a draft's or withdrawn document's files are not public).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(int id, GongkaiDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var attachment = await db.Set<DocumentAttachment>().AsNoTracking()
            .Where(a => a.Id == id && db.Set<Document>().Any(d => d.Id == a.DocumentId && d.Status == DocumentStatus.Published))
            .Select(a => new { a.FileName, a.Kind, a.Sha256, a.UploadedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return TypedResults.Problem(title: "附件不存在", detail: "没有找到该附件，或它所属的文件尚未发布或已撤回。", statusCode: StatusCodes.Status404NotFound);
        }

        var bytes = await db.Set<AttachmentContent>().AsNoTracking().Where(c => c.AttachmentId == id).Select(c => c.Bytes).SingleAsync(cancellationToken);
        // Revalidate every time (cheap with the ETag): a withdrawal must take the file off at once.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(bytes, AttachmentFileType.MediaType(attachment.Kind), attachment.FileName,
            lastModified: attachment.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{attachment.Sha256}\""));
    }

    private static async Task<Results<Ok<IReadOnlyList<AttachmentView>>, ProblemHttpResult>> ListAsync(
        int id, ClaimsPrincipal user, BodyScope scope, GongkaiDbContext db, AttachmentDesk desk, CancellationToken cancellationToken)
    {
        var bodyId = await db.Set<Document>().Where(d => d.Id == id).Select(d => (int?)d.BodyId).SingleOrDefaultAsync(cancellationToken);
        if (bodyId is null || !await scope.MayActForAsync(user, bodyId.Value, cancellationToken))
        {
            return TypedResults.Problem(title: "文件不存在", detail: "没有找到该文件，或它不属于您所在的单位。", statusCode: StatusCodes.Status404NotFound);
        }

        IReadOnlyList<AttachmentView> views = (await desk.ListAsync(id, cancellationToken)).Select(AttachmentView.From).ToList();
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<AttachmentView>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        int id, IFormFile? file, ClaimsPrincipal user, AttachmentDesk desk, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return TypedResults.Problem(title: "缺少文件", detail: "请以 multipart/form-data 上传，文件字段名为 file。", statusCode: StatusCodes.Status400BadRequest);
        }

        await using var stream = file.OpenReadStream();
        return (await desk.UploadAsync(user, id, file.FileName, stream, cancellationToken))
            .ToResult(attachment => TypedResults.Created(AttachmentUrls.Public(attachment.Id), AttachmentView.From(attachment)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteAsync(
        int id, int attachmentId, ClaimsPrincipal user, AttachmentDesk desk, CancellationToken cancellationToken) =>
        (await desk.DeleteAsync(user, id, attachmentId, cancellationToken)).ToResult(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<AttachmentView>, ProblemHttpResult, ValidationProblem>> MaskAsync(
        int id, int attachmentId, ClaimsPrincipal user, AttachmentDesk desk, CancellationToken cancellationToken) =>
        (await desk.MaskAsync(user, id, attachmentId, cancellationToken)).ToResult(attachment => TypedResults.Ok(AttachmentView.From(attachment)));
}
