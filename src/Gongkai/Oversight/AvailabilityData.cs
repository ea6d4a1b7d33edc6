using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Oversight;

/// <summary>One probe of the site by one node: its own <c>/readyz</c> (<see cref="Self"/>) or a peer node's URL
/// (<see cref="Peer"/>), whether it loaded, how long it took, and why not.</summary>
public sealed class AvailabilityProbe
{
    public const string Self = "self";
    public const string Peer = "peer";

    public long Id { get; set; }

    /// <summary>The probing node (<c>Gongkai:NodeId</c>).</summary>
    public required string Node { get; set; }

    public required string Target { get; set; }

    public required string Url { get; set; }

    public DateTimeOffset At { get; set; }

    public bool Loaded { get; set; }

    public int Milliseconds { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }
}

internal sealed class AvailabilityProbeConfiguration : IEntityTypeConfiguration<AvailabilityProbe>
{
    public void Configure(EntityTypeBuilder<AvailabilityProbe> builder)
    {
        builder.ToTable("availability_probes");
        builder.Property(p => p.Node).HasMaxLength(128);
        builder.Property(p => p.Target).HasMaxLength(16);
        builder.Property(p => p.Url).HasMaxLength(500);
        builder.Property(p => p.Error).HasMaxLength(300);
        builder.HasIndex(p => p.At);
    }
}
