using System.Text.Json;
using Gongkai.Platform.Data;

namespace Gongkai.Platform.Jobs;

/// <summary>Schedules one-off jobs in the caller's unit of work: the job exists if and only if the change that asked
/// for it was saved. The caller saves.</summary>
public sealed class JobScheduler(GongkaiDbContext db, TimeProvider clock, JobsScheduled scheduled)
{
    internal static readonly JsonSerializerOptions PayloadJson = JsonSerializerOptions.Web;

    private bool _wakesRunnerOnSave;

    /// <param name="payload">Serialised to JSON (web defaults: camelCase); read back with <see cref="JobContext.PayloadAs{T}"/>.</param>
    /// <param name="dueAt">Not before this time; now when omitted.</param>
    public ScheduledJob Schedule(string kind, object? payload = null, DateTimeOffset? dueAt = null)
    {
        var now = clock.GetUtcNow();
        var job = new ScheduledJob
        {
            Kind = kind,
            Payload = payload is null ? "{}" : JsonSerializer.Serialize(payload, payload.GetType(), PayloadJson),
            DueAt = (dueAt ?? now).ToUniversalTime(),
            Status = ScheduledJobStatus.Pending,
            CreatedAt = now,
        };
        db.Set<ScheduledJob>().Add(job);
        if (!_wakesRunnerOnSave)
        {
            // The runner in this process looks as soon as the job is saved instead of at its next poll.
            db.SavedChanges += (_, _) => scheduled.Signal();
            _wakesRunnerOnSave = true;
        }

        return job;
    }
}
