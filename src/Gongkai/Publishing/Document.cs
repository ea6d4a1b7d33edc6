using Gongkai.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing;

/// <summary>A published government document (主动公开的政府信息) with the metadata a document page shows.</summary>
public sealed class Document
{
    public int Id { get; set; }

    /// <summary>索引号: the publishing body's organisation code, the year and a sequence, e.g. <c>00700002-5/2018-00012</c>.</summary>
    public required string IndexNo { get; set; }

    public required string Title { get; set; }

    /// <summary>文号, e.g. 绵府办发〔2018〕12号; many documents have none.</summary>
    public string? DocNumber { get; set; }

    public int BodyId { get; set; }

    public Body? Body { get; set; }

    /// <summary>One of <see cref="DocumentCatalog.Types"/>, e.g. 行政规范性文件.</summary>
    public required string DocumentType { get; set; }

    /// <summary>主题分类: one of the State Council's policy subjects (<see cref="DocumentCatalog.Subjects"/>).</summary>
    public required string Subject { get; set; }

    /// <summary>成文日期.</summary>
    public DateOnly? SignedOn { get; set; }

    /// <summary>发布日期.</summary>
    public DateTimeOffset PublishedAt { get; set; }

    public DocumentValidity Validity { get; set; }

    /// <summary>The text as HTML built by <see cref="DocumentText.ToParagraphHtml"/> (escaped paragraphs only).</summary>
    public required string BodyHtml { get; set; }
}

/// <summary>有效性.</summary>
public enum DocumentValidity
{
    Valid,
    Expired,
    Repealed,
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("documents");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.IndexNo).IsUnique();
        builder.HasIndex(d => d.PublishedAt);
        builder.HasIndex(d => new { d.BodyId, d.PublishedAt });
        builder.Property(d => d.IndexNo).HasMaxLength(40);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.DocNumber).HasMaxLength(100);
        builder.Property(d => d.DocumentType).HasMaxLength(32);
        builder.Property(d => d.Subject).HasMaxLength(64);
        builder.Property(d => d.Validity).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(d => d.Body).WithMany().HasForeignKey(d => d.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
