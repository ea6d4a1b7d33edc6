using Gongkai.Platform.Jobs;
using Gongkai.Platform.Telemetry;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Data;

/// <summary>The change log's polling and retry settings (<c>Gongkai:ChangeLog</c>).</summary>
public sealed class ChangeLogOptions
{
    public const string Section = "Gongkai:ChangeLog";

    /// <summary>How often followers look for rows written by other nodes; changes saved in this process wake them at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause before retrying a failing follower (the first retry waits one second, then doubling).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Feeds every registered <see cref="IChangeLogFollower"/> its batches: reads up to 100 rows past the follower's
/// durable cursor, applies them, and only then advances the cursor. A follower that was down catches up from its
/// cursor on start; one that throws is logged and retried with backoff while the others carry on.
/// Stops with the host (<c>Gongkai:Jobs:Enabled=false</c> keeps it from starting at all).
/// </summary>
internal sealed class ChangeLogPump(
    IServiceScopeFactory scopes,
    IOptions<ChangeLogOptions> options,
    IOptions<JobsOptions> jobs,
    NodeIdentity node,
    ChangeLogAppended appended,
    TimeProvider clock,
    ILogger<ChangeLogPump> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long a node keeps a cluster-wide follower after its last pass before another node may take over.</summary>
    private static readonly TimeSpan ClusterLease = TimeSpan.FromSeconds(30);

    /// <summary>Failing followers by cursor key. Touched only by the one pumping loop.</summary>
    private readonly Dictionary<string, (int Failures, DateTimeOffset RetryAt)> _failing = new(StringComparer.Ordinal);

    /// <summary>Where each follower run here stands (cursor position), or null for one another node holds. Touched
    /// only by the one pumping loop.</summary>
    private readonly Dictionary<string, long?> _positions = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!jobs.Value.Enabled)
        {
            logger.LogInformation("Change-log followers are not pumped here (Gongkai:Jobs:Enabled is false).");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await PumpOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // E.g. the database is unreachable: keep the host up and try again at the next poll.
                logger.LogError(exception, "Change-log pump pass failed.");
            }

            if (!more)
            {
                try
                {
                    await appended.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass over every follower. Returns true when some follower read a full batch and may have more.</summary>
    public async Task<bool> PumpOnceAsync(CancellationToken cancellationToken)
    {
        int count;
        await using (var scope = scopes.CreateAsyncScope())
        {
            count = scope.ServiceProvider.GetServices<IChangeLogFollower>().Count();
        }

        var more = false;
        for (var index = 0; index < count; index++)
        {
            more |= await PumpFollowerAsync(index, cancellationToken);
        }

        await RecordLagAsync(cancellationToken);
        return more;
    }

    /// <summary>Each follower's lag for the metrics: one MAX(id) per pass, on the primary key.</summary>
    private async Task RecordLagAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<GongkaiMetrics>() is not { } metrics || _positions.Count == 0)
        {
            return;
        }

        var latest = await scope.ServiceProvider.GetRequiredService<ChangeLogReader>().LatestAsync(cancellationToken);
        foreach (var (follower, position) in _positions)
        {
            metrics.FollowerLag(follower, latest - position);
        }
    }

    private async Task<bool> PumpFollowerAsync(int index, CancellationToken cancellationToken)
    {
        // A scope per follower, so one follower's failed unit of work never leaks into another's.
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var follower = services.GetServices<IChangeLogFollower>().ElementAt(index);
        var key = ChangeLogFollowers.CursorKey(follower, node);
        var now = clock.GetUtcNow();
        if (_failing.TryGetValue(key, out var failing) && failing.RetryAt > now)
        {
            return false;
        }

        try
        {
            if (follower.Scope == ChangeLogFollowerScope.Cluster
                && !await services.GetRequiredService<JobLeases>().TryHoldAsync(ChangeLogFollowers.LeaseName(follower), node.Id, now, ClusterLease, cancellationToken))
            {
                _positions[follower.Name] = null;
                return false;
            }

            var reader = services.GetRequiredService<ChangeLogReader>();
            var position = await reader.PositionAsync(key, cancellationToken);
            // Recorded before applying: a follower that keeps failing here shows a growing lag.
            _positions[follower.Name] = position;
            var batch = await reader.ReadAfterAsync(position, ChangeLogReader.BatchSize, cancellationToken);
            if (batch.Count > 0)
            {
                await follower.ApplyAsync(batch, cancellationToken);
                await reader.AdvanceAsync(key, batch[^1].Id, cancellationToken);
                _positions[follower.Name] = batch[^1].Id;
            }

            if (_failing.Remove(key))
            {
                logger.LogInformation("Change-log follower {Follower} recovered at position {Position}.", key, batch.Count > 0 ? batch[^1].Id : position);
            }

            return batch.Count == ChangeLogReader.BatchSize;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var failures = failing.Failures + 1;
            var delay = RetryBackoff.Delay(failures, FirstRetryDelay, options.Value.MaxRetryDelay);
            _failing[key] = (failures, clock.GetUtcNow() + delay);
            logger.LogError(exception, "Change-log follower {Follower} failed ({Failures} time(s) in a row); retrying in {Delay}.", key, failures, delay);
            return false;
        }
    }
}
