using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Oversight;

/// <summary>A year's work plan (工作要点) as imported: its title, and the parser's problems kept for a person to read.</summary>
public sealed class WorkPlan
{
    public int Id { get; set; }

    public int Year { get; set; }

    public required string Title { get; set; }

    /// <summary>What the parser found irregular, one per line ("（十）…"); empty when nothing.</summary>
    public string Problems { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    public required string ImportedBy { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>One task of a work plan: its number, section, title, text and deadline (the latest dated milestone).</summary>
public sealed class WorkPlanTask
{
    public int Id { get; set; }

    public int WorkPlanId { get; set; }

    public int Number { get; set; }

    public string Section { get; set; } = "";

    public required string Title { get; set; }

    public string Text { get; set; } = "";

    public DateOnly? Deadline { get; set; }

    /// <summary>The dated milestones, one per line: "2018-08-31 8月底前完成试点验收".</summary>
    public string Milestones { get; set; } = "";
}

/// <summary>A unit named in a task's marker, and what it was matched to: one body, the body kinds a collective name
/// covers, or nothing (a person links it later).</summary>
public sealed class WorkPlanUnit
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    /// <summary>lead | responsible.</summary>
    public required string Role { get; set; }

    public int Position { get; set; }

    /// <summary>The name as the plan writes it.</summary>
    public required string Name { get; set; }

    /// <summary>body | collective | unmatched.</summary>
    public required string Match { get; set; }

    public int? BodyId { get; set; }

    /// <summary>For a collective name: the body kinds it covers, as slugs joined by commas.</summary>
    public string CoveredKinds { get; set; } = "";

    /// <summary>Why a name is unmatched, or who linked it by hand.</summary>
    public string? Note { get; set; }
}

/// <summary>A quarterly progress report on a task by one responsible (or lead) body.</summary>
public sealed class WorkPlanReport
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public int BodyId { get; set; }

    public int Quarter { get; set; }

    /// <summary>on-track | delayed | completed.</summary>
    public required string Progress { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public required string SubmittedBy { get; set; }
}

/// <summary>A public-opinion item (政务舆情) a body's staff registered, with the clocks that started when it was found
/// and what was done about it. Never public: only what was published as the response is.</summary>
public sealed class OpinionItem
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public required string Title { get; set; }

    /// <summary>Where it was seen (微博, a news site, 12345 …).</summary>
    public string Source { get; set; } = "";

    public string? Link { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>major-emergency | important | general.</summary>
    public required string Severity { get; set; }

    public DateTimeOffset FoundAt { get; set; }

    public DateTimeOffset? FirstReleaseDueAt { get; set; }

    public DateTimeOffset? PressConferenceDueAt { get; set; }

    public DateTimeOffset ResponseDueAt { get; set; }

    public DateTimeOffset? FirstReleasedAt { get; set; }

    public DateTimeOffset? PressConferenceHeldAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    /// <summary>索引号 of the published document that answered it.</summary>
    public string? ResponseIndexNo { get; set; }

    /// <summary>The staff member it is assigned to (display name), if any.</summary>
    public string? AssignedTo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Concurrency token: two people acting on one item at once get a conflict, not a lost step.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDemo { get; set; }
}

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> builder)
    {
        builder.ToTable("work_plans");
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Problems).HasMaxLength(8000);
        builder.Property(p => p.ImportedBy).HasMaxLength(128);
        builder.HasIndex(p => p.Year).IsUnique();
    }
}

internal sealed class WorkPlanTaskConfiguration : IEntityTypeConfiguration<WorkPlanTask>
{
    public void Configure(EntityTypeBuilder<WorkPlanTask> builder)
    {
        builder.ToTable("work_plan_tasks");
        builder.Property(t => t.Section).HasMaxLength(200);
        builder.Property(t => t.Title).HasMaxLength(500);
        builder.Property(t => t.Text).HasMaxLength(20000);
        builder.Property(t => t.Milestones).HasMaxLength(4000);
        builder.HasIndex(t => new { t.WorkPlanId, t.Number }).IsUnique();
        builder.HasOne<WorkPlan>().WithMany().HasForeignKey(t => t.WorkPlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkPlanUnitConfiguration : IEntityTypeConfiguration<WorkPlanUnit>
{
    public void Configure(EntityTypeBuilder<WorkPlanUnit> builder)
    {
        builder.ToTable("work_plan_units");
        builder.Property(u => u.Role).HasMaxLength(16);
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Match).HasMaxLength(16);
        builder.Property(u => u.CoveredKinds).HasMaxLength(200);
        builder.Property(u => u.Note).HasMaxLength(500);
        builder.HasIndex(u => new { u.TaskId, u.Role, u.Position });
        builder.HasIndex(u => u.BodyId);
        builder.HasOne<WorkPlanTask>().WithMany().HasForeignKey(u => u.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(u => u.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkPlanReportConfiguration : IEntityTypeConfiguration<WorkPlanReport>
{
    public void Configure(EntityTypeBuilder<WorkPlanReport> builder)
    {
        builder.ToTable("work_plan_reports");
        builder.Property(r => r.Progress).HasMaxLength(16);
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.SubmittedBy).HasMaxLength(128);
        builder.HasIndex(r => new { r.TaskId, r.SubmittedAt });
        builder.HasOne<WorkPlanTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpinionItemConfiguration : IEntityTypeConfiguration<OpinionItem>
{
    public void Configure(EntityTypeBuilder<OpinionItem> builder)
    {
        builder.ToTable("opinion_items");
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.Property(o => o.Source).HasMaxLength(100);
        builder.Property(o => o.Link).HasMaxLength(1000);
        builder.Property(o => o.Summary).HasMaxLength(4000);
        builder.Property(o => o.Severity).HasMaxLength(24);
        builder.Property(o => o.ResponseIndexNo).HasMaxLength(64);
        builder.Property(o => o.AssignedTo).HasMaxLength(128);
        builder.Property(o => o.CreatedBy).HasMaxLength(128);
        builder.Property(o => o.UpdatedAt).IsConcurrencyToken();
        // The console lists a body's open items by the response clock.
        builder.HasIndex(o => new { o.BodyId, o.ResponseDueAt });
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(o => o.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
