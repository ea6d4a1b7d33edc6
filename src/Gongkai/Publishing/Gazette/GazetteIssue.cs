using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing.Gazette;

/// <summary>An issue of the government gazette (政府公报): year, number within the year, date and title, assembling
/// published documents in order. Public once published.</summary>
public sealed class GazetteIssue
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>期号 within the year (第3期).</summary>
    public int Number { get; set; }

    public DateOnly IssuedOn { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<GazetteEntry> Entries { get; set; } = [];

    public bool IsPublished => PublishedAt is not null;

    public string Url => $"/gazette/{Year}/{Number}";
}

/// <summary>A document's place in an issue's table of contents.</summary>
public sealed class GazetteEntry
{
    public int IssueId { get; set; }

    public int DocumentId { get; set; }

    public Document? Document { get; set; }

    public int Position { get; set; }
}

internal sealed class GazetteIssueConfiguration : IEntityTypeConfiguration<GazetteIssue>
{
    public void Configure(EntityTypeBuilder<GazetteIssue> builder)
    {
        builder.ToTable("gazette_issues");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.Year, i.Number }).IsUnique();
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Ignore(i => i.IsPublished);
        builder.Ignore(i => i.Url);
        builder.HasMany(i => i.Entries).WithOne().HasForeignKey(e => e.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GazetteEntryConfiguration : IEntityTypeConfiguration<GazetteEntry>
{
    public void Configure(EntityTypeBuilder<GazetteEntry> builder)
    {
        builder.ToTable("gazette_entries");
        builder.HasKey(e => new { e.IssueId, e.DocumentId });
        builder.HasOne(e => e.Document).WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
