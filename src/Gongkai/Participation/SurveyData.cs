using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Participation;

/// <summary>A survey (网上调查): drafted by a body's staff, opened by its 终审 user for a period, answered once per
/// browser by anyone, and its results published after closing.</summary>
public sealed class Survey
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public required string Title { get; set; }

    /// <summary>What the survey is for and how its results will be used, plain text.</summary>
    public string Description { get; set; } = "";

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    /// <summary>draft | opened | results-published (<see cref="Rules.SurveyStage"/>).</summary>
    public string Stage { get; set; } = "draft";

    /// <summary>What staff say about the results when publishing them (plain text, may be empty).</summary>
    public string ResultsSummary { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public string? OpenedBy { get; set; }

    public DateTimeOffset? ResultsPublishedAt { get; set; }

    public string? ResultsPublishedBy { get; set; }

    /// <summary>Concurrency token: two staff members acting on one survey at once get a conflict, not a lost step.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>One question of a survey, in order.</summary>
public sealed class SurveyQuestion
{
    public int Id { get; set; }

    public int SurveyId { get; set; }

    /// <summary>1-based position; answers name their question by it.</summary>
    public int Position { get; set; }

    public required string Text { get; set; }

    /// <summary>single | multiple | scale | text.</summary>
    public required string Kind { get; set; }

    public bool Required { get; set; }

    /// <summary>The options, one per line (empty for a text question).</summary>
    public string Options { get; set; } = "";

    public IReadOnlyList<string> OptionList => Options.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One response (答卷). No account, no address is kept: only the hash of the one-time key its form carried,
/// so the same form cannot be counted twice.</summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }

    public int SurveyId { get; set; }

    /// <summary>SHA-256 (hex) of the form's one-time key.</summary>
    public required string KeyHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One answer of a response: a chosen option (one row per option) or a text, which is moderated and masked
/// before the public sees it.</summary>
public sealed class SurveyAnswer
{
    public long Id { get; set; }

    public int SurveyId { get; set; }

    public long ResponseId { get; set; }

    public int QuestionId { get; set; }

    /// <summary>The chosen option (1-based), or null for a text answer.</summary>
    public int? Option { get; set; }

    /// <summary>A text answer as submitted, plain text.</summary>
    public string? Text { get; set; }

    /// <summary>The text with personal data masked by the safeguards.</summary>
    public string? PublicText { get; set; }

    /// <summary>pending | shown | hidden for text answers; null for choices.</summary>
    public string? Moderation { get; set; }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("surveys");
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.Property(s => s.Stage).HasMaxLength(24);
        builder.Property(s => s.ResultsSummary).HasMaxLength(4000);
        builder.Property(s => s.CreatedBy).HasMaxLength(128);
        builder.Property(s => s.OpenedBy).HasMaxLength(128);
        builder.Property(s => s.ResultsPublishedBy).HasMaxLength(128);
        builder.Property(s => s.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(s => new { s.Stage, s.ClosesOn });
        builder.HasIndex(s => s.BodyId);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.ToTable("survey_questions");
        builder.Property(q => q.Text).HasMaxLength(300);
        builder.Property(q => q.Kind).HasMaxLength(16);
        builder.Property(q => q.Options).HasMaxLength(2400);
        builder.Ignore(q => q.OptionList);
        builder.HasIndex(q => new { q.SurveyId, q.Position }).IsUnique();
        builder.HasOne<Survey>().WithMany().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("survey_responses");
        builder.Property(r => r.KeyHash).HasMaxLength(64);
        // The duplicate guard: one response per form key and survey, enforced by the database.
        builder.HasIndex(r => new { r.SurveyId, r.KeyHash }).IsUnique();
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.ToTable("survey_answers");
        builder.Property(a => a.Text).HasMaxLength(2000);
        builder.Property(a => a.PublicText).HasMaxLength(2000);
        builder.Property(a => a.Moderation).HasMaxLength(16);
        // The results count choices per question and option; moderators and the results page read text answers.
        builder.HasIndex(a => new { a.SurveyId, a.QuestionId, a.Option });
        builder.HasIndex(a => new { a.SurveyId, a.Moderation, a.Id });
        builder.HasIndex(a => a.ResponseId);
        builder.HasOne<SurveyResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.NoAction);
    }
}
