using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks.Links;

/// <summary>The last result of checking one link of one document: whether it works, the HTTP status or the reason it
/// does not, when it was last checked and since when it has been broken.</summary>
public sealed class LinkCheck
{
    public long Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary>The document's body, kept here so the dashboard counts per body without a join.</summary>
    public int BodyId { get; set; }

    public required string Url { get; set; }

    public bool IsExternal { get; set; }

    public bool IsImage { get; set; }

    public bool Ok { get; set; }

    public int? StatusCode { get; set; }

    /// <summary>Why the link is broken, in Chinese; empty when it works.</summary>
    public string Problem { get; set; } = "";

    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>The first check that found it broken, in the current run of failures; null while it works.</summary>
    public DateTimeOffset? BrokenSince { get; set; }
}

internal sealed class LinkCheckConfiguration : IEntityTypeConfiguration<LinkCheck>
{
    public void Configure(EntityTypeBuilder<LinkCheck> builder)
    {
        builder.ToTable("link_checks");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.DocumentId, l.Url }).IsUnique();
        builder.HasIndex(l => new { l.BodyId, l.Ok });
        builder.Property(l => l.Url).HasMaxLength(LinkChecker.MaxUrlLength);
        builder.Property(l => l.Problem).HasMaxLength(300);
        builder.HasOne<Document>().WithMany().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
