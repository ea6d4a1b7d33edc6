using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Audit;

/// <summary>An append-only record of a sign-in, a permission change or a state change.
/// The application never updates or deletes these rows, and the database refuses to (triggers on both providers):
/// the only change a row ever gets is its seal — <see cref="Seq"/> and <see cref="Hash"/>, set once by
/// <see cref="AuditSealer"/> — which chains it to the row sealed before it (<see cref="AuditChain"/>).</summary>
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

    /// <summary>Position in the hash chain (1, 2, …), in the order rows were sealed; null until sealed.</summary>
    public long? Seq { get; set; }

    /// <summary>SHA-256 (hex) over the previous row's hash and this row's fields; null until sealed.</summary>
    public string? Hash { get; set; }
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
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.Seq).IsUnique();
    }
}
