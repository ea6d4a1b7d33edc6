using System.Collections.Concurrent;
using Gongkai.Platform.Jobs;

namespace Gongkai.Tests.Platform.Jobs;

/// <summary>Counts runs of a recurring job.</summary>
internal sealed class RunCounter
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public void Increment() => Interlocked.Increment(ref _runs);
}

internal sealed class HourlyCountingJob(RunCounter counter) : IRecurringJob
{
    public string Name => "test.hourly-counting";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        counter.Increment();
        await Task.Delay(20, cancellationToken); // long enough for a second instance to try its luck meanwhile
    }
}

/// <summary>Handles one kind: records every job it ran, fails when told to, or blocks until cancelled.</summary>
internal sealed class RecordingHandler(string kind) : IJobHandler
{
    public string Kind { get; } = kind;

    public ConcurrentQueue<JobContext> Ran { get; } = new();

    public bool AlwaysFail { get; init; }

    public bool BlockUntilCancelled { get; init; }

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        Ran.Enqueue(job);
        if (BlockUntilCancelled)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (AlwaysFail)
        {
            throw new InvalidOperationException("对方服务器没有响应");
        }

        await Task.Delay(5, cancellationToken);
    }
}
