using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Participation;

/// <summary>A consultation (意见征集) on a draft: prepared by a body's staff, opened by its 终审 user, commented on by
/// anyone while open, then answered with the feedback (意见采纳情况) for every comment.</summary>
public sealed class Consultation
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public required string Title { get; set; }

    /// <summary>rule | major-decision | normative-document | other.</summary>
    public required string Kind { get; set; }

    /// <summary>The draft (征求意见稿), sanitised rich text.</summary>
    public string DraftHtml { get; set; } = "";

    /// <summary>The explanation (起草说明), sanitised rich text.</summary>
    public string ExplanationHtml { get; set; } = "";

    /// <summary>Alternatives to discuss (方案一, 方案二 …), one per line; empty when there are none.</summary>
    public string Options { get; set; } = "";

    /// <summary>Ways to comment besides this site (address for letters, e-mail, phone), as the public page shows them.</summary>
    public string HowToComment { get; set; } = "";

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    /// <summary>Why the period is shorter than the kind's minimum; shown publicly. Null when it is not shorter.</summary>
    public string? ShortenedReason { get; set; }

    /// <summary>draft | opened | feedback-published (<see cref="Rules.ConsultationStage"/>).</summary>
    public string Stage { get; set; } = "draft";

    public string FeedbackSummary { get; set; } = "";

    /// <summary>索引号 of the document this consultation produced, once staff link it.</summary>
    public string? DocumentIndexNo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public string? OpenedBy { get; set; }

    public DateTimeOffset? FeedbackSavedAt { get; set; }

    public DateTimeOffset? FeedbackPublishedAt { get; set; }

    public string? FeedbackPublishedBy { get; set; }

    /// <summary>Concurrency token: two staff members acting on one consultation at once get a conflict, not a lost step.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDemo { get; set; }

    public IReadOnlyList<string> OptionList => Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One comment: from the web form or recorded by staff from a letter, forum or visit. The contact is for the
/// body's staff only and never leaves the console; the public sees <see cref="PublicText"/> once a moderator shows it.</summary>
public sealed class ConsultationComment
{
    public long Id { get; set; }

    public int ConsultationId { get; set; }

    public string? Name { get; set; }

    public required string Contact { get; set; }

    /// <summary>As submitted, kept as plain text.</summary>
    public required string Text { get; set; }

    /// <summary>The text with the commenter's own contact struck out and personal data masked by the safeguards.</summary>
    public required string PublicText { get; set; }

    public string? Clause { get; set; }

    /// <summary>The alternative chosen (1 = 方案一), if any.</summary>
    public int? Option { get; set; }

    /// <summary>online | letter | email | phone | forum | hearing | field-visit.</summary>
    public required string Channel { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The staff member who recorded an offline comment; null for the web form.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>pending | shown | hidden.</summary>
    public string Moderation { get; set; } = "pending";

    public int? GroupId { get; set; }
}

/// <summary>A group of comments with one decision (采纳 / 部分采纳 / 不予采纳) and, unless adopted, its reason.</summary>
public sealed class FeedbackGroup
{
    public int Id { get; set; }

    public int ConsultationId { get; set; }

    public int Position { get; set; }

    /// <summary>What the comments of the group asked for, in staff's words.</summary>
    public string Summary { get; set; } = "";

    public required string Decision { get; set; }

    public string Reason { get; set; } = "";
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("consultations");
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Kind).HasMaxLength(24);
        builder.Property(c => c.Options).HasMaxLength(4000);
        builder.Property(c => c.HowToComment).HasMaxLength(1000);
        builder.Property(c => c.ShortenedReason).HasMaxLength(1000);
        builder.Property(c => c.Stage).HasMaxLength(24);
        builder.Property(c => c.FeedbackSummary).HasMaxLength(4000);
        builder.Property(c => c.DocumentIndexNo).HasMaxLength(64);
        builder.Property(c => c.CreatedBy).HasMaxLength(128);
        builder.Property(c => c.OpenedBy).HasMaxLength(128);
        builder.Property(c => c.FeedbackPublishedBy).HasMaxLength(128);
        builder.Property(c => c.UpdatedAt).IsConcurrencyToken();
        builder.Ignore(c => c.OptionList);
        // The public lists: by stage and dates.
        builder.HasIndex(c => new { c.Stage, c.ClosesOn });
        builder.HasIndex(c => c.BodyId);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> builder)
    {
        builder.ToTable("consultation_comments");
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.Property(c => c.Contact).HasMaxLength(100);
        builder.Property(c => c.Text).HasMaxLength(5000);
        builder.Property(c => c.PublicText).HasMaxLength(5000);
        builder.Property(c => c.Clause).HasMaxLength(50);
        builder.Property(c => c.Channel).HasMaxLength(16);
        builder.Property(c => c.RecordedBy).HasMaxLength(128);
        builder.Property(c => c.Moderation).HasMaxLength(16);
        // The public page reads a consultation's shown comments in order; the feedback its groups' comments.
        builder.HasIndex(c => new { c.ConsultationId, c.Moderation, c.Id });
        builder.HasIndex(c => c.GroupId);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FeedbackGroup>().WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FeedbackGroupConfiguration : IEntityTypeConfiguration<FeedbackGroup>
{
    public void Configure(EntityTypeBuilder<FeedbackGroup> builder)
    {
        builder.ToTable("consultation_feedback_groups");
        builder.Property(g => g.Summary).HasMaxLength(1000);
        builder.Property(g => g.Decision).HasMaxLength(24);
        builder.Property(g => g.Reason).HasMaxLength(2000);
        builder.HasIndex(g => new { g.ConsultationId, g.Position });
        builder.HasOne<Consultation>().WithMany().HasForeignKey(g => g.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A file published with a consultation (the draft as issued, an explanation, a comparison table …): added
/// and removed while the consultation is a draft, public once it is opened. Kept in the database like interview photos.</summary>
public sealed class ConsultationAttachment
{
    public int Id { get; set; }

    public int ConsultationId { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    public required string KindName { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}

internal sealed class ConsultationAttachmentConfiguration : IEntityTypeConfiguration<ConsultationAttachment>
{
    public void Configure(EntityTypeBuilder<ConsultationAttachment> builder)
    {
        builder.ToTable("consultation_attachments");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.MediaType).HasMaxLength(128);
        builder.Property(a => a.KindName).HasMaxLength(32);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedBy).HasMaxLength(128);
        builder.HasIndex(a => a.ConsultationId);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(a => a.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}
