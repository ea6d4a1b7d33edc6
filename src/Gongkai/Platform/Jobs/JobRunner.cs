using System.Diagnostics;
using System.Linq.Expressions;
using Gongkai.Platform.Data;
using Gongkai.Platform.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Jobs;

/// <summary>
/// Runs due recurring jobs and due one-off <see cref="ScheduledJob"/>s. Any number of instances may run it against
/// one database: every run is claimed first with an atomic conditional UPDATE, so each occurrence of a recurring
/// job and each one-off job runs on exactly one instance. Stops with the host; work interrupted by shutdown is
/// handed back for another instance (or the next start).
/// </summary>
internal sealed class JobRunner : BackgroundService
{
    /// <summary>One-off jobs claimed per pass; the next pass follows at once while there are more.</summary>
    private const int ScheduledBatch = 20;

    private readonly IServiceScopeFactory _scopes;
    private readonly JobsOptions _options;
    private readonly TimeProvider _clock;
    private readonly JobsScheduled _scheduled;
    private readonly ILogger<JobRunner> _logger;
    private readonly HashSet<string> _knownLeases = new(StringComparer.Ordinal);

    public JobRunner(IServiceScopeFactory scopes, IOptions<JobsOptions> options, TimeProvider clock, NodeIdentity node, JobsScheduled scheduled, ILogger<JobRunner> logger)
        : this(scopes, options.Value, clock, node.Id, scheduled, logger)
    {
    }

    /// <summary>For tests: several runners with their own holder ids stand in for several instances.</summary>
    internal JobRunner(IServiceScopeFactory scopes, JobsOptions options, TimeProvider clock, string holder, JobsScheduled scheduled, ILogger<JobRunner> logger)
    {
        _scopes = scopes;
        _options = options;
        _clock = clock;
        _scheduled = scheduled;
        _logger = logger;
        Holder = holder;
    }

    /// <summary>This instance's name on the leases and jobs it claims.</summary>
    public string Holder { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            _logger.LogInformation("Background jobs do not run here (Gongkai:Jobs:Enabled is false).");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // E.g. the database is unreachable: keep the host up and try again at the next poll.
                _logger.LogError(exception, "Background job pass failed.");
            }

            if (!more)
            {
                try
                {
                    await _scheduled.WaitAsync(_options.PollInterval, _clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass: every due recurring job, then a batch of due one-off jobs. True when more one-off jobs may be due.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await RunDueRecurringJobsAsync(cancellationToken);
        return await RunDueScheduledJobsAsync(cancellationToken);
    }

    private async Task RunDueRecurringJobsAsync(CancellationToken cancellationToken)
    {
        List<(string Name, JobSchedule Schedule)> jobs;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            jobs = scope.ServiceProvider.GetServices<IRecurringJob>().Select(j => (j.Name, j.Schedule)).ToList();
        }

        for (var index = 0; index < jobs.Count; index++)
        {
            await RunRecurringIfDueAsync(index, jobs[index].Name, jobs[index].Schedule, cancellationToken);
        }
    }

    private async Task RunRecurringIfDueAsync(int index, string name, JobSchedule schedule, CancellationToken cancellationToken)
    {
        var leaseName = "job:" + name;
        await using var scope = _scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        var startedAt = _clock.GetUtcNow();
        if (!_knownLeases.Contains(leaseName))
        {
            await leases.EnsureAsync(leaseName, schedule.FirstRunAfter(startedAt), cancellationToken);
            _knownLeases.Add(leaseName);
        }

        if (await leases.TryClaimDueAsync(leaseName, Holder, startedAt, _options.LeaseDuration, cancellationToken) is not { } dueAt)
        {
            return;
        }

        DateTimeOffset next;
        var metrics = scope.ServiceProvider.GetService<GongkaiMetrics>();
        var timer = Stopwatch.StartNew();
        try
        {
            var job = scope.ServiceProvider.GetServices<IRecurringJob>().ElementAt(index);
            await using (StartHeartbeat((until, ct) => ExtendLeaseAsync(leaseName, until, ct)))
            {
                await job.RunAsync(cancellationToken);
            }

            metrics?.JobRan(name, "recurring", timer.Elapsed, succeeded: true);
            next = schedule.NextRunAfter(dueAt, _clock.GetUtcNow());
            _logger.LogInformation("Recurring job {Job} ran (due {DueAt:u}); next run {NextRunAt:u}.", name, dueAt, next);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await leases.ReleaseAsync(leaseName, Holder, CancellationToken.None);
            throw;
        }
        catch (Exception exception)
        {
            metrics?.JobRan(name, "recurring", timer.Elapsed, succeeded: false);
            var now = _clock.GetUtcNow();
            var retryAt = now + _options.RetryBaseDelay;
            var scheduled = schedule.NextRunAfter(dueAt, now);
            next = retryAt < scheduled ? retryAt : scheduled;
            _logger.LogError(exception, "Recurring job {Job} failed; next attempt {NextRunAt:u}.", name, next);
        }

        await leases.CompleteRunAsync(leaseName, Holder, startedAt, next, CancellationToken.None);
    }

    private async Task<bool> RunDueScheduledJobsAsync(CancellationToken cancellationToken)
    {
        List<long> due;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var now = _clock.GetUtcNow();
            due = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ScheduledJob>()
                .Where(Claimable(now))
                .OrderBy(j => j.DueAt).ThenBy(j => j.Id)
                .Select(j => j.Id)
                .Take(ScheduledBatch)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await TryRunScheduledAsync(id, cancellationToken);
        }

        return due.Count == ScheduledBatch;
    }

    /// <summary>Pending and due, or running on an instance whose lease lapsed (it crashed or lost the database).</summary>
    private static Expression<Func<ScheduledJob, bool>> Claimable(DateTimeOffset now) =>
        j => (j.Status == ScheduledJobStatus.Pending && j.DueAt <= now)
            || (j.Status == ScheduledJobStatus.Running && j.LeaseExpiresAt < now);

    private async Task TryRunScheduledAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var jobs = services.GetRequiredService<GongkaiDbContext>().Set<ScheduledJob>();
        var now = _clock.GetUtcNow();
        var until = now + _options.LeaseDuration;
        var holder = Holder;
        var claimed = await jobs.Where(j => j.Id == id).Where(Claimable(now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, ScheduledJobStatus.Running)
                    .SetProperty(j => j.Holder, holder)
                    .SetProperty(j => j.LeaseExpiresAt, until)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return; // Another instance was quicker.
        }

        var job = await jobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        var handler = services.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind);
        var maxAttempts = handler?.MaxAttempts ?? _options.MaxAttempts;
        var mine = jobs.Where(j => j.Id == id && j.Holder == holder && j.Status == ScheduledJobStatus.Running);
        var metrics = services.GetService<GongkaiMetrics>();
        var timer = Stopwatch.StartNew();
        try
        {
            if (handler is null)
            {
                // Perhaps a newer instance knows the kind; retrying gives it the chance.
                throw new InvalidOperationException($"No handler is registered for job kind '{job.Kind}'.");
            }

            await using (StartHeartbeat((leaseUntil, ct) => ExtendJobLeaseAsync(id, leaseUntil, ct)))
            {
                await handler.HandleAsync(new JobContext(job.Id, job.Kind, job.Payload, job.Attempts, maxAttempts), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the job back without counting the interrupted attempt.
            await mine.ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, ScheduledJobStatus.Pending)
                    .SetProperty(j => j.Holder, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.Attempts, j => j.Attempts - 1),
                CancellationToken.None);
            throw;
        }
        catch (Exception exception)
        {
            metrics?.JobRan(job.Kind, "scheduled", timer.Elapsed, succeeded: false);
            var failedAt = _clock.GetUtcNow();
            var error = Truncate($"{exception.GetType().Name}: {exception.Message}", 2000);
            if (job.Attempts >= maxAttempts)
            {
                _logger.LogError(exception, "Job {JobId} ({Kind}) failed on attempt {Attempt} of {MaxAttempts}; giving up.", id, job.Kind, job.Attempts, maxAttempts);
                await mine.ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.Status, ScheduledJobStatus.Failed)
                        .SetProperty(j => j.CompletedAt, failedAt)
                        .SetProperty(j => j.LastError, error)
                        .SetProperty(j => j.Holder, (string?)null)
                        .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null),
                    CancellationToken.None);
            }
            else
            {
                var retryAt = failedAt + RetryBackoff.Delay(job.Attempts, _options.RetryBaseDelay, _options.MaxRetryDelay);
                _logger.LogWarning(exception, "Job {JobId} ({Kind}) failed on attempt {Attempt} of {MaxAttempts}; retrying at {RetryAt:u}.", id, job.Kind, job.Attempts, maxAttempts, retryAt);
                await mine.ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.Status, ScheduledJobStatus.Pending)
                        .SetProperty(j => j.DueAt, retryAt)
                        .SetProperty(j => j.LastError, error)
                        .SetProperty(j => j.Holder, (string?)null)
                        .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null),
                    CancellationToken.None);
            }

            return;
        }

        metrics?.JobRan(job.Kind, "scheduled", timer.Elapsed, succeeded: true);
        var doneAt = _clock.GetUtcNow();
        await mine.ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, ScheduledJobStatus.Done)
                .SetProperty(j => j.CompletedAt, doneAt)
                .SetProperty(j => j.LastError, (string?)null)
                .SetProperty(j => j.Holder, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null),
            CancellationToken.None);
    }

    private async Task ExtendLeaseAsync(string leaseName, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().ExtendAsync(leaseName, Holder, until, cancellationToken))
        {
            _logger.LogWarning("Lost the lease {Lease} while running; another instance may run it too.", leaseName);
        }
    }

    private async Task ExtendJobLeaseAsync(long id, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var holder = Holder;
        var extended = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ScheduledJob>()
            .Where(j => j.Id == id && j.Holder == holder && j.Status == ScheduledJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until), cancellationToken);
        if (extended == 0)
        {
            _logger.LogWarning("Lost job {JobId} while running; another instance may run it too.", id);
        }
    }

    private Heartbeat StartHeartbeat(Func<DateTimeOffset, CancellationToken, Task> extend) =>
        new(_clock, _options.LeaseDuration, extend, _logger);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Renews a claim every third of the lease while work runs, so long work is not taken over as crashed.</summary>
    private sealed class Heartbeat : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Heartbeat(TimeProvider clock, TimeSpan lease, Func<DateTimeOffset, CancellationToken, Task> extend, ILogger logger) =>
            _loop = BeatAsync(clock, lease, extend, logger, _stop.Token);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped as asked.
            }

            _stop.Dispose();
        }

        private static async Task BeatAsync(TimeProvider clock, TimeSpan lease, Func<DateTimeOffset, CancellationToken, Task> extend, ILogger logger, CancellationToken stop)
        {
            using var timer = new PeriodicTimer(lease / 3, clock);
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await extend(clock.GetUtcNow() + lease, stop);
                }
                catch (Exception exception) when (!stop.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Could not renew a job lease; trying again at the next beat.");
                }
            }
        }
    }
}
