using Gongkai.Organizations;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing;

/// <summary>A government document (政府信息) from its draft through review to publication, correction or withdrawal,
/// with the metadata a document page shows. Published versions are kept as immutable <see cref="DocumentVersion"/>s.</summary>
public sealed class Document
{
    public int Id { get; set; }

    /// <summary>索引号: the publishing body's organisation code, the year and a sequence, e.g. <c>00700002-5/2018-00012</c>.
    /// Assigned at first publication and never changed afterwards; null while the document has never been published.</summary>
    public string? IndexNo { get; set; }

    public required string Title { get; set; }

    /// <summary>文号 in its normalised form, e.g. 绵府办发〔2018〕12号; many documents have none.</summary>
    public string? DocNumber { get; set; }

    /// <summary>The issuing body (发布机构), which owns the document.</summary>
    public int BodyId { get; set; }

    public Body? Body { get; set; }

    /// <summary>Bodies issuing it jointly (联合发文).</summary>
    public List<DocumentCoIssuer> CoIssuers { get; set; } = [];

    /// <summary>One of <see cref="DocumentCatalog.Types"/>, e.g. 行政规范性文件.</summary>
    public required string DocumentType { get; set; }

    /// <summary>主题分类: one of the State Council's policy subjects (<see cref="DocumentCatalog.Subjects"/>).</summary>
    public required string Subject { get; set; }

    /// <summary>Keywords separated by "；" as entered after normalisation.</summary>
    public string? Keywords { get; set; }

    /// <summary>成文日期 (signed, or for other information formed or changed): the start of the publication deadline.</summary>
    public DateOnly? SignedOn { get; set; }

    /// <summary>施行日期 and 失效日期.</summary>
    public DateOnly? EffectiveOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>发布日期 of the first publication; null until published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The time a final reviewer set for a scheduled publication.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    public DocumentValidity Validity { get; set; }

    /// <summary>The document that repealed or revised this one, when <see cref="Validity"/> says so.</summary>
    public int? SupersededById { get; set; }

    public Document? SupersededBy { get; set; }

    /// <summary>Sanitised HTML (see <see cref="RichText"/>) or escaped paragraphs from plain text.</summary>
    public required string BodyHtml { get; set; }

    public DocumentStatus Status { get; set; }

    /// <summary>User ids of the current submission's submitter and stage approvers (cleared when returned).</summary>
    public string? SubmittedBy { get; set; }

    public string? FirstApprovedBy { get; set; }

    public string? SecondApprovedBy { get; set; }

    /// <summary>A reviewer's reason why a normative document needs no interpretation.</summary>
    public string? NoInterpretationReason { get; set; }

    public string? WithdrawalReason { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>The deadline and lateness at first publication, kept for the annual report and assessments.</summary>
    public DateOnly? DueOn { get; set; }

    public int? LateWorkingDays { get; set; }

    /// <summary>The number of the latest published version (0 before publication).</summary>
    public int CurrentVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token: raised by every change, so two people acting on the same state cannot both win.</summary>
    public int Revision { get; set; }

    /// <summary>A body's own information, or a reference document of the law library (政策法规库) that the site republishes
    /// but did not issue: it is filed under the importing body only for storage, has a library number (FG-…) instead of
    /// a body's 索引号, and is never listed, counted or reported as that body's information.</summary>
    public DocumentKind Kind { get; set; }

    /// <summary>制定机关 of a reference document (e.g. 国务院); null when unknown.</summary>
    public string? Issuer { get; set; }

    /// <summary>效力级别 of a reference document (<see cref="Rules.ReferenceClassification.Levels"/>).</summary>
    public string? Level { get; set; }

    /// <summary>地域 of a reference document: 全国, a province (四川省) or province/city (四川省/绵阳市).</summary>
    public string? Region { get; set; }

    /// <summary>时效性 of a reference document (现行有效, 已修改, 已废止, 尚未生效).</summary>
    public string? LegalStatus { get; set; }

    /// <summary>What the versions of one law share (<see cref="Rules.ReferenceClassification.VersionKey"/>).</summary>
    public string? LawKey { get; set; }

    /// <summary>The node of the body's 主动公开基本目录 the document is filed in (<see cref="Catalogue.CatalogueNode"/>).</summary>
    public int? CatalogueNodeId { get; set; }
}

public enum DocumentKind
{
    Own,
    Reference,
}

/// <summary>有效性.</summary>
public enum DocumentValidity
{
    Valid,
    Expired,
    Repealed,
    Revised,
}

/// <summary>A co-issuing body of a jointly issued document and its answer (<see cref="CoIssueCountersign"/>): the
/// document shows under the body only once the body has countersigned.</summary>
public sealed class DocumentCoIssuer
{
    public int DocumentId { get; set; }

    public int BodyId { get; set; }

    public Body? Body { get; set; }

    /// <summary>Also the row's concurrency token, so two reviewers answering at once cannot both win.</summary>
    public CoIssueState State { get; set; }

    /// <summary>Why the body declined; shown to the issuing body.</summary>
    public string? DeclineReason { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The answering reviewer's user id and display name.</summary>
    public string? AnsweredBy { get; set; }

    public string? AnsweredByName { get; set; }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("documents");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.IndexNo).IsUnique();
        builder.HasIndex(d => new { d.Status, d.PublishedAt });
        builder.HasIndex(d => new { d.BodyId, d.Status, d.PublishedAt });
        builder.Property(d => d.IndexNo).HasMaxLength(40);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.DocNumber).HasMaxLength(100);
        builder.Property(d => d.DocumentType).HasMaxLength(32);
        builder.Property(d => d.Subject).HasMaxLength(64);
        builder.Property(d => d.Keywords).HasMaxLength(300);
        builder.Property(d => d.Validity).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.SubmittedBy).HasMaxLength(64);
        builder.Property(d => d.FirstApprovedBy).HasMaxLength(64);
        builder.Property(d => d.SecondApprovedBy).HasMaxLength(64);
        builder.Property(d => d.NoInterpretationReason).HasMaxLength(1000);
        builder.Property(d => d.WithdrawalReason).HasMaxLength(1000);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.HasOne(d => d.Body).WithMany().HasForeignKey(d => d.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.SupersededBy).WithMany().HasForeignKey(d => d.SupersededById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.CatalogueNodeId, d.Status, d.PublishedAt });
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(DocumentKind.Own);
        builder.Property(d => d.Issuer).HasMaxLength(100);
        builder.Property(d => d.Level).HasMaxLength(16);
        builder.Property(d => d.Region).HasMaxLength(60);
        builder.Property(d => d.LegalStatus).HasMaxLength(16);
        builder.Property(d => d.LawKey).HasMaxLength(300);
        builder.HasIndex(d => new { d.Kind, d.LawKey });
        builder.HasOne<Catalogue.CatalogueNode>().WithMany().HasForeignKey(d => d.CatalogueNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.CoIssuers).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentCoIssuerConfiguration : IEntityTypeConfiguration<DocumentCoIssuer>
{
    public void Configure(EntityTypeBuilder<DocumentCoIssuer> builder)
    {
        builder.ToTable("document_co_issuers");
        builder.HasKey(c => new { c.DocumentId, c.BodyId });
        builder.HasOne(c => c.Body).WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
        // Rows from before countersigning was required read as requested: nobody at the co-issuer had agreed.
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16).HasDefaultValue(CoIssueState.Requested).IsConcurrencyToken();
        builder.Property(c => c.DeclineReason).HasMaxLength(CoIssueCountersign.MaxReasonLength);
        builder.Property(c => c.AnsweredBy).HasMaxLength(64);
        builder.Property(c => c.AnsweredByName).HasMaxLength(100);
        builder.HasIndex(c => new { c.BodyId, c.State });
    }
}
