namespace Gongkai.Platform.Jobs;

/// <summary>
/// Work that repeats on a <see cref="JobSchedule"/> (an interval or a daily Beijing time). Runs once per due
/// occurrence across all instances sharing the database (a <see cref="JobLease"/> row). A run that fails is
/// retried after <c>Gongkai:Jobs:RetryBaseDelay</c> (or at the next occurrence, if sooner); a run interrupted by a
/// crash is taken over by another instance when its lease lapses, so runs should be idempotent.
/// Register with <c>services.AddRecurringJob&lt;T&gt;()</c> (scoped: a fresh instance and DbContext per run).
/// </summary>
public interface IRecurringJob
{
    /// <summary>Stable name; it keys the lease row, so renaming starts a new schedule.</summary>
    string Name { get; }

    JobSchedule Schedule { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
