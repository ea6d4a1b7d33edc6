using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

/// <summary>A 行政复议 or 行政诉讼 case brought against a reply, with its outcome as table 四 counts it.</summary>
public sealed class RequestAppeal
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    /// <summary>The handling body (copied from the request, so table 四 is one indexed query).</summary>
    public int BodyId { get; set; }

    /// <summary>A <see cref="Rules.AppealKinds"/> code: reconsideration | litigation-direct | litigation-after-review.</summary>
    public required string Kind { get; set; }

    /// <summary>The day the case was filed (申请复议 / 起诉).</summary>
    public DateOnly FiledOn { get; set; }

    /// <summary>A <see cref="Rules.AppealOutcomes"/> code: upheld | corrected | other | pending.</summary>
    public required string Outcome { get; set; }

    /// <summary>The day of the decision or judgment; null while pending.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>案号 or the reviewing body's reference.</summary>
    public string Reference { get; set; } = "";

    public string Details { get; set; } = "";

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class RequestAppealConfiguration : IEntityTypeConfiguration<RequestAppeal>
{
    public void Configure(EntityTypeBuilder<RequestAppeal> builder)
    {
        builder.ToTable("disclosure_request_appeals");
        builder.HasIndex(a => new { a.BodyId, a.FiledOn });
        builder.HasIndex(a => a.RequestId);
        builder.HasOne<DisclosureRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Kind).HasMaxLength(30);
        builder.Property(a => a.Outcome).HasMaxLength(20);
        builder.Property(a => a.Reference).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.Property(a => a.RecordedBy).HasMaxLength(100);
    }
}

/// <summary>A reminder sent to the officer before a due date; the unique key makes the job idempotent per request,
/// threshold and due date (an extension moves the due date and earns fresh reminders).</summary>
public sealed class RequestReminder
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    /// <summary>Working days before the due date: 5 or 1.</summary>
    public int WorkingDaysBefore { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public required string Recipient { get; set; }
}

internal sealed class RequestReminderConfiguration : IEntityTypeConfiguration<RequestReminder>
{
    public void Configure(EntityTypeBuilder<RequestReminder> builder)
    {
        builder.ToTable("disclosure_request_reminders");
        builder.HasIndex(r => new { r.RequestId, r.WorkingDaysBefore, r.DueOn }).IsUnique();
        builder.HasOne<DisclosureRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Recipient).HasMaxLength(200);
    }
}
