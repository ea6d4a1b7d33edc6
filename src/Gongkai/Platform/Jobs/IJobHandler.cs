using System.Text.Json;

namespace Gongkai.Platform.Jobs;

/// <summary>
/// Runs one-off <see cref="ScheduledJob"/>s of one <see cref="Kind"/>. Each job is claimed by exactly one instance;
/// throwing schedules a retry with exponential backoff until the attempts run out, then the job is marked failed.
/// A crash mid-run means another attempt later, so handlers should be idempotent.
/// Register with <c>services.AddJobHandler&lt;T&gt;()</c> (scoped: a fresh instance and DbContext per job).
/// </summary>
public interface IJobHandler
{
    /// <summary>Short dotted name such as <c>mail.send</c>, matching <see cref="ScheduledJob.Kind"/>.</summary>
    string Kind { get; }

    /// <summary>Attempts before the job is marked failed; null uses <c>Gongkai:Jobs:MaxAttempts</c>.</summary>
    int? MaxAttempts => null;

    Task HandleAsync(JobContext job, CancellationToken cancellationToken);
}

/// <summary>The job being run. <paramref name="Attempt"/> counts from 1.</summary>
public sealed record JobContext(long JobId, string Kind, string Payload, int Attempt, int MaxAttempts)
{
    /// <summary>True when failing now marks the job failed rather than retrying it.</summary>
    public bool IsLastAttempt => Attempt >= MaxAttempts;

    public T PayloadAs<T>() =>
        JsonSerializer.Deserialize<T>(Payload, JobScheduler.PayloadJson)
        ?? throw new InvalidOperationException($"Job {JobId} ({Kind}) has an empty payload.");
}
