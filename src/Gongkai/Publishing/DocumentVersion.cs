using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing;

/// <summary>
/// One published version of a document: an immutable snapshot of what the public saw, with a SHA-256 hash of its
/// content. Version 1 is the first publication; each correction (更正) adds one with its reason. Rows are only ever
/// inserted (the properties are init-only and nothing updates them).
/// </summary>
public sealed class DocumentVersion
{
    public const string Published = "published";
    public const string Corrected = "corrected";

    public int Id { get; init; }

    public int DocumentId { get; init; }

    public int Number { get; init; }

    /// <summary><see cref="Published"/> or <see cref="Corrected"/>.</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public string? DocNumber { get; init; }

    public required string DocumentType { get; init; }

    public required string Subject { get; init; }

    public DateOnly? SignedOn { get; init; }

    public required string BodyHtml { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="CanonicalContent"/>.</summary>
    public required string ContentHash { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>The correction's reason, shown publicly; null for the first publication.</summary>
    public string? Reason { get; init; }

    public string? ActorName { get; init; }

    public static DocumentVersion Snapshot(Document document, int number, string kind, DateTimeOffset at, string? reason, string? actorName) => new()
    {
        DocumentId = document.Id,
        Number = number,
        Kind = kind,
        Title = document.Title,
        DocNumber = document.DocNumber,
        DocumentType = document.DocumentType,
        Subject = document.Subject,
        SignedOn = document.SignedOn,
        BodyHtml = document.BodyHtml,
        ContentHash = HashOf(document.Title, document.DocNumber, document.DocumentType, document.Subject, document.SignedOn, document.BodyHtml),
        PublishedAt = at,
        Reason = reason,
        ActorName = actorName,
    };

    /// <summary>The fields the public sees, one per line in a fixed order; the hash covers exactly this text.</summary>
    public static string CanonicalContent(string title, string? docNumber, string documentType, string subject, DateOnly? signedOn, string bodyHtml) =>
        string.Join('\n', title, docNumber ?? "", documentType, subject,
            signedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", bodyHtml);

    public static string HashOf(string title, string? docNumber, string documentType, string subject, DateOnly? signedOn, string bodyHtml) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalContent(title, docNumber, documentType, subject, signedOn, bodyHtml))));
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.ToTable("document_versions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.Property(v => v.Kind).HasMaxLength(16);
        builder.Property(v => v.Title).HasMaxLength(300);
        builder.Property(v => v.DocNumber).HasMaxLength(100);
        builder.Property(v => v.DocumentType).HasMaxLength(32);
        builder.Property(v => v.Subject).HasMaxLength(64);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.Property(v => v.ActorName).HasMaxLength(100);
        builder.HasOne<Document>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One step in a document's history: who did what, when, with which comment (also in the audit log).</summary>
public sealed class DocumentHistoryEntry
{
    public long Id { get; init; }

    public int DocumentId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>created, edited, submitted, approved-first|second|final, returned-first|second|final, published,
    /// correction-submitted, correction-approved-first|second|final, correction-returned, corrected, withdrawn.</summary>
    public required string Action { get; init; }

    public string? ActorId { get; init; }

    public string? ActorName { get; init; }

    public string? Comment { get; init; }

    public static string ChineseAction(string action) => action switch
    {
        "created" => "创建草稿",
        "edited" => "修改",
        "submitted" => "提交审核",
        "approved-first" => "初审通过",
        "approved-second" => "复审通过",
        "approved-final" => "终审通过并发布",
        "approved-final-scheduled" => "终审通过，定时发布",
        "returned-first" => "初审退回",
        "returned-second" => "复审退回",
        "returned-final" => "终审退回",
        "published" => "发布",
        "corrected" => "更正",
        "correction-submitted" => "提交更正（待审核）",
        "correction-approved-first" => "更正初审通过",
        "correction-approved-second" => "更正复审通过",
        "correction-approved-final" => "更正终审通过",
        "correction-returned" => "更正退回",
        "withdrawn" => "撤回",
        "unpublished-incomplete" => "发布未完成，退回草稿",
        "masked" => "遮盖个人信息",
        "wording-corrected" => "修正表述",
        _ => action,
    };
}

internal sealed class DocumentHistoryEntryConfiguration : IEntityTypeConfiguration<DocumentHistoryEntry>
{
    public void Configure(EntityTypeBuilder<DocumentHistoryEntry> builder)
    {
        builder.ToTable("document_history");
        builder.HasKey(h => h.Id);
        builder.HasIndex(h => new { h.DocumentId, h.At });
        builder.Property(h => h.Action).HasMaxLength(32);
        builder.Property(h => h.ActorId).HasMaxLength(64);
        builder.Property(h => h.ActorName).HasMaxLength(100);
        builder.Property(h => h.Comment).HasMaxLength(2000);
        builder.HasOne<Document>().WithMany().HasForeignKey(h => h.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
