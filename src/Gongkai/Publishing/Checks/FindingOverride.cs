using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks;

/// <summary>A final reviewer's decision to publish one piece of personal data found in a document (e.g. the party's
/// name in a punitive notice the law requires to name): which kind and text, who, when and why. Rows of one decision
/// share <see cref="At"/> and <see cref="Reason"/>.</summary>
public sealed class FindingOverride
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary>The wire code of the kind (<see cref="FindingKinds.Code"/>), e.g. <c>person-name</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The exact text that may be published.</summary>
    public required string Text { get; set; }

    public required string Reason { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class FindingOverrideConfiguration : IEntityTypeConfiguration<FindingOverride>
{
    public void Configure(EntityTypeBuilder<FindingOverride> builder)
    {
        builder.ToTable("document_finding_overrides");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.DocumentId);
        builder.Property(o => o.Kind).HasMaxLength(32);
        builder.Property(o => o.Text).HasMaxLength(500);
        builder.Property(o => o.Reason).HasMaxLength(PublicationGate.MaxReasonLength);
        builder.Property(o => o.UserId).HasMaxLength(64);
        builder.Property(o => o.UserName).HasMaxLength(100);
        builder.HasOne<Document>().WithMany().HasForeignKey(o => o.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
