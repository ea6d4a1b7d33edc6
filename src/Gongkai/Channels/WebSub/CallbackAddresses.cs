using System.Net;
using System.Net.Sockets;
using Gongkai.Platform.Http;
using Microsoft.Extensions.Options;

namespace Gongkai.Channels.WebSub;

/// <summary>
/// The address rule every outbound callback of Channels shares — WebSub subscribers and the new-media webhook adapter:
/// a host that resolves to no address, or to any address that is neither public nor allowed in
/// <c>Gongkai:OutboundHttp:AllowedHosts</c>, is refused (SSRF). Checked when the address is given, to answer at once;
/// every call out checks again at connect time (<c>Platform.Http.OutboundHttp</c>).
/// </summary>
public sealed class CallbackAddresses(IOptionsMonitor<OutboundHttpOptions> outbound)
{
    /// <summary>Null when the callback may be called, else why not (in Chinese).</summary>
    public async Task<string?> RefusalAsync(Uri callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var allowed = outbound.CurrentValue;
        var host = callback.IdnHost;
        if (allowed.AllowsHost(host))
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            addresses = [];
        }

        if (addresses.Length == 0)
        {
            return "回调地址的主机名无法解析。";
        }

        return addresses.All(a => NetworkAddresses.IsPublic(a) || allowed.AllowsAddress(a)) ? null : "回调地址须为公网地址，不能指向内网、本机或保留地址。";
    }

    /// <summary>Whether the address points at this site itself.</summary>
    public static bool SameSite(Uri uri, Uri site)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(site);
        return string.Equals(uri.Host, site.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == site.Port;
    }
}
