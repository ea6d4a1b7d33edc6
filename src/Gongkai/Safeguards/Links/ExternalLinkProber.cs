using System.Net;
using System.Runtime.CompilerServices;
using Gongkai.Platform.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Gongkai.Safeguards.Links;

/// <summary>The outcome of probing one URL. <see cref="Refused"/>: the target is an internal network address, so it
/// was not checked (neither working nor broken).</summary>
public sealed record ProbeResult(string Url, bool Ok, int? StatusCode, string Problem, int Attempts, bool Refused = false);

/// <summary>Settings of the external link probe: how many at once, how long each may take, how often to retry.</summary>
public sealed record ProbeSettings(int MaxConcurrency = 4, TimeSpan? Timeout = null, int Retries = 2, TimeSpan? RetryDelay = null)
{
    public TimeSpan EffectiveTimeout => Timeout ?? TimeSpan.FromSeconds(15);

    public TimeSpan EffectiveRetryDelay => RetryDelay ?? TimeSpan.FromSeconds(1);
}

/// <summary>Probes external links with bounded concurrency. The HTTP client (<see cref="LinkProbeHttp"/>) brings the
/// rest: the outbound guard (internal addresses refused), a timeout per attempt and retries on failures that may pass
/// (timeouts, connection errors, 5xx, 429). HEAD first; servers that refuse HEAD are asked with GET.</summary>
public sealed class ExternalLinkProber(HttpClient http, ProbeSettings settings)
{
    /// <summary>Shown in the link report for a link to an internal network address.</summary>
    public const string RefusedProblem = "内部网络地址，不检查";

    public async Task<IReadOnlyList<ProbeResult>> ProbeAsync(IEnumerable<string> urls, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrency));
        var tasks = urls.Distinct(StringComparer.Ordinal).Select(async url =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await ProbeOneAsync(url, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }

    private async Task<ProbeResult> ProbeOneAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return new ProbeResult(url, false, null, "链接地址无效", 0);
        }

        var attempts = new StrongBox<int>();
        try
        {
            var code = await SendAsync(uri, HttpMethod.Head, attempts, cancellationToken);
            if (code is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
            {
                attempts.Value = 0;
                code = await SendAsync(uri, HttpMethod.Get, attempts, cancellationToken);
            }

            var status = (int)code;
            return status < 400
                ? new ProbeResult(url, true, status, "", attempts.Value)
                : new ProbeResult(url, false, status, $"服务器返回 {status}", attempts.Value);
        }
        catch (HttpRequestException e) when (OutboundAddressRefusedException.IsRefusal(e))
        {
            return new ProbeResult(url, true, null, RefusedProblem, attempts.Value, Refused: true);
        }
        catch (Exception e) when (e is TimeoutRejectedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new ProbeResult(url, false, null, $"超过 {settings.EffectiveTimeout.TotalSeconds:0.#} 秒未响应", attempts.Value);
        }
        catch (HttpRequestException e)
        {
            return new ProbeResult(url, false, null, $"无法连接：{e.Message}", attempts.Value);
        }
    }

    private async Task<HttpStatusCode> SendAsync(Uri uri, HttpMethod method, StrongBox<int> attempts, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Options.Set(LinkProbeHttp.AttemptsKey, attempts);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.StatusCode;
    }
}

/// <summary>The link probe's HTTP client: the platform's outbound client (internal addresses refused unless
/// allowed), with retries and a per-attempt timeout from the <c>Safeguards:LinkProbe*</c> settings.</summary>
public static class LinkProbeHttp
{
    public const string ClientName = "safeguards-link-probe";

    /// <summary>Where the client counts the attempts of one request, for the report.</summary>
    internal static readonly HttpRequestOptionsKey<StrongBox<int>> AttemptsKey = new("gongkai.link-probe.attempts");

    public static IHttpClientBuilder AddLinkProbeHttpClient(this IServiceCollection services)
    {
        var client = services.AddOutboundHttpClient(ClientName)
            .ConfigureHttpClient(http =>
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd("Gongkai-LinkCheck/1.0");
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's per-attempt timeout governs
            });
        client.AddResilienceHandler("link-probe", (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<SafeguardsOptions>>().Value.ProbeSettings();
            if (settings.Retries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.Retries,
                    Delay = settings.EffectiveRetryDelay,
                    BackoffType = DelayBackoffType.Constant,
                    UseJitter = false,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                });
            }

            pipeline.AddTimeout(settings.EffectiveTimeout);
        });
        client.AddHttpMessageHandler(() => new AttemptCounter());
        return client;
    }

    /// <summary>Failures that may pass: timeouts, connection errors (not a refused internal address: that stays
    /// refused), 5xx except 501 (the HEAD-not-supported answer), 429 and 408. 404, 410, 403…: asking again will not help.</summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException e } => !OutboundAddressRefusedException.IsRefusal(e),
        { Exception: TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            || ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented),
        _ => false,
    };

    /// <summary>Inside the retries, so it sees every attempt.</summary>
    private sealed class AttemptCounter : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Options.TryGetValue(LinkProbeHttp.AttemptsKey, out var attempts))
            {
                Interlocked.Increment(ref attempts.Value);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
