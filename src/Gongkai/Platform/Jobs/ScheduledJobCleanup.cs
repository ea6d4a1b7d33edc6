using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Jobs;

/// <summary>Keeps the job table small: forgets one-off jobs that finished successfully a month ago. Failed jobs stay
/// for an operator to look at.</summary>
internal sealed class ScheduledJobCleanup(GongkaiDbContext db, TimeProvider clock, ILogger<ScheduledJobCleanup> logger) : IRecurringJob
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);

    public string Name => "scheduled-jobs.cleanup";

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(new TimeOnly(3, 30));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - KeepFor;
        var removed = await db.Set<ScheduledJob>()
            .Where(j => j.Status == ScheduledJobStatus.Done && j.CompletedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Removed {Count} finished job(s) completed before {Before:u}.", removed, before);
    }
}
