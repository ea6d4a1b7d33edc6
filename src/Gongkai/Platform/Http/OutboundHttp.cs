using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Http;

/// <summary>Outbound HTTP settings (<c>Gongkai:OutboundHttp</c>).</summary>
public sealed class OutboundHttpOptions
{
    public const string Section = "Gongkai:OutboundHttp";

    /// <summary>Targets that may be called although not public: host names (exact, case-insensitive, as written in the
    /// URL), IP addresses or networks in CIDR form (<c>10.20.0.0/16</c>). Empty: only public addresses.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    internal bool AllowsHost(string host) =>
        AllowedHosts.Any(a => string.Equals(a.Trim().Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    internal bool AllowsAddress(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : new IPAddress(address.GetAddressBytes());
        foreach (var entry in AllowedHosts)
        {
            var text = entry.Trim().Trim('[', ']');
            if (IPNetwork.TryParse(text, out var network) && network.Contains(plain))
            {
                return true;
            }

            if (IPAddress.TryParse(text, out var single) && single.Equals(plain))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The target of an outbound call resolved only to addresses that are not public and not allowed.</summary>
public sealed class OutboundAddressRefusedException(string host, IReadOnlyList<IPAddress> addresses)
    : HttpRequestException($"Refused to connect to {host} ({string.Join(", ", addresses)}): not a public address and not in {OutboundHttpOptions.Section}:AllowedHosts.")
{
    public string Host { get; } = host;

    public IReadOnlyList<IPAddress> Addresses { get; } = addresses;

    /// <summary>Whether a failed call was refused by the guard (the handler wraps the callback's exception).</summary>
    public static bool IsRefusal(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is OutboundAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The HTTP clients every module uses to call out (link probes now; webhooks and adapters later): register one with
/// <see cref="AddOutboundHttpClient"/>. The address check happens in <see cref="SocketsHttpHandler.ConnectCallback"/>
/// on the addresses actually connected to, after DNS resolution, so a name that resolves to a public address when
/// checked and to an internal one when connecting (DNS rebinding) cannot slip through, and redirects are checked too
/// (every hop connects through the callback).
/// </summary>
public static class OutboundHttp
{
    public static IHttpClientBuilder AddOutboundHttpClient(this IServiceCollection services, string name)
    {
        // Bound once however many clients register: binding a list twice would repeat its entries.
        if (!services.Any(d => d.ServiceType == typeof(OutboundHttpOptionsBound)))
        {
            services.AddSingleton<OutboundHttpOptionsBound>();
            services.AddOptions<OutboundHttpOptions>().BindConfiguration(OutboundHttpOptions.Section);
        }

        return services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(provider => CreateHandler(provider.GetRequiredService<IOptionsMonitor<OutboundHttpOptions>>()));
    }

    /// <summary>A handler that connects only to public or allowed addresses.</summary>
    public static SocketsHttpHandler CreateHandler(IOptionsMonitor<OutboundHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            // No proxy: the proxy would connect, and the check must see the real target.
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, options.CurrentValue, cancellationToken),
        };
    }

    internal static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, OutboundHttpOptions options, CancellationToken cancellationToken)
    {
        var host = endPoint.Host;
        var resolved = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var hostAllowed = options.AllowsHost(host);
        var permitted = resolved.Where(a => hostAllowed || NetworkAddresses.IsPublic(a) || options.AllowsAddress(a)).ToArray();
        if (permitted.Length == 0)
        {
            throw new OutboundAddressRefusedException(host, resolved);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>Marks that <see cref="OutboundHttpOptions"/> are bound.</summary>
internal sealed class OutboundHttpOptionsBound;
