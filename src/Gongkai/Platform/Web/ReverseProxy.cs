using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Gongkai.Platform.Web;

/// <summary><c>Gongkai:Proxy</c>: the reverse proxies (e.g. nginx terminating TLS) whose <c>X-Forwarded-For</c>,
/// <c>-Proto</c> and <c>-Host</c> headers are believed. Nothing is trusted by default: a request straight from a
/// client keeps its own address and scheme whatever headers it sends.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Gongkai:Proxy";

    /// <summary>Proxy addresses (e.g. <c>127.0.0.1</c>); a list, or one string separated by commas or semicolons.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation (e.g. <c>10.20.0.0/24</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are trusted (entries taken from the right of <c>X-Forwarded-For</c>).</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary><c>Gongkai:Https</c>: redirecting plain HTTP to HTTPS, and HSTS.</summary>
public sealed class HttpsOptions
{
    public const string Section = "Gongkai:Https";

    /// <summary>Answer plain-HTTP requests (as the proxy saw them) with a redirect to HTTPS. Health and metrics
    /// endpoints are exempt, so probes on the loopback address keep working.</summary>
    public bool Redirect { get; set; }

    /// <summary>The HTTPS port redirects go to (443: the proxy's, not Kestrel's).</summary>
    public int Port { get; set; } = 443;

    /// <summary>Send <c>Strict-Transport-Security</c> on HTTPS responses. Unset: on outside Development.</summary>
    public bool? Hsts { get; set; }

    public int HstsMaxAgeDays { get; set; } = 365;

    public bool HstsIncludeSubDomains { get; set; }
}

/// <summary>Running behind a reverse proxy: which forwarded headers are believed, HTTPS redirection, HSTS, and cookies
/// marked <c>Secure</c> whenever the request is HTTPS — as the client sent it to the proxy.</summary>
internal static class ReverseProxy
{
    /// <summary>Paths answered on plain HTTP even when redirection is on (probes, scrapers on the loopback address).</summary>
    private static readonly string[] ProbePaths = ["/healthz", "/readyz", "/metrics"];

    public static void AddGongkaiReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = ReadProxyOptions(configuration);
        var https = configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        var (addresses, networks) = Parse(proxy);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.ForwardLimit = Math.Max(1, proxy.ForwardLimit);
            // ASP.NET Core trusts loopback by default; here only what is configured is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in addresses)
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        services.AddHttpsRedirection(redirect =>
        {
            redirect.HttpsPort = https.Port;
            redirect.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(Math.Max(1, https.HstsMaxAgeDays));
            hsts.IncludeSubDomains = https.HstsIncludeSubDomains;
        });
        // Every cookie the framework writes (sign-in, two-factor step, antiforgery) is Secure on an HTTPS request; the
        // antiforgery cookie would otherwise never be.
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<CookiePolicyOptions>(cookies => cookies.Secure = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>First in the pipeline: everything after sees the client's address and scheme.</summary>
    public static void UseGongkaiForwardedHeaders(this WebApplication app)
    {
        var proxy = ReadProxyOptions(app.Configuration);
        var (addresses, networks) = Parse(proxy);
        if (addresses.Count + networks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }

    /// <summary>HSTS (on HTTPS requests) and, when configured, the redirect to HTTPS; then the cookie policy.</summary>
    public static void UseGongkaiHttps(this WebApplication app)
    {
        var https = app.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        if (https.Hsts ?? !app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        if (https.Redirect)
        {
            app.UseWhen(context => !ProbePaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)),
                redirected => redirected.UseHttpsRedirection());
        }

        app.UseCookiePolicy();
    }

    /// <summary>The options, with <c>KnownProxies</c> and <c>KnownNetworks</c> taken either as lists
    /// (<c>Gongkai__Proxy__KnownProxies__0=…</c>) or as one value (<c>--Gongkai:Proxy:KnownProxies=127.0.0.1,10.0.0.5</c>),
    /// which the configuration binder alone would drop.</summary>
    internal static ProxyOptions ReadProxyOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(ProxyOptions.Section);
        string[] Values(string key)
        {
            var entry = section.GetSection(key);
            return entry.Value is { Length: > 0 } single ? [single] : entry.GetChildren().Select(c => c.Value).OfType<string>().ToArray();
        }

        return new ProxyOptions
        {
            KnownProxies = Values(nameof(ProxyOptions.KnownProxies)),
            KnownNetworks = Values(nameof(ProxyOptions.KnownNetworks)),
            ForwardLimit = section.GetValue(nameof(ProxyOptions.ForwardLimit), 1),
        };
    }

    /// <summary>The configured proxies and networks; a malformed entry stops the start with its name.</summary>
    internal static (List<IPAddress> Addresses, List<System.Net.IPNetwork> Networks) Parse(ProxyOptions options)
    {
        var addresses = new List<IPAddress>();
        foreach (var entry in Entries(options.KnownProxies))
        {
            addresses.Add(IPAddress.TryParse(entry, out var address)
                ? address
                : throw new InvalidOperationException($"{ProxyOptions.Section}:KnownProxies 中的“{entry}”不是 IP 地址。"));
        }

        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in Entries(options.KnownNetworks))
        {
            networks.Add(System.Net.IPNetwork.TryParse(entry, out var network)
                ? network
                : throw new InvalidOperationException($"{ProxyOptions.Section}:KnownNetworks 中的“{entry}”不是 CIDR 网段（如 10.20.0.0/24）。"));
        }

        return (addresses, networks);
    }

    private static IEnumerable<string> Entries(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
