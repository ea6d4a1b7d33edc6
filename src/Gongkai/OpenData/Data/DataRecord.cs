using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.OpenData.Data;

public enum RecordStatus
{
    Draft,

    /// <summary>Submitted (by form or import), waiting for a second person's review.</summary>
    AwaitingReview,

    Published,

    /// <summary>撤回: gone from lists, datasets and downloads; its page says so with the reason.</summary>
    Withdrawn,
}

/// <summary>
/// One record of a body under a record type. <see cref="ValuesJson"/> holds what staff entered (personal data
/// included); the public sees only <see cref="DataRecordVersion"/> snapshots, masked. A published record whose values
/// changed (a new import, an edit) carries <see cref="PendingValuesJson"/> until a reviewer publishes them as a
/// corrected version.
/// </summary>
public sealed class DataRecord
{
    public long Id { get; set; }

    public int RecordTypeId { get; set; }

    /// <summary>The schema version the values were last checked against.</summary>
    public int SchemaVersion { get; set; }

    public int BodyId { get; set; }

    /// <summary>The natural key's values joined by line feeds; unique per type and body (imports match on it).</summary>
    public required string NaturalKey { get; set; }

    public required string Title { get; set; }

    public RecordStatus Status { get; set; }

    /// <summary>What staff entered (personal data included): the working values of an unpublished record, the
    /// values last published for a published one.</summary>
    public required string ValuesJson { get; set; }

    /// <summary>New values for a published record (an edit, a re-import), waiting for review; published as a
    /// corrected version when approved, dropped when returned.</summary>
    public string? PendingValuesJson { get; set; }

    public bool ChangesAwaitingReview => PendingValuesJson is not null;

    /// <summary>The current public version's masked values (copied from it so lists and downloads read one table).</summary>
    public string? PublicValuesJson { get; set; }

    public DateOnly? DecisionDate { get; set; }

    /// <summary>公示时限: the last day it may go online (双公示), from the decision date and the working-day calendar.</summary>
    public DateOnly? PublishBy { get; set; }

    public DateTimeOffset? FirstPublishedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int CurrentVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? CreatedById { get; set; }

    public string? CreatedByName { get; set; }

    /// <summary>Who last submitted the values now waiting: the reviewer must be someone else.</summary>
    public string? SubmittedById { get; set; }

    public string? SubmittedByName { get; set; }

    /// <summary>Shown publicly on the withdrawn record, at most <see cref="WithdrawalReasonMaxLength"/> characters.</summary>
    public string? WithdrawalReason { get; set; }

    public const int WithdrawalReasonMaxLength = 500;

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Demo content (the demo city's made-up records), marked like the rest of the demo data.</summary>
    public bool IsDemo { get; set; }
}

/// <summary>One public version of a record: the masked values as published, never changed afterwards.</summary>
public sealed class DataRecordVersion
{
    public const string Published = "published";
    public const string Corrected = "corrected";

    public long Id { get; init; }

    public long RecordId { get; init; }

    public int Number { get; init; }

    public required string Kind { get; init; }

    /// <summary>The public title of this version (from its masked values), fixed with it: the public log records it.</summary>
    public string Title { get; init; } = "";

    public required string PublicValuesJson { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public string? Reason { get; init; }

    public string? ActorName { get; init; }
}

internal sealed class DataRecordConfiguration : IEntityTypeConfiguration<DataRecord>, IEntityTypeConfiguration<DataRecordVersion>
{
    public void Configure(EntityTypeBuilder<DataRecord> builder)
    {
        builder.ToTable("data_records");
        builder.HasIndex(r => new { r.RecordTypeId, r.BodyId, r.NaturalKey }).IsUnique();
        builder.HasIndex(r => new { r.RecordTypeId, r.BodyId, r.Status, r.Id });
        builder.HasIndex(r => new { r.Status, r.PublishBy });
        builder.Ignore(r => r.ChangesAwaitingReview);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.NaturalKey).HasMaxLength(500);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.CreatedByName).HasMaxLength(100);
        builder.Property(r => r.SubmittedByName).HasMaxLength(100);
        builder.Property(r => r.WithdrawalReason).HasMaxLength(DataRecord.WithdrawalReasonMaxLength);
    }

    public void Configure(EntityTypeBuilder<DataRecordVersion> builder)
    {
        builder.ToTable("data_record_versions");
        builder.HasIndex(v => new { v.RecordId, v.Number }).IsUnique();
        builder.Property(v => v.Kind).HasMaxLength(16);
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.Reason).HasMaxLength(500);
        builder.Property(v => v.ActorName).HasMaxLength(100);
    }
}
