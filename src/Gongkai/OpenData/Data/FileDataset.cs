using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.OpenData.Data;

public enum FileVersionStatus
{
    /// <summary>Uploaded and submitted, waiting for a second person's review.</summary>
    AwaitingReview,

    /// <summary>The version the public sees now.</summary>
    Published,

    /// <summary>Was published, replaced by a newer version (kept as history).</summary>
    Superseded,

    /// <summary>退回 by the reviewer: never public.</summary>
    Returned,
}

/// <summary>
/// A dataset staff publish as a file (CSV, XLSX or JSON) rather than from records: one per upload series of a body.
/// Each upload is a <see cref="FileDatasetVersion"/> reviewed by a second person; the published one is the catalogue's
/// dataset (an <see cref="OpenDataset"/> row pointing here), older ones stay as history.
/// </summary>
public sealed class FileDataset
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    /// <summary>CKAN name (slug), fixed at creation: <c>{body code}-file-{id}</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Title of the latest submission (the console's list); the public title is the published version's.</summary>
    public required string Title { get; set; }

    /// <summary>Number of the published version, 0 while none is.</summary>
    public int PublishedVersion { get; set; }

    /// <summary>Descriptions of the data dictionary's columns, by column name (JSON object), edited by staff and kept
    /// across versions for columns of the same name.</summary>
    public string DescriptionsJson { get; set; } = "{}";

    /// <summary>Columns staff declared after the personal-data scan flagged them, by column name (JSON object of
    /// <see cref="Rules.ColumnDeclaration"/> names): not personal data, or already masked. Kept across versions like
    /// the descriptions; a flagged column without one blocks approval.</summary>
    public string ColumnDeclarationsJson { get; set; } = "{}";

    /// <summary>The metadata the dataset was last given (<see cref="FileDatasetMetadata"/> as JSON): when it was created
    /// through the API without a file, or with its latest upload. A version uploaded without metadata is submitted with
    /// it. Null for a dataset whose versions predate it (their own metadata is used then).</summary>
    public string? MetadataJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One uploaded file with the metadata submitted with it. The file's bytes and its table (when it is one)
/// are in <see cref="FileDatasetContent"/> so lists never load them.</summary>
public sealed class FileDatasetVersion
{
    public int Id { get; set; }

    public int FileDatasetId { get; set; }

    public int Number { get; set; }

    public FileVersionStatus Status { get; set; }

    public required string FileName { get; set; }

    /// <summary>CSV, XLSX or JSON: the uploaded file's format.</summary>
    public required string Format { get; set; }

    public long Size { get; set; }

    /// <summary>Data rows; 0 for a JSON file that is not a table.</summary>
    public int RowCount { get; set; }

    /// <summary>The table's columns with their inferred types (JSON list of fields), null when the file is not a table
    /// (a nested JSON document: only the original file is offered).</summary>
    public string? ColumnsJson { get; set; }

    /// <summary>The personal-data scan of the table's cells made at upload (JSON list of <see cref="Rules.ColumnFinding"/>);
    /// null for a file that is not a table or a version uploaded before the scan existed (scanned at review then).</summary>
    public string? PersonalDataJson { get; set; }

    /// <summary>Title, description, theme, keywords, frequency, 开放属性, licence, contact (JSON, <see cref="FileDatasetMetadata"/>).</summary>
    public required string MetadataJson { get; set; }

    public string? SubmittedById { get; set; }

    public string? SubmittedByName { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string? ReviewedByName { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewComment { get; set; }
}

/// <summary>The bytes of a version as uploaded and, for a table, its rows as a JSON array of objects (string values
/// keyed by column) — the form the downloads convert from.</summary>
public sealed class FileDatasetContent
{
    public int VersionId { get; set; }

    public required byte[] Content { get; set; }

    public string? RowsJson { get; set; }
}

/// <summary>The metadata of a file dataset (stored as JSON on each version, copied to the catalogue row on publication).</summary>
public sealed record FileDatasetMetadata(
    string Title,
    string Description,
    string Theme,
    string Keywords,
    string UpdateFrequency,
    string OpenCondition,
    string LicenceId,
    string Contact);

internal sealed class FileDatasetConfiguration : IEntityTypeConfiguration<FileDataset>, IEntityTypeConfiguration<FileDatasetVersion>,
    IEntityTypeConfiguration<FileDatasetContent>
{
    public void Configure(EntityTypeBuilder<FileDataset> builder)
    {
        builder.ToTable("file_datasets");
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.HasIndex(d => d.BodyId);
    }

    public void Configure(EntityTypeBuilder<FileDatasetVersion> builder)
    {
        builder.ToTable("file_dataset_versions");
        builder.HasIndex(v => new { v.FileDatasetId, v.Number }).IsUnique();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.FileName).HasMaxLength(200);
        builder.Property(v => v.Format).HasMaxLength(10);
        builder.Property(v => v.SubmittedById).HasMaxLength(100);
        builder.Property(v => v.SubmittedByName).HasMaxLength(100);
        builder.Property(v => v.ReviewedByName).HasMaxLength(100);
        builder.Property(v => v.ReviewComment).HasMaxLength(500);
        builder.HasOne<FileDataset>().WithMany().HasForeignKey(v => v.FileDatasetId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FileDatasetContent> builder)
    {
        builder.ToTable("file_dataset_contents");
        builder.HasKey(c => c.VersionId);
        builder.HasOne<FileDatasetVersion>().WithOne().HasForeignKey<FileDatasetContent>(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
