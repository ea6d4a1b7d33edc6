using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing.Checks.LeakReports;

/// <summary>A citizen's 报告个人信息泄露 about a published document: what they saw, how to reach them (never shown
/// publicly, only to the body's staff), and the staff's answer.</summary>
public sealed class LeakReport
{
    public const int MaxDescriptionLength = 2000;
    public const int MaxContactLength = 200;
    public const int MaxAnswerLength = 2000;

    public int Id { get; set; }

    public int DocumentId { get; set; }

    public int BodyId { get; set; }

    public required string Description { get; set; }

    /// <summary>The reporter's phone or e-mail, optional; staff only.</summary>
    public string? ReporterContact { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }
}

internal sealed class LeakReportConfiguration : IEntityTypeConfiguration<LeakReport>
{
    public void Configure(EntityTypeBuilder<LeakReport> builder)
    {
        builder.ToTable("document_leak_reports");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.BodyId, r.AnsweredAt });
        builder.Property(r => r.Description).HasMaxLength(LeakReport.MaxDescriptionLength);
        builder.Property(r => r.ReporterContact).HasMaxLength(LeakReport.MaxContactLength);
        builder.Property(r => r.Answer).HasMaxLength(LeakReport.MaxAnswerLength);
        builder.Property(r => r.AnsweredBy).HasMaxLength(100);
        builder.HasOne<Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
