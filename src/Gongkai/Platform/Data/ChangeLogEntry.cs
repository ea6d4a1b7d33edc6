using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Data;

/// <summary>One row per change that other parts of the system follow (search index, feeds, caches).
/// Appended in the same transaction as the change; followers read it in <see cref="Id"/> order with a cursor.</summary>
public sealed class ChangeLogEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What happened, e.g. <c>body.updated</c>, <c>document.published</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The kind of thing that changed, e.g. <c>body</c>, <c>document</c>.</summary>
    public required string Entity { get; set; }

    public required string EntityId { get; set; }

    public int? BodyId { get; set; }

    public string? Detail { get; set; }
}

/// <summary>How far one follower (per node, per purpose) has applied the change log.</summary>
public sealed class ChangeLogCursor
{
    public required string Follower { get; set; }

    public long Position { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ChangeLogConfiguration : IEntityTypeConfiguration<ChangeLogEntry>, IEntityTypeConfiguration<ChangeLogCursor>
{
    public void Configure(EntityTypeBuilder<ChangeLogEntry> builder)
    {
        builder.ToTable("change_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.Entity).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(128);
        builder.Property(e => e.Detail).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<ChangeLogCursor> builder)
    {
        builder.ToTable("change_log_cursors");
        builder.HasKey(e => e.Follower);
        builder.Property(e => e.Follower).HasMaxLength(200);
    }
}
