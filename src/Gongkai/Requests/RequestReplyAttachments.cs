using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

/// <summary>A file sent with a reply (the information provided, a scanned letter …): added by the handling body's
/// request officers once the reply is recorded, downloaded by the applicant with tracking number and query code.
/// Kept in the database like a consultation's files.</summary>
public sealed class RequestReplyAttachment
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    public required string KindName { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}

internal sealed class RequestReplyAttachmentConfiguration : IEntityTypeConfiguration<RequestReplyAttachment>
{
    public void Configure(EntityTypeBuilder<RequestReplyAttachment> builder)
    {
        builder.ToTable("disclosure_request_reply_attachments");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.MediaType).HasMaxLength(128);
        builder.Property(a => a.KindName).HasMaxLength(32);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedBy).HasMaxLength(128);
        builder.HasIndex(a => a.RequestId);
        builder.HasOne<DisclosureRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A reply's file as lists show it (without its bytes).</summary>
public sealed record ReplyFile(int Id, string FileName, string KindName, long Bytes, string Sha256)
{
    public string SizeText => Bytes switch
    {
        < 1024 => $"{Bytes} B",
        < 1024 * 1024 => (Bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (Bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}

/// <summary>An upload that passed the checks: its cleaned name, the media type it is served with, the kind's Chinese
/// name and a readable size.</summary>
public sealed record CheckedReplyFile(string FileName, string MediaType, string KindName, string Size);

/// <summary>
/// The checks a reply file passes — the same as a document attachment's (name cleaned; PDF, Word, Excel or an image
/// by its bytes, the extension agreeing; Office packages within their expansion limits). Publishing owns those checks
/// and Requests sits beside Publishing, so Requests declares what it needs and the console shell provides it
/// (<c>Admin/ReplyFileCheck</c>, over <c>Publishing.Contracts.UploadedFiles</c>).
/// </summary>
public interface IReplyFileCheck
{
    /// <summary>The extensions a file input offers (".pdf,.docx,…").</summary>
    string AcceptedExtensions { get; }

    /// <summary>The checked file, or a refusal for the field <c>file</c> in Chinese.</summary>
    Outcome<CheckedReplyFile> Check(string? fileName, byte[] content, long maxBytes);
}

/// <summary>
/// The files of a reply. Officers who may handle the request add and remove them after the reply is recorded (a
/// 网上获取 reply says 「详见附件」); the applicant gets them only with tracking number and query code, checked like
/// the tracking page does. Files pass the document attachments' checks (PDF, Word, Excel or an image by its bytes,
/// the extension agreeing, size limit). Adding, removing and every download are audited. An applicant who gave an
/// e-mail address is told of each added file (<see cref="ApplicantMail.ReplyFileAdded"/>), without a link.
/// </summary>
public sealed class RequestReplyFiles(
    GongkaiDbContext db, RequestDesk desk, BodyScope scope, AuditLog audit, TimeProvider clock, IReplyFileCheck check, INotifier notifier)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public const int MaxPerReply = 10;

    public string AcceptedExtensions => check.AcceptedExtensions;

    public async Task<Outcome<ReplyFile>> AddAsync(ClaimsPrincipal user, string trackingNumber, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= MaxBytes && (read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return await AddAsync(user, trackingNumber, fileName, buffer.ToArray(), cancellationToken);
    }

    public async Task<Outcome<ReplyFile>> AddAsync(ClaimsPrincipal user, string trackingNumber, string? fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var handled = await HandledAsync(user, trackingNumber, cancellationToken);
        if (!handled.Succeeded)
        {
            return handled.Refusal;
        }

        var request = handled.Value;
        if (await desk.ReplyOfAsync(request.Id, cancellationToken) is null)
        {
            return Refusal.InvalidField("file", "请先登记答复，再上传答复附件。", "尚未答复");
        }

        var checkedFile = check.Check(fileName, content, MaxBytes);
        if (!checkedFile.Succeeded)
        {
            return checkedFile.Refusal;
        }

        var existing = await db.Set<RequestReplyAttachment>().CountAsync(a => a.RequestId == request.Id, cancellationToken);
        if (existing >= MaxPerReply)
        {
            return Refusal.InvalidField("file", $"每份答复最多 {MaxPerReply} 个附件，请先删除不需要的附件，或合并后上传。", "附件过多");
        }

        var file = checkedFile.Value;
        var attachment = new RequestReplyAttachment
        {
            RequestId = request.Id, FileName = file.FileName, MediaType = file.MediaType, KindName = file.KindName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content,
            UploadedAt = clock.GetUtcNow().ToUniversalTime(), UploadedBy = StaffClaims.DisplayNameOf(user),
        };
        db.Add(attachment);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("request.reply.attachment.add", Target(request.TrackingNumber, attachment.Id),
                $"{file.FileName}（{file.KindName}，{file.Size}，SHA-256 {attachment.Sha256}）", request.BodyId);
            if (ApplicantMail.ReplyFileAdded(request, file.FileName, file.KindName, existing + 1) is { } notice)
            {
                await notifier.NotifyAsync(notice, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return new ReplyFile(attachment.Id, attachment.FileName, attachment.KindName, content.Length, attachment.Sha256);
    }

    public async Task<Outcome> RemoveAsync(ClaimsPrincipal user, string trackingNumber, int attachmentId, CancellationToken cancellationToken = default)
    {
        var handled = await HandledAsync(user, trackingNumber, cancellationToken);
        if (!handled.Succeeded)
        {
            return handled.Refusal;
        }

        var request = handled.Value;
        var attachment = await db.Set<RequestReplyAttachment>().SingleOrDefaultAsync(a => a.Id == attachmentId && a.RequestId == request.Id, cancellationToken);
        if (attachment is null)
        {
            return Refusal.NotFound("这份答复没有这个附件。", "未找到附件");
        }

        db.Remove(attachment);
        audit.Record("request.reply.attachment.remove", Target(request.TrackingNumber, attachmentId), attachment.FileName, request.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The reply's files in the order they were added (the caller has already decided who may see the request).</summary>
    public async Task<IReadOnlyList<ReplyFile>> ListAsync(int requestId, CancellationToken cancellationToken = default) =>
        (await db.Set<RequestReplyAttachment>().AsNoTracking().Where(a => a.RequestId == requestId).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.KindName, Bytes = (long)a.Content.Length, a.Sha256 }).ToListAsync(cancellationToken))
        .Select(a => new ReplyFile(a.Id, a.FileName, a.KindName, a.Bytes, a.Sha256)).ToList();

    /// <summary>A file for the applicant holding the request's number and code; null for any mismatch (another
    /// request's file, a wrong code), without saying which. The download is on record.</summary>
    public async Task<RequestReplyAttachment?> ForApplicantAsync(string? trackingNumber, string? code, int attachmentId, CancellationToken cancellationToken = default)
    {
        var request = await desk.FindForApplicantAsync(trackingNumber, code, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var attachment = await db.Set<RequestReplyAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.RequestId == request.Id, cancellationToken);
        if (attachment is not null)
        {
            await audit.RecordNowAsync("request.reply.attachment.download", Target(request.TrackingNumber, attachment.Id), attachment.FileName, request.BodyId,
                RequestDesk.ApplicantActor, cancellationToken: cancellationToken);
        }

        return attachment;
    }

    /// <summary>A file for staff who may see the request (officers of the body, auditors), to check what was sent.</summary>
    public async Task<RequestReplyAttachment?> ForStaffAsync(ClaimsPrincipal user, string trackingNumber, int attachmentId, CancellationToken cancellationToken = default)
    {
        var request = await desk.FindForStaffAsync(user, trackingNumber, cancellationToken);
        return request is null
            ? null
            : await db.Set<RequestReplyAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.RequestId == request.Id, cancellationToken);
    }

    private async Task<Outcome<DisclosureRequest>> HandledAsync(ClaimsPrincipal user, string trackingNumber, CancellationToken cancellationToken)
    {
        var number = trackingNumber.Trim().ToUpperInvariant();
        var request = await db.Set<DisclosureRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.TrackingNumber == number, cancellationToken);
        if (request is null)
        {
            return Refusal.NotFound($"没有申请编号为 {number} 的申请。", "未找到申请");
        }

        if (!user.IsInRole(StaffRoles.RequestOfficer) || !await scope.MayActForAsync(user, request.BodyId, cancellationToken))
        {
            await audit.RecordNowAsync(RequestDesk.AccessDeniedAction, request.TrackingNumber, "无权管理该申请的答复附件", request.BodyId, cancellationToken: cancellationToken);
            return Refusal.Forbidden("只有受理机关的依申请公开承办人可以管理答复附件。");
        }

        return request;
    }

    private static string Target(string trackingNumber, int attachmentId) =>
        string.Create(CultureInfo.InvariantCulture, $"{trackingNumber}/reply-attachment:{attachmentId}");
}
