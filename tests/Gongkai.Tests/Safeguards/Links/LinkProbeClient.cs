using Gongkai.Safeguards;
using Gongkai.Safeguards.Links;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Safeguards.Links;

/// <summary>The link probe as the application builds it (outbound guard, retries, timeouts), outside a host.</summary>
public sealed class LinkProbeClient : IDisposable
{
    private readonly ServiceProvider _services;

    public LinkProbeClient(ProbeSettings settings, IEnumerable<string> allowedHosts, Func<DelegatingHandler>? inner = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Safeguards:LinkProbeConcurrency"] = settings.MaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Safeguards:LinkProbeTimeoutSeconds"] = settings.EffectiveTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Safeguards:LinkProbeRetries"] = settings.Retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Safeguards:LinkProbeRetryDelaySeconds"] = settings.EffectiveRetryDelay.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var index = 0;
        foreach (var host in allowedHosts)
        {
            values[$"Gongkai:OutboundHttp:AllowedHosts:{index++}"] = host;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddOptions<SafeguardsOptions>().BindConfiguration(SafeguardsOptions.Section);
        var client = services.AddLinkProbeHttpClient();
        if (inner is not null)
        {
            client.AddHttpMessageHandler(inner);
        }

        _services = services.BuildServiceProvider();
        Prober = new ExternalLinkProber(_services.GetRequiredService<IHttpClientFactory>().CreateClient(LinkProbeHttp.ClientName), settings);
    }

    public ExternalLinkProber Prober { get; }

    public void Dispose() => _services.Dispose();
}
