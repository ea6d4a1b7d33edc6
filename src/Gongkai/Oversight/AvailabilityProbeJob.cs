using System.Diagnostics;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Http;
using Gongkai.Platform.Jobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Oversight;

/// <summary>Availability probing (<c>Gongkai:Availability</c>).</summary>
public sealed class AvailabilityOptions
{
    public const string Section = "Gongkai:Availability";

    /// <summary>This node's own readiness URL; empty: <c>/readyz</c> on the first address the server listens on (a
    /// wildcard address becomes 127.0.0.1).</summary>
    public string? SelfUrl { get; set; }

    /// <summary>Non-public targets this probe alone may reach, added to <c>Gongkai:OutboundHttp:AllowedHosts</c> for its
    /// client only (so the link checker and webhooks still cannot call loopback): by default the loopback addresses;
    /// add a peer node's internal address or network here.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The loopback addresses always allowed to the probe.</summary>
    public static IReadOnlyList<string> Loopback { get; } = ["127.0.0.1", "::1", "localhost"];

    /// <summary>A peer node's URL to probe as well (two nodes probe each other); empty: none.</summary>
    public string? PeerUrl { get; set; }

    /// <summary>Minutes between probes; 30 gives 48 a day, above the 20 a day the 2019 indicators ask.</summary>
    public int IntervalMinutes { get; set; } = 30;

    /// <summary>Probes are kept this many days (the monthly report reads the past month).</summary>
    public int KeepDays { get; set; } = 400;
}

/// <summary>
/// Every node keeps a probe log: this leased job is named after the node, so each node runs its own (a lease per
/// node, not one for the cluster), probes its own <c>/readyz</c> and, when configured, a peer node, and records each
/// result in <c>availability_probes</c>. A probe that does not answer within 15 s (<see cref="AvailabilityRule"/>)
/// is recorded as failed with the time it waited.
/// </summary>
public sealed class AvailabilityProbeJob(
    GongkaiDbContext db, IHttpClientFactory clients, IOptions<AvailabilityOptions> options, NodeIdentity node, IServer server, TimeProvider clock,
    ILogger<AvailabilityProbeJob> logger) : IRecurringJob
{
    public const string ClientName = "oversight-availability-probe";

    public string Name => "oversight.availability-probe." + node.Id;

    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes)));

    public async Task RunAsync(CancellationToken cancellationToken) => await ProbeAsync(cancellationToken);

    /// <summary>Probes each target once and records the results; returns them.</summary>
    public async Task<IReadOnlyList<AvailabilityProbe>> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var targets = new List<(string Target, string Url)>();
        if (SelfUrl() is { } self)
        {
            targets.Add((AvailabilityProbe.Self, self));
        }

        if (!string.IsNullOrWhiteSpace(options.Value.PeerUrl))
        {
            targets.Add((AvailabilityProbe.Peer, options.Value.PeerUrl.Trim()));
        }

        var probes = new List<AvailabilityProbe>();
        foreach (var (target, url) in targets)
        {
            probes.Add(await ProbeAsync(target, url, cancellationToken));
        }

        db.AddRange(probes);
        var keepFrom = clock.GetUtcNow().AddDays(-Math.Max(31, options.Value.KeepDays));
        await db.Set<AvailabilityProbe>().Where(p => p.At < keepFrom).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return probes;
    }

    private async Task<AvailabilityProbe> ProbeAsync(string target, string url, CancellationToken cancellationToken)
    {
        var probe = new AvailabilityProbe { Node = node.Id, Target = target, Url = url, At = clock.GetUtcNow().ToUniversalTime() };
        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(AvailabilityRule.TimeoutMilliseconds + 1000));
            using var response = await clients.CreateClient(ClientName).GetAsync(new Uri(url), HttpCompletionOption.ResponseContentRead, timeout.Token);
            probe.StatusCode = (int)response.StatusCode;
            probe.Loaded = response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or UriFormatException
            && !cancellationToken.IsCancellationRequested)
        {
            probe.Loaded = false;
            probe.Error = (OutboundAddressRefusedException.IsRefusal(exception)
                ? $"地址不在 {OutboundHttpOptions.Section}:AllowedHosts 中"
                : exception is HttpRequestException ? exception.Message : "超时").Truncate(300);
            logger.LogWarning("Availability probe of {Url} failed: {Error}", url, probe.Error);
        }

        probe.Milliseconds = (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);
        return probe;
    }

    private string? SelfUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SelfUrl))
        {
            return options.Value.SelfUrl.Trim();
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)) { Path = "/readyz" };
        return uri.Uri.ToString();
    }
}

/// <summary>The outbound guard's settings for the probe's client: the site-wide allow-list plus the probe's own.</summary>
internal sealed class ProbeOutboundOptions(IOptionsMonitor<OutboundHttpOptions> outbound, IOptionsMonitor<AvailabilityOptions> availability)
    : IOptionsMonitor<OutboundHttpOptions>
{
    public OutboundHttpOptions CurrentValue => new()
    {
        AllowedHosts = [.. outbound.CurrentValue.AllowedHosts, .. AvailabilityOptions.Loopback, .. availability.CurrentValue.AllowedHosts],
    };

    public OutboundHttpOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<OutboundHttpOptions, string?> listener) => null;
}

internal static class ProbeText
{
    public static string Truncate(this string text, int max) => text.Length <= max ? text : text[..max];
}
