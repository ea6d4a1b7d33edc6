using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Audit;

/// <summary>An append-only record of a sign-in, a permission change or a state change.
/// The application never updates or deletes these rows.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The acting user's id; null for anonymous actors (a failed sign-in with an unknown name, a citizen).</summary>
    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The body on whose behalf the actor acted (the actor's body for staff).</summary>
    public int? BodyId { get; set; }

    /// <summary>A stable action code such as <c>sign-in.succeeded</c> or <c>body.updated</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What the action touched, e.g. <c>body:12</c> or <c>user:editor.fc</c>.</summary>
    public string Target { get; set; } = "";

    public string? Detail { get; set; }

    public string? ClientAddress { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(128);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(4000);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.Action);
    }
}
