using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gongkai.Platform.Telemetry;

/// <summary>A change-log follower whose lag a module wants as an instrument of its own (the search index's lag is
/// <c>gongkai.search.lag</c>), besides the per-follower <c>gongkai.changelog.lag</c>.</summary>
public sealed record FollowerLagInstrument(string Follower, string InstrumentName, string Description);

/// <summary>
/// Gongkai's own meters (meter <c>Gongkai</c>): background job runs and their duration, and how far each change-log
/// follower on this node is behind the log. Exported with the ASP.NET Core meters (OTLP, Prometheus).
/// </summary>
public sealed class GongkaiMetrics : IDisposable
{
    public const string MeterName = "Gongkai";

    private readonly Meter _meter;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _jobRuns;
    private readonly ConcurrentDictionary<string, long> _lag = new(StringComparer.Ordinal);

    public GongkaiMetrics(IMeterFactory meters, IEnumerable<FollowerLagInstrument> followerInstruments)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _jobDuration = _meter.CreateHistogram<double>("gongkai.job.duration", "s", "How long background job runs take, by job and outcome.");
        _jobRuns = _meter.CreateCounter<long>("gongkai.job.runs", "{run}", "Background job runs, by job and outcome (success, failure).");
        _meter.CreateObservableGauge("gongkai.changelog.lag", ObserveLag, "{entry}",
            "Change-log entries each follower on this node has not yet applied (0 = up to date).");
        foreach (var instrument in followerInstruments)
        {
            _meter.CreateObservableGauge(instrument.InstrumentName,
                () => _lag.TryGetValue(instrument.Follower, out var lag) ? [new Measurement<long>(lag)] : Array.Empty<Measurement<long>>(),
                "{entry}", instrument.Description);
        }
    }

    /// <summary>One run of a job: <paramref name="kind"/> is <c>recurring</c> or <c>scheduled</c>.</summary>
    public void JobRan(string job, string kind, TimeSpan duration, bool succeeded)
    {
        var tags = new TagList { { "job", job }, { "kind", kind }, { "outcome", succeeded ? "success" : "failure" } };
        _jobDuration.Record(duration.TotalSeconds, tags);
        _jobRuns.Add(1, tags);
    }

    /// <summary>How many entries the follower is behind; null when this node does not run it (a cluster-wide follower
    /// held by another node), so the node does not report a lag that is not its own.</summary>
    public void FollowerLag(string follower, long? lag)
    {
        if (lag is { } value)
        {
            _lag[follower] = Math.Max(0, value);
        }
        else
        {
            _lag.TryRemove(follower, out _);
        }
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveLag() =>
        _lag.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("follower", p.Key))).ToList();
}
