using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Oversight;

/// <summary>A body's 政府信息公开工作年度报告 for one year: the text parts staff write, the hand-entered figures of table
/// 二, the figures frozen for publication, and the document it was published as (through Publishing's review).</summary>
public sealed class AnnualReport
{
    public const string Draft = "draft";
    public const string Frozen = "frozen";
    public const string Submitted = "submitted";

    public int Id { get; set; }

    public int BodyId { get; set; }

    public int Year { get; set; }

    /// <summary>draft (figures computed live, editable) | frozen (figures fixed) | submitted (a document exists; its
    /// review state is Publishing's).</summary>
    public required string Status { get; set; }

    /// <summary>一、总体情况.</summary>
    public string Overview { get; set; } = "";

    /// <summary>五、存在的主要问题及改进情况.</summary>
    public string Problems { get; set; } = "";

    /// <summary>六、其他需要报告的事项.</summary>
    public string Other { get; set; } = "";

    /// <summary>Hand-entered figures of table 二 as JSON: key → number (null = not entered).</summary>
    public string HandFigures { get; set; } = "{}";

    /// <summary>The tables as frozen (JSON of <see cref="Rules.AnnualReportTables"/>); null while the figures are live.</summary>
    public string? FrozenTables { get; set; }

    public DateTimeOffset? FrozenAt { get; set; }

    public string? FrozenBy { get; set; }

    /// <summary>The Publishing document the report was submitted as.</summary>
    public int? DocumentId { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Concurrency token: two people saving one report at once get a conflict, not a lost edit.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDemo { get; set; }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.ToTable("annual_reports");
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.Overview).HasMaxLength(20000);
        builder.Property(r => r.Problems).HasMaxLength(20000);
        builder.Property(r => r.Other).HasMaxLength(20000);
        builder.Property(r => r.HandFigures).HasMaxLength(4000);
        builder.Property(r => r.FrozenTables).HasMaxLength(100000);
        builder.Property(r => r.FrozenBy).HasMaxLength(128);
        builder.Property(r => r.CreatedBy).HasMaxLength(128);
        builder.Property(r => r.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(r => new { r.BodyId, r.Year }).IsUnique();
        builder.HasIndex(r => r.Year);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
