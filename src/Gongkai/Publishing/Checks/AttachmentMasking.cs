using System.Security.Claims;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Attachments;
using Gongkai.Publishing.Rules;
using Gongkai.Safeguards;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing.Checks;

/// <summary>An attachment as it was before a one-click masking replaced it: kept for the body's staff (download from
/// the document's findings page), never served publicly. One row per masking, so every earlier version survives.</summary>
public sealed class AttachmentOriginal
{
    public int Id { get; set; }

    public int AttachmentId { get; set; }

    public int DocumentId { get; set; }

    public required string FileName { get; set; }

    public AttachmentKind Kind { get; set; }

    /// <summary>SHA-256 of <see cref="Bytes"/> (the version replaced).</summary>
    public required string Sha256 { get; set; }

    public required byte[] Bytes { get; set; }

    public DateTimeOffset MaskedAt { get; set; }

    public string? MaskedBy { get; set; }

    /// <summary>The document's stage when it was masked (草稿, 待一审 … 待终审), as staff read it.</summary>
    public required string Stage { get; set; }
}

internal sealed class AttachmentOriginalConfiguration : IEntityTypeConfiguration<AttachmentOriginal>
{
    public void Configure(EntityTypeBuilder<AttachmentOriginal> builder)
    {
        builder.ToTable("attachment_originals");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.DocumentId);
        builder.Property(o => o.FileName).HasMaxLength(255);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(o => o.Sha256).HasMaxLength(64);
        builder.Property(o => o.MaskedBy).HasMaxLength(100);
        builder.Property(o => o.Stage).HasMaxLength(20);
        builder.HasOne<DocumentAttachment>().WithMany().HasForeignKey(o => o.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What masking a document's attachments did: how many findings were masked, and how many are left for the
/// staff to handle by hand (a PDF or image, or text that Word split across formatting).</summary>
public sealed record AttachmentMaskResult(int Masked, int Left, IReadOnlyList<string> Files);

/// <summary>
/// One-click masking of personal data in a document's attachments at any stage before publication, for whoever may
/// change the document's text then (<see cref="FindingActions.MayChangeText"/>: the editor of a draft, the reviewer of
/// the stage it waits in). A Word file gets a new version with the findings masked in place; the version it replaces
/// is kept as an <see cref="AttachmentOriginal"/> for staff. Audited per attachment (kinds, counts and both hashes,
/// never the personal data); the caller saves.
/// </summary>
public sealed class AttachmentMasking(GongkaiDbContext db, AttachmentDesk desk, AuditLog audit, TimeProvider clock)
{
    /// <summary>Masks the attachments of <paramref name="document"/> (all of them, or only <paramref name="attachmentId"/>).</summary>
    public async Task<AttachmentMaskResult> MaskAsync(ClaimsPrincipal user, Document document, int? attachmentId, CancellationToken cancellationToken)
    {
        var attachments = await db.Set<DocumentAttachment>()
            .Where(a => a.DocumentId == document.Id && a.FindingsJson != "[]" && (attachmentId == null || a.Id == attachmentId))
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var masked = 0;
        var left = 0;
        var files = new List<string>();
        foreach (var attachment in attachments)
        {
            var findings = AttachmentDesk.FindingsOf(attachment);
            var oneClick = attachment.Kind == AttachmentKind.Docx ? findings.Where(f => f.OneClick).ToList() : [];
            if (oneClick.Count == 0)
            {
                left += findings.Count;
                continue;
            }

            var content = await db.Set<AttachmentContent>().SingleAsync(c => c.AttachmentId == attachment.Id, cancellationToken);
            var (bytes, count) = DocxMasker.Mask(content.Bytes, oneClick.Select(f => (f.Text, f.Replacement)).ToList());
            if (count == 0)
            {
                left += findings.Count;
                continue;
            }

            var now = clock.GetUtcNow();
            var maskedBy = StaffClaims.DisplayNameOf(user);
            var stage = ReviewWorkflow.ChineseName(document.Status);
            db.Add(new AttachmentOriginal
            {
                AttachmentId = attachment.Id,
                DocumentId = document.Id,
                FileName = attachment.FileName,
                Kind = attachment.Kind,
                Sha256 = attachment.Sha256,
                Bytes = content.Bytes,
                MaskedAt = now,
                MaskedBy = maskedBy,
                Stage = stage,
            });
            var oldHash = attachment.Sha256;
            content.Bytes = bytes;
            await desk.FillAsync(attachment, bytes, document.SignedOn, cancellationToken);
            attachment.UploadedAt = now;
            attachment.UploadedBy = maskedBy;
            var kinds = string.Join("、", oneClick.GroupBy(f => f.KindName).Select(g => $"{g.Key} {g.Count()} 处"));
            audit.Record("document.attachment-masked", DocumentPublisher.Target(document),
                $"{stage}：附件《{attachment.FileName}》遮盖个人信息（{kinds}），新版本 SHA-256 {attachment.Sha256}，原件 {oldHash} 留存供工作人员查阅",
                bodyId: document.BodyId);
            masked += oneClick.Count;
            // what the new version still holds (text split across formatting, or found anew in the masked text)
            left += AttachmentDesk.FindingsOf(attachment).Count;
            files.Add(attachment.FileName);
        }

        return new AttachmentMaskResult(masked, left, files);
    }

    /// <summary>The kept originals of a document's attachments, newest first, without their bytes.</summary>
    public async Task<IReadOnlyList<AttachmentOriginalView>> OriginalsAsync(int documentId, CancellationToken cancellationToken) =>
        await db.Set<AttachmentOriginal>().AsNoTracking().Where(o => o.DocumentId == documentId)
            .OrderByDescending(o => o.Id)
            .Select(o => new AttachmentOriginalView(o.Id, o.FileName, o.Stage, o.MaskedAt, o.MaskedBy))
            .ToListAsync(cancellationToken);
}

public sealed record AttachmentOriginalView(int Id, string FileName, string Stage, DateTimeOffset MaskedAt, string? MaskedBy);
