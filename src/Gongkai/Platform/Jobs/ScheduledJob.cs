using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Jobs;

/// <summary>A one-off piece of background work, due at a time. Being a row, it survives restarts; it is written in
/// the same unit of work as the change that asked for it (<see cref="JobScheduler"/>).</summary>
public sealed class ScheduledJob
{
    public long Id { get; set; }

    /// <summary>Which <see cref="IJobHandler"/> runs it.</summary>
    public required string Kind { get; set; }

    /// <summary>The handler's input, as JSON.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>Not before this time; after a failure, when the next attempt is due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>One of <see cref="ScheduledJobStatus"/>.</summary>
    public string Status { get; set; } = ScheduledJobStatus.Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it finished for good: done, or failed after its last attempt.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The instance running it (status running).</summary>
    public string? Holder { get; set; }

    /// <summary>While running: when another instance may assume the holder crashed and take the job over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }
}

public static class ScheduledJobStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> builder)
    {
        builder.ToTable("scheduled_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasMaxLength(64);
        builder.Property(j => j.Status).HasMaxLength(16);
        builder.Property(j => j.LastError).HasMaxLength(2000);
        builder.Property(j => j.Holder).HasMaxLength(200);
        // The runner's poll: due pending jobs, and running jobs whose holder's lease lapsed.
        builder.HasIndex(j => new { j.Status, j.DueAt });
    }
}
