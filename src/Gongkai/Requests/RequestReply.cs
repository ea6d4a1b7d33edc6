using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

/// <summary>The reply to a request: one coded decision of table 三, the reasons or the information given, the remedy
/// notice naming the review body, and the letter's wording. Staff may edit the wording; changing the decision
/// needs a recorded reason.</summary>
public sealed class RequestReply
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    /// <summary>A <see cref="Rules.ReplyDecision.Code"/>.</summary>
    public required string Decision { get; set; }

    public DateOnly RepliedOn { get; set; }

    /// <summary>The reasons (for withheld parts) or what was provided and how, as the officer wrote them.</summary>
    public string Reasons { get; set; } = "";

    /// <summary>The 行政复议 body named in the remedy notice (the government above the handling body).</summary>
    public required string ReviewBody { get; set; }

    /// <summary>The letter's body text; generated from the decision and editable.</summary>
    public required string LetterText { get; set; }

    /// <summary>Why the coded decision was changed after the reply was first recorded; empty if never changed.</summary>
    public string DecisionChangeReason { get; set; } = "";

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class RequestReplyConfiguration : IEntityTypeConfiguration<RequestReply>
{
    public void Configure(EntityTypeBuilder<RequestReply> builder)
    {
        builder.ToTable("disclosure_request_replies");
        builder.HasIndex(r => r.RequestId).IsUnique();
        builder.HasOne<DisclosureRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Decision).HasMaxLength(40);
        builder.Property(r => r.Reasons).HasMaxLength(4000);
        builder.Property(r => r.ReviewBody).HasMaxLength(100);
        builder.Property(r => r.LetterText).HasMaxLength(8000);
        builder.Property(r => r.DecisionChangeReason).HasMaxLength(1000);
        builder.Property(r => r.RecordedBy).HasMaxLength(100);
    }
}
