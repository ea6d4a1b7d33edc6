using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing.Attachments;

/// <summary>A file attached to a document (附件): what it is, its hash, the text read from it and the safeguards'
/// findings in that text. The bytes live in <see cref="AttachmentContent"/>, a table of their own, so lists never load
/// them and every instance of a multi-instance install serves the same file from the database.</summary>
public sealed class DocumentAttachment
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary>The name as uploaded (path parts removed), shown and offered as the download name.</summary>
    public required string FileName { get; set; }

    public AttachmentKind Kind { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes; also the ETag.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Position in the document's list of attachments.</summary>
    public int Position { get; set; }

    public AttachmentTextStatus TextStatus { get; set; }

    /// <summary>The text read from the file (capped), for search and the safeguards; empty for images and unreadable files.</summary>
    public string Text { get; set; } = "";

    public bool TextTruncated { get; set; }

    /// <summary>Why the text could not be read (“无法提取文本：…”), when it could not.</summary>
    public string? TextProblem { get; set; }

    /// <summary>The safeguards' personal-data findings in <see cref="Text"/> as JSON (see <see cref="AttachmentFinding"/>),
    /// computed at upload and after masking.</summary>
    public string FindingsJson { get; set; } = "[]";

    public DateTimeOffset UploadedAt { get; set; }

    public string? UploadedBy { get; set; }
}

/// <summary>The bytes of an attachment, one row per attachment (bytea on PostgreSQL, BLOB on SQLite).</summary>
public sealed class AttachmentContent
{
    public int AttachmentId { get; set; }

    public required byte[] Bytes { get; set; }
}

/// <summary>A personal-data finding in an attachment's text, as stored and shown next to the attachment.
/// <see cref="OneClick"/>: the text lies inside one w:t element of a DOCX, so it can be masked in place.</summary>
public sealed record AttachmentFinding(string Kind, string KindName, int Start, int Length, string Text, string Replacement, string Message, bool OneClick);

internal sealed class DocumentAttachmentConfiguration : IEntityTypeConfiguration<DocumentAttachment>
{
    public void Configure(EntityTypeBuilder<DocumentAttachment> builder)
    {
        builder.ToTable("document_attachments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.DocumentId, a.Position });
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.TextStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.TextProblem).HasMaxLength(300);
        builder.Property(a => a.UploadedBy).HasMaxLength(100);
        builder.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.ToTable("attachment_contents");
        builder.HasKey(c => c.AttachmentId);
        builder.HasOne<DocumentAttachment>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
