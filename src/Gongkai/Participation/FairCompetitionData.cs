using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Participation;

/// <summary>A document (kept by Publishing, named by its id) marked as touching market activity: the areas, which make
/// a fair-competition review a condition of its 终审. No row: not marked.</summary>
public sealed class MarketActivityMark
{
    public int DocumentId { get; set; }

    public int BodyId { get; set; }

    /// <summary>Area codes of <see cref="Rules.FairCompetitionRules.Areas"/>, comma-separated, in the rules' order.</summary>
    public required string Areas { get; set; }

    public DateTimeOffset MarkedAt { get; set; }

    public required string MarkedBy { get; set; }

    public IReadOnlyList<string> AreaList => Areas.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One fair-competition review of a document: every standard answered, the conclusion and the reviewer. Reviews
/// are never changed: a new review is a new row, and the latest decides.</summary>
public sealed class FairCompetitionReview
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public int BodyId { get; set; }

    /// <summary>The document's title when reviewed, so the year's list reads without Publishing.</summary>
    public required string DocumentTitle { get; set; }

    /// <summary>The areas marked when the review was made (comma-separated codes).</summary>
    public required string Areas { get; set; }

    /// <summary>The answers as JSON: <c>[{"code":"1.1","yes":false,"note":null}, …]</c>, every item in order.</summary>
    public required string AnswersJson { get; set; }

    /// <summary>compliant | non-compliant | exception.</summary>
    public required string Conclusion { get; set; }

    public string? ExceptionKind { get; set; }

    public string? ExceptionReason { get; set; }

    public string? Note { get; set; }

    public required string ReviewerId { get; set; }

    public required string ReviewerName { get; set; }

    public DateTimeOffset ReviewedAt { get; set; }

    /// <summary>The year of <see cref="ReviewedAt"/> in China, for the body's list by year.</summary>
    public int Year { get; set; }

    public IReadOnlyList<string> AreaList => Areas.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class MarketActivityMarkConfiguration : IEntityTypeConfiguration<MarketActivityMark>
{
    public void Configure(EntityTypeBuilder<MarketActivityMark> builder)
    {
        builder.ToTable("market_activity_marks");
        builder.HasKey(m => m.DocumentId);
        builder.Property(m => m.DocumentId).ValueGeneratedNever();
        builder.Property(m => m.Areas).HasMaxLength(200);
        builder.Property(m => m.MarkedBy).HasMaxLength(100);
        builder.Ignore(m => m.AreaList);
    }
}

internal sealed class FairCompetitionReviewConfiguration : IEntityTypeConfiguration<FairCompetitionReview>
{
    public void Configure(EntityTypeBuilder<FairCompetitionReview> builder)
    {
        builder.ToTable("fair_competition_reviews");
        builder.HasIndex(r => r.DocumentId);
        builder.HasIndex(r => new { r.BodyId, r.Year });
        builder.Property(r => r.DocumentTitle).HasMaxLength(500);
        builder.Property(r => r.Areas).HasMaxLength(200);
        builder.Property(r => r.Conclusion).HasMaxLength(16);
        builder.Property(r => r.ExceptionKind).HasMaxLength(32);
        builder.Property(r => r.ExceptionReason).HasMaxLength(1000);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.Property(r => r.ReviewerId).HasMaxLength(64);
        builder.Property(r => r.ReviewerName).HasMaxLength(100);
        builder.Ignore(r => r.AreaList);
    }
}
