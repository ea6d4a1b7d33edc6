using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing;

/// <summary>
/// A correction (更正) of a published document as its author proposed it: the checked fields, waiting for review
/// (<see cref="CorrectionReview"/>). Nothing of it is public until it is approved; then the fields are applied to the
/// document and a new <see cref="DocumentVersion"/> is made. A returned correction stays as a record with its reason.
/// </summary>
public sealed class DocumentCorrection
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary>The public version the author corrected; approval is refused once the document has a newer one.</summary>
    public int BaseVersion { get; set; }

    /// <summary>Also the concurrency token: two reviewers deciding at once cannot both win.</summary>
    public CorrectionState State { get; set; }

    /// <summary>Shown publicly beside the change once approved.</summary>
    public required string Reason { get; set; }

    public required string Title { get; set; }

    public string? DocNumber { get; set; }

    public required string DocumentType { get; set; }

    public required string Subject { get; set; }

    public DateOnly? SignedOn { get; set; }

    public required string BodyHtml { get; set; }

    public string? Keywords { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public DocumentValidity Validity { get; set; }

    public int? SupersededById { get; set; }

    public int? CatalogueNodeId { get; set; }

    /// <summary>Ids of the co-issuing bodies, comma-separated (checked when submitted).</summary>
    public string CoIssuerIds { get; set; } = "";

    public required string SubmittedBy { get; set; }

    public required string SubmittedByName { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string? FirstApprovedBy { get; set; }

    public string? SecondApprovedBy { get; set; }

    /// <summary>Who approved it at 终审 or returned it, and when.</summary>
    public string? DecidedBy { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? ReturnReason { get; set; }

    public IReadOnlyList<int> CoIssuerBodyIds() =>
        CoIssuerIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

internal sealed class DocumentCorrectionConfiguration : IEntityTypeConfiguration<DocumentCorrection>
{
    public void Configure(EntityTypeBuilder<DocumentCorrection> builder)
    {
        builder.ToTable("document_corrections");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.DocumentId, c.State });
        builder.HasIndex(c => c.State);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(24).IsConcurrencyToken();
        builder.Property(c => c.Reason).HasMaxLength(ReviewWorkflow.MaxReasonLength);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.DocNumber).HasMaxLength(100);
        builder.Property(c => c.DocumentType).HasMaxLength(32);
        builder.Property(c => c.Subject).HasMaxLength(64);
        builder.Property(c => c.Keywords).HasMaxLength(300);
        builder.Property(c => c.Validity).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CoIssuerIds).HasMaxLength(500);
        builder.Property(c => c.SubmittedBy).HasMaxLength(64);
        builder.Property(c => c.SubmittedByName).HasMaxLength(100);
        builder.Property(c => c.FirstApprovedBy).HasMaxLength(64);
        builder.Property(c => c.SecondApprovedBy).HasMaxLength(64);
        builder.Property(c => c.DecidedBy).HasMaxLength(64);
        builder.Property(c => c.DecidedByName).HasMaxLength(100);
        builder.Property(c => c.ReturnReason).HasMaxLength(CorrectionReview.MaxReasonLength);
        builder.HasOne<Document>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
