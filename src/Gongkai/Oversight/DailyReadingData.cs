using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Oversight;

/// <summary>A body's 每日读网 rota: its readers in order (user names, one a line) from a start date.</summary>
public sealed class ReadingRotaEntry
{
    public int BodyId { get; set; }

    public string Readers { get; set; } = "";

    public DateOnly StartsOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public IReadOnlyList<string> ReaderList => Readers.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One day's reading of a body's site: who read, the window of publications it covers, and when every item
/// was dealt with.</summary>
public sealed class DailyReading
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    /// <summary>The China date of the reading (one per body and day).</summary>
    public DateOnly ReadOn { get; set; }

    public required string Reader { get; set; }

    /// <summary>Publications after this instant (the previous reading's end) …</summary>
    public DateTimeOffset Since { get; set; }

    /// <summary>… up to this one (when the reading started).</summary>
    public DateTimeOffset Until { get; set; }

    /// <summary>When the last item was marked; null while items are open.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public List<DailyReadingItem> Items { get; set; } = [];
}

/// <summary>One publication in a reading: read, or a problem raised (sent to the publisher).</summary>
public sealed class DailyReadingItem
{
    public int Id { get; set; }

    public int ReadingId { get; set; }

    public int DocumentId { get; set; }

    public string IndexNo { get; set; } = "";

    public required string Title { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>Who submitted the document (its publisher to tell about a problem); empty when unknown.</summary>
    public string Publisher { get; set; } = "";

    /// <summary>null (not yet), <c>read</c> or <c>problem</c>.</summary>
    public string? Outcome { get; set; }

    public string Problem { get; set; } = "";

    public DateTimeOffset? MarkedAt { get; set; }
}

internal sealed class ReadingRotaConfiguration : IEntityTypeConfiguration<ReadingRotaEntry>
{
    public void Configure(EntityTypeBuilder<ReadingRotaEntry> builder)
    {
        builder.ToTable("reading_rotas");
        builder.HasKey(r => r.BodyId);
        builder.Property(r => r.BodyId).ValueGeneratedNever();
        builder.Property(r => r.Readers).HasMaxLength(4000);
        builder.Property(r => r.UpdatedBy).HasMaxLength(128);
        builder.Ignore(r => r.ReaderList);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DailyReadingConfiguration : IEntityTypeConfiguration<DailyReading>
{
    public void Configure(EntityTypeBuilder<DailyReading> builder)
    {
        builder.ToTable("daily_readings");
        builder.Property(r => r.Reader).HasMaxLength(128);
        builder.HasIndex(r => new { r.BodyId, r.ReadOn }).IsUnique();
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ReadingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DailyReadingItemConfiguration : IEntityTypeConfiguration<DailyReadingItem>
{
    public void Configure(EntityTypeBuilder<DailyReadingItem> builder)
    {
        builder.ToTable("daily_reading_items");
        builder.Property(i => i.IndexNo).HasMaxLength(64);
        builder.Property(i => i.Title).HasMaxLength(500);
        builder.Property(i => i.Publisher).HasMaxLength(128);
        builder.Property(i => i.Outcome).HasMaxLength(16);
        builder.Property(i => i.Problem).HasMaxLength(ReadingRotaLimits.ProblemLength);
        builder.HasIndex(i => i.ReadingId);
    }
}

internal static class ReadingRotaLimits
{
    public const int ProblemLength = Rules.ReadingRota.MaxProblemLength;
}
