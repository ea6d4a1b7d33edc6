using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Participation;

/// <summary>An online interview (在线访谈): a topic, guests and a time, announced by a body's 终审 user; citizens ask
/// before and during it, moderators pick questions and record the guests' answers; archived with its transcript,
/// photos and related documents.</summary>
public sealed class Interview
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public required string Title { get; set; }

    /// <summary>Guests, one per line (name and post).</summary>
    public string Guests { get; set; } = "";

    /// <summary>What the interview is about, plain text.</summary>
    public string Summary { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>draft | announced | live | archived (<see cref="Rules.InterviewStage"/>).</summary>
    public string Stage { get; set; } = "draft";

    /// <summary>索引号 of related published documents, one per line.</summary>
    public string RelatedIndexNos { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? AnnouncedAt { get; set; }

    public string? AnnouncedBy { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>Concurrency token: two moderators acting at once get a conflict, not a lost step.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>A citizen's question. The contact is for staff only; the public reads <see cref="PublicText"/> once the
/// question is answered (it then belongs to the transcript).</summary>
public sealed class InterviewQuestion
{
    public long Id { get; set; }

    public int InterviewId { get; set; }

    public string? Name { get; set; }

    public required string Contact { get; set; }

    /// <summary>As submitted, kept as plain text.</summary>
    public required string Text { get; set; }

    /// <summary>The text with the asker's own name and contact struck out and personal data masked by the safeguards.</summary>
    public required string PublicText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>pending | picked | answered | declined.</summary>
    public string State { get; set; } = "pending";

    /// <summary>Which guest answered, as staff recorded it.</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>The guest's answer, plain text, typed by staff.</summary>
    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The staff member who recorded the answer.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>Place in the transcript (1, 2 …), given when answered.</summary>
    public int? Position { get; set; }
}

/// <summary>A photo of the interview (JPEG or PNG), stored in the database with its caption (the alternative text).</summary>
public sealed class InterviewPhoto
{
    public int Id { get; set; }

    public int InterviewId { get; set; }

    public required string Caption { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> builder)
    {
        builder.ToTable("interviews");
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Guests).HasMaxLength(1000);
        builder.Property(i => i.Summary).HasMaxLength(4000);
        builder.Property(i => i.Stage).HasMaxLength(16);
        builder.Property(i => i.RelatedIndexNos).HasMaxLength(1000);
        builder.Property(i => i.CreatedBy).HasMaxLength(128);
        builder.Property(i => i.AnnouncedBy).HasMaxLength(128);
        builder.Property(i => i.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(i => new { i.Stage, i.StartsAt });
        builder.HasIndex(i => i.BodyId);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(i => i.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InterviewQuestionConfiguration : IEntityTypeConfiguration<InterviewQuestion>
{
    public void Configure(EntityTypeBuilder<InterviewQuestion> builder)
    {
        builder.ToTable("interview_questions");
        builder.Property(q => q.Name).HasMaxLength(50);
        builder.Property(q => q.Contact).HasMaxLength(100);
        builder.Property(q => q.Text).HasMaxLength(5000);
        builder.Property(q => q.PublicText).HasMaxLength(5000);
        builder.Property(q => q.State).HasMaxLength(16);
        builder.Property(q => q.AnsweredBy).HasMaxLength(100);
        builder.Property(q => q.Answer).HasMaxLength(10000);
        builder.Property(q => q.RecordedBy).HasMaxLength(128);
        // The live page polls the transcript: answered questions of one interview in order.
        builder.HasIndex(q => new { q.InterviewId, q.Position });
        builder.HasOne<Interview>().WithMany().HasForeignKey(q => q.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InterviewPhotoConfiguration : IEntityTypeConfiguration<InterviewPhoto>
{
    public void Configure(EntityTypeBuilder<InterviewPhoto> builder)
    {
        builder.ToTable("interview_photos");
        builder.Property(p => p.Caption).HasMaxLength(200);
        builder.Property(p => p.ContentType).HasMaxLength(32);
        builder.Property(p => p.CreatedBy).HasMaxLength(128);
        builder.HasIndex(p => p.InterviewId);
        builder.HasOne<Interview>().WithMany().HasForeignKey(p => p.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
