using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Participation;

/// <summary>A government meeting with seats for the public (公众列席): the notice, applications checked by staff, the
/// reproducible draw when applicants exceed the seats, and after the meeting the attendance and the opinions.</summary>
public sealed class Meeting
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public required string Topic { get; set; }

    /// <summary>What the meeting will discuss, plain text.</summary>
    public string Description { get; set; } = "";

    public DateTimeOffset HeldAt { get; set; }

    public required string Place { get; set; }

    public int Seats { get; set; }

    /// <summary>Who may apply (e.g. 本市常住居民、年满18周岁), plain text.</summary>
    public string Eligibility { get; set; } = "";

    /// <summary>Applications are taken until the end of this day (China time).</summary>
    public DateOnly ApplyBy { get; set; }

    /// <summary>draft | announced | seated | recorded (<see cref="Rules.MeetingStage"/>).</summary>
    public string Stage { get; set; } = "draft";

    /// <summary>The draw's seed, published with its result; null when no draw was needed (all accepted applicants seated).</summary>
    public string? DrawSeed { get; set; }

    public DateTimeOffset? SeatedAt { get; set; }

    public string? SeatedBy { get; set; }

    /// <summary>The meeting's record as the public reads it (what was discussed, what the representatives said).</summary>
    public string RecordSummary { get; set; } = "";

    public DateTimeOffset? RecordedAt { get; set; }

    public string? RecordedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? AnnouncedAt { get; set; }

    public string? AnnouncedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>An application for a seat. The ID number is personal data: staff lists mask it; only the identity check
/// shows it in full. The public sees the application number and a masked name, never the ID number or contact.</summary>
public sealed class SeatApplication
{
    public long Id { get; set; }

    public int MeetingId { get; set; }

    public required string Name { get; set; }

    public required string IdNumber { get; set; }

    public required string Contact { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>pending | accepted | refused.</summary>
    public string IdentityCheck { get; set; } = "pending";

    /// <summary>Why the application was refused (told to the applicant), or a note on acceptance.</summary>
    public string? CheckReason { get; set; }

    public string? CheckedBy { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    /// <summary>Rank in the draw (1 = first), or the order of acceptance when no draw was needed.</summary>
    public int? Rank { get; set; }

    /// <summary>Whether a seat was given (false: waiting list).</summary>
    public bool? Seated { get; set; }

    /// <summary>Whether the representative attended (recorded after the meeting).</summary>
    public bool? Attended { get; set; }

    /// <summary>The representative's opinion as staff recorded it (plain text), and its public text masked by the safeguards.</summary>
    public string? Opinion { get; set; }

    public string? PublicOpinion { get; set; }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("meetings");
        builder.Property(m => m.Topic).HasMaxLength(200);
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.Property(m => m.Place).HasMaxLength(200);
        builder.Property(m => m.Eligibility).HasMaxLength(1000);
        builder.Property(m => m.Stage).HasMaxLength(16);
        builder.Property(m => m.DrawSeed).HasMaxLength(64);
        builder.Property(m => m.SeatedBy).HasMaxLength(128);
        builder.Property(m => m.RecordSummary).HasMaxLength(8000);
        builder.Property(m => m.RecordedBy).HasMaxLength(128);
        builder.Property(m => m.CreatedBy).HasMaxLength(128);
        builder.Property(m => m.AnnouncedBy).HasMaxLength(128);
        builder.Property(m => m.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(m => new { m.Stage, m.HeldAt });
        builder.HasIndex(m => m.BodyId);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SeatApplicationConfiguration : IEntityTypeConfiguration<SeatApplication>
{
    public void Configure(EntityTypeBuilder<SeatApplication> builder)
    {
        builder.ToTable("meeting_seat_applications");
        builder.Property(a => a.Name).HasMaxLength(50);
        builder.Property(a => a.IdNumber).HasMaxLength(18);
        builder.Property(a => a.Contact).HasMaxLength(100);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.IdentityCheck).HasMaxLength(16);
        builder.Property(a => a.CheckReason).HasMaxLength(1000);
        builder.Property(a => a.CheckedBy).HasMaxLength(128);
        builder.Property(a => a.Opinion).HasMaxLength(5000);
        builder.Property(a => a.PublicOpinion).HasMaxLength(5000);
        builder.HasIndex(a => new { a.MeetingId, a.Id });
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
