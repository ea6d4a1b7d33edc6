using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing.Checks.PublishedScan;

/// <summary>The personal-data check of one published text — a document's body ("body") or one attachment
/// ("attachment:{id}") — as last scanned: the hash of the text and the rules version it was scanned with (a rescan skips
/// it while both are unchanged), and what was found, as kinds and counts only (the findings themselves are recomputed
/// on the document's page).</summary>
public sealed class PublishedScanResult
{
    public const string BodySource = "body";

    public int Id { get; set; }

    public int DocumentId { get; set; }

    public int BodyId { get; set; }

    public required string Source { get; set; }

    /// <summary>正文, or 附件《name》.</summary>
    public required string Location { get; set; }

    public required string ContentSha256 { get; set; }

    public required string RulesVersion { get; set; }

    public DateTimeOffset ScannedAt { get; set; }

    public int PersonalCount { get; set; }

    /// <summary>“身份证号码 1 处；姓名 2 处”: never the personal data itself.</summary>
    public string Summary { get; set; } = "";

    /// <summary>When personal data was first found in this text (cleared when a rescan finds none).</summary>
    public DateTimeOffset? FoundAt { get; set; }
}

/// <summary>One run of the scan of published documents, with its progress (documents scanned of the total), so the
/// dashboard shows how far a running scan is.</summary>
public sealed class PublishedScanRun
{
    public int Id { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>“定时任务” or the administrator's verb.</summary>
    public required string StartedBy { get; set; }

    public int Total { get; set; }

    public int Scanned { get; set; }

    /// <summary>Texts (bodies and attachments) skipped because they were already scanned with the same rules.</summary>
    public int Skipped { get; set; }

    /// <summary>Texts checked in this run.</summary>
    public int Checked { get; set; }

    /// <summary>Texts in which personal data was found for the first time in this run.</summary>
    public int NewlyFound { get; set; }
}

internal sealed class PublishedScanResultConfiguration : IEntityTypeConfiguration<PublishedScanResult>
{
    public void Configure(EntityTypeBuilder<PublishedScanResult> builder)
    {
        builder.ToTable("published_scan_results");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.DocumentId, r.Source }).IsUnique();
        builder.HasIndex(r => new { r.BodyId, r.PersonalCount });
        builder.Property(r => r.Source).HasMaxLength(40);
        builder.Property(r => r.Location).HasMaxLength(300);
        builder.Property(r => r.ContentSha256).HasMaxLength(64);
        builder.Property(r => r.RulesVersion).HasMaxLength(64);
        builder.Property(r => r.Summary).HasMaxLength(500);
        builder.HasOne<Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublishedScanRunConfiguration : IEntityTypeConfiguration<PublishedScanRun>
{
    public void Configure(EntityTypeBuilder<PublishedScanRun> builder)
    {
        builder.ToTable("published_scan_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.StartedBy).HasMaxLength(100);
    }
}
