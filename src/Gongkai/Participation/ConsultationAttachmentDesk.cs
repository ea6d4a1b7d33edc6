using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation;

/// <summary>A consultation's file as lists show it (without its bytes).</summary>
public sealed record ConsultationFile(int Id, string FileName, string KindName, long Bytes, string Sha256)
{
    public string Url(int consultationId) => ConsultationAttachmentDesk.PublicUrl(consultationId, Id);

    public string SizeText => UploadedFiles.SizeText(Bytes);
}

/// <summary>The files of a consultation: the body's editors add and remove them while it is a draft (its text is fixed
/// once opened, and so are its files); everyone downloads them once it is opened. Files pass the same checks as a
/// document's attachments. Every change is audited.</summary>
public sealed class ConsultationAttachmentDesk(GongkaiDbContext db, ConsultationDesk consultations, AuditLog audit, TimeProvider clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public const int MaxPerConsultation = 10;

    public static string PublicUrl(int consultationId, int attachmentId) =>
        string.Create(CultureInfo.InvariantCulture, $"/consultations/{consultationId}/attachments/{attachmentId}");

    /// <summary>Reads an upload, stopping once it is over the limit (the byte overload then refuses it by its size).</summary>
    public async Task<Outcome<ConsultationFile>> AddAsync(ClaimsPrincipal user, int id, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= MaxBytes && (read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return await AddAsync(user, id, fileName, buffer.ToArray(), cancellationToken);
    }

    public async Task<Outcome<ConsultationFile>> AddAsync(ClaimsPrincipal user, int id, string? fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var editable = await EditableAsync(user, id, cancellationToken);
        if (editable.Refusal is { } refusal)
        {
            return refusal;
        }

        var checkedFile = UploadedFiles.Check(fileName, content, MaxBytes);
        if (checkedFile.Refusal is { } invalid)
        {
            return invalid;
        }

        if (await db.Set<ConsultationAttachment>().CountAsync(a => a.ConsultationId == id, cancellationToken) >= MaxPerConsultation)
        {
            return Refusal.InvalidField("file", $"每项意见征集最多 {MaxPerConsultation} 个附件，请先删除不需要的附件。", "附件过多");
        }

        var file = checkedFile.Value!;
        var attachment = new ConsultationAttachment
        {
            ConsultationId = id, FileName = file.FileName, MediaType = file.MediaType, KindName = file.KindName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content,
            UploadedAt = clock.GetUtcNow().ToUniversalTime(), UploadedBy = StaffClaims.DisplayNameOf(user),
        };
        db.Add(attachment);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("consultation.attachment.add", Target(id, attachment.Id), $"{file.FileName}（{file.KindName}，{file.Size}，SHA-256 {attachment.Sha256}）", editable.Value!.BodyId);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return new ConsultationFile(attachment.Id, attachment.FileName, attachment.KindName, content.Length, attachment.Sha256);
    }

    public async Task<Outcome> RemoveAsync(ClaimsPrincipal user, int id, int attachmentId, CancellationToken cancellationToken = default)
    {
        var editable = await EditableAsync(user, id, cancellationToken);
        if (editable.Refusal is { } refusal)
        {
            return refusal;
        }

        var attachment = await db.Set<ConsultationAttachment>().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ConsultationId == id, cancellationToken);
        if (attachment is null)
        {
            return Refusal.NotFound("这项意见征集没有这个附件。", "未找到附件");
        }

        db.Remove(attachment);
        audit.Record("consultation.attachment.remove", Target(id, attachmentId), attachment.FileName, editable.Value!.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The files in the order they were added (staff see a draft's; the public only an opened one's — the
    /// caller has already decided who may see the consultation).</summary>
    public async Task<IReadOnlyList<ConsultationFile>> ListAsync(int id, CancellationToken cancellationToken = default) =>
        (await db.Set<ConsultationAttachment>().AsNoTracking().Where(a => a.ConsultationId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.KindName, Bytes = (long)a.Content.Length, a.Sha256 }).ToListAsync(cancellationToken))
        .Select(a => new ConsultationFile(a.Id, a.FileName, a.KindName, a.Bytes, a.Sha256)).ToList();

    /// <summary>A file of a consultation that is public (opened or later), or of a draft for its body's staff.</summary>
    public async Task<ConsultationAttachment?> DownloadAsync(ClaimsPrincipal user, int id, int attachmentId, CancellationToken cancellationToken = default)
    {
        if ((await consultations.ViewAsync(user, id, cancellationToken)).Refusal is not null)
        {
            return null;
        }

        return await db.Set<ConsultationAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ConsultationId == id, cancellationToken);
    }

    private async Task<Outcome<Consultation>> EditableAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var consultation = await consultations.FindAsync(id, cancellationToken: cancellationToken);
        if (consultation is null)
        {
            return Refusal.NotFound($"没有编号为 {id} 的意见征集。", "未找到意见征集");
        }

        if (!await consultations.MayActAsync(user, consultation.BodyId, ParticipationPermissions.Prepare, cancellationToken))
        {
            return Refusal.Forbidden("只有本单位的信息编辑可以管理意见征集的附件。");
        }

        var editable = ConsultationRules.MayEdit(ConsultationVocabulary.ParseStage(consultation.Stage));
        return editable.Refusal is { } closed ? closed : consultation;
    }

    private static string Target(int consultationId, int attachmentId) =>
        string.Create(CultureInfo.InvariantCulture, $"consultation:{consultationId}/attachment:{attachmentId}");
}
