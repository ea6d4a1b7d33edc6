using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Channels.Press;

/// <summary>A press conference (新闻发布会) of a body: topic, time and place, speakers with the 第一解读人, and once held its
/// record — transcript, photos, video link — and the published documents it interprets.</summary>
public sealed class PressConference
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public required string Title { get; set; }

    /// <summary>What is announced, plain text.</summary>
    public string Topic { get; set; } = "";

    public string Venue { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Speakers, one a line: “姓名 职务”.</summary>
    public string Speakers { get; set; } = "";

    /// <summary>The speaker who interprets first: the body's principal leader as a rule.</summary>
    public string FirstInterpreter { get; set; } = "";

    /// <summary>draft | scheduled | held (<see cref="Rules.PressStage"/>).</summary>
    public string Stage { get; set; } = "draft";

    /// <summary>文字实录, plain text, paragraphs separated by line breaks.</summary>
    public string Transcript { get; set; } = "";

    /// <summary>https address of the recording.</summary>
    public string? VideoUrl { get; set; }

    /// <summary>索引号 of the published documents interpreted, one a line.</summary>
    public string RelatedIndexNos { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? ScheduledAt { get; set; }

    public string? ScheduledBy { get; set; }

    public DateTimeOffset? HeldAt { get; set; }

    /// <summary>Concurrency token: two editors saving at once get a conflict, not a lost change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A photo of a press conference (JPEG or PNG) with its caption, which is its alternative text.</summary>
public sealed class PressConferencePhoto
{
    public int Id { get; set; }

    public int ConferenceId { get; set; }

    public required string Caption { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

internal sealed class PressConferenceConfiguration : IEntityTypeConfiguration<PressConference>
{
    public void Configure(EntityTypeBuilder<PressConference> builder)
    {
        builder.ToTable("press_conferences");
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Topic).HasMaxLength(4000);
        builder.Property(c => c.Venue).HasMaxLength(200);
        builder.Property(c => c.Speakers).HasMaxLength(2000);
        builder.Property(c => c.FirstInterpreter).HasMaxLength(50);
        builder.Property(c => c.Stage).HasMaxLength(16);
        builder.Property(c => c.Transcript).HasMaxLength(100_000);
        builder.Property(c => c.VideoUrl).HasMaxLength(500);
        builder.Property(c => c.RelatedIndexNos).HasMaxLength(2000);
        builder.Property(c => c.CreatedBy).HasMaxLength(128);
        builder.Property(c => c.ScheduledBy).HasMaxLength(128);
        builder.Property(c => c.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Stage, c.StartsAt });
        builder.HasIndex(c => c.BodyId);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PressConferencePhotoConfiguration : IEntityTypeConfiguration<PressConferencePhoto>
{
    public void Configure(EntityTypeBuilder<PressConferencePhoto> builder)
    {
        builder.ToTable("press_conference_photos");
        builder.Property(p => p.Caption).HasMaxLength(200);
        builder.Property(p => p.ContentType).HasMaxLength(32);
        builder.Property(p => p.CreatedBy).HasMaxLength(128);
        builder.HasIndex(p => p.ConferenceId);
        builder.HasOne<PressConference>().WithMany().HasForeignKey(p => p.ConferenceId).OnDelete(DeleteBehavior.Cascade);
    }
}
