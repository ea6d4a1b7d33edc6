using System.Net;

namespace Gongkai.Safeguards.Links;

public sealed record ProbeResult(string Url, bool Ok, int? StatusCode, string Problem, int Attempts);

/// <summary>Settings of the external link probe: how many at once, how long each may take, how often to retry.</summary>
public sealed record ProbeSettings(int MaxConcurrency = 4, TimeSpan? Timeout = null, int Retries = 2, TimeSpan? RetryDelay = null)
{
    public TimeSpan EffectiveTimeout => Timeout ?? TimeSpan.FromSeconds(15);

    public TimeSpan EffectiveRetryDelay => RetryDelay ?? TimeSpan.FromSeconds(1);
}

/// <summary>Probes external links with bounded concurrency, a timeout per attempt and retries on failures that may
/// pass (timeouts, connection errors, 5xx, 429). HEAD first; servers that refuse HEAD are asked with GET.</summary>
public sealed class ExternalLinkProber(HttpClient http, ProbeSettings settings)
{
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

        var attempts = 0;
        var problem = "";
        int? status = null;
        while (attempts <= settings.Retries)
        {
            if (attempts > 0)
            {
                await Task.Delay(settings.EffectiveRetryDelay, cancellationToken);
            }

            attempts++;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(settings.EffectiveTimeout);
            try
            {
                var code = await SendAsync(uri, HttpMethod.Head, attempt.Token);
                if (code is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
                {
                    code = await SendAsync(uri, HttpMethod.Get, attempt.Token);
                }

                status = (int)code;
                if (status < 400)
                {
                    return new ProbeResult(url, true, status, "", attempts);
                }

                problem = $"服务器返回 {status}";
                if (status < 500 && code != HttpStatusCode.TooManyRequests)
                {
                    break; // 404, 410, 403…: asking again will not help
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problem = $"超过 {settings.EffectiveTimeout.TotalSeconds:0} 秒未响应";
            }
            catch (HttpRequestException e)
            {
                problem = $"无法连接：{e.Message}";
            }
        }

        return new ProbeResult(url, false, status, problem, attempts);
    }

    private async Task<HttpStatusCode> SendAsync(Uri uri, HttpMethod method, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.StatusCode;
    }
}
