using System.Linq.Expressions;
using System.Net.Http.Headers;
using System.Text;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Publishing.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Channels.WebSub;

/// <summary>
/// Content distribution (W3C WebSub §7): POSTs each due delivery's content to its callback with the hub and self
/// links and, when the subscriber gave a secret, <c>X-Hub-Signature: sha256=…</c>. Deliveries are claimed in batches
/// with one conditional UPDATE under a per-pass holder token and a lease, as scheduled jobs are: a node that dies
/// mid-delivery leaves them to be taken over when the lease lapses. They are sent <see cref="WebSubOptions.Concurrency"/>
/// at a time with a timeout each, so a slow or failing subscriber never holds up the others; a failure is retried
/// with exponential back-off (<see cref="DeliveryBackoff"/>).
/// </summary>
public sealed class WebSubDeliverer(GongkaiDbContext db, IHttpClientFactory clients, TimeProvider clock, NodeIdentity node, IFeedHub hub,
    IOptions<WebSubOptions> options, ILogger<WebSubDeliverer> logger)
{
    private WebSubOptions Options => options.Value;

    /// <summary>Delivers everything due now, batch after batch; returns how many deliveries succeeded.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (true)
        {
            var (claimed, succeeded) = await DeliverBatchAsync(cancellationToken);
            delivered += succeeded;
            if (claimed == 0)
            {
                return delivered;
            }
        }
    }

    private static Expression<Func<WebSubDelivery, bool>> Claimable(DateTimeOffset now) =>
        d => (d.Status == WebSubDeliveryStatus.Pending && d.DueAt <= now)
            || (d.Status == WebSubDeliveryStatus.Running && d.LeaseExpiresAt < now);

    private async Task<(int Claimed, int Succeeded)> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batchSize = Math.Max(1, Options.Concurrency) * 4;
        var candidates = await db.Set<WebSubDelivery>().AsNoTracking().Where(Claimable(now)).OrderBy(d => d.DueAt).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return (0, 0);
        }

        // A token per pass: the rows this pass claimed are exactly those carrying it.
        var holder = $"{node.Id}:{Guid.NewGuid():N}";
        var until = now + Options.DeliveryLease;
        var claimed = await db.Set<WebSubDelivery>().Where(d => candidates.Contains(d.Id)).Where(Claimable(now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebSubDeliveryStatus.Running).SetProperty(d => d.Holder, holder)
                .SetProperty(d => d.LeaseExpiresAt, until).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return (candidates.Count, 0); // Another node was quicker; look again.
        }

        var work = await (from d in db.Set<WebSubDelivery>().AsNoTracking()
                          where d.Holder == holder && d.Status == WebSubDeliveryStatus.Running
                          join s in db.Set<WebSubSubscription>() on d.SubscriptionId equals s.Id
                          join c in db.Set<WebSubContent>() on d.ContentId equals c.Id
                          select new Work(d.Id, d.Attempts, s.Topic, s.Callback, s.Secret, c.ContentType, c.Body)).ToListAsync(cancellationToken);
        var results = new System.Collections.Concurrent.ConcurrentDictionary<long, string?>();
        var client = clients.CreateClient(ChannelsModule.CallbackClient);
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Concurrency), CancellationToken = cancellationToken },
            async (item, ct) => results[item.Id] = await SendAsync(client, item, ct));

        var finishedAt = clock.GetUtcNow();
        var succeeded = 0;
        foreach (var item in work)
        {
            var error = results.GetValueOrDefault(item.Id);
            var mine = db.Set<WebSubDelivery>().Where(d => d.Id == item.Id && d.Holder == holder && d.Status == WebSubDeliveryStatus.Running);
            if (error is null)
            {
                succeeded++;
                await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebSubDeliveryStatus.Delivered).SetProperty(d => d.DeliveredAt, finishedAt)
                    .SetProperty(d => d.Holder, (string?)null).SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null).SetProperty(d => d.LastError, (string?)null),
                    CancellationToken.None);
                continue;
            }

            var next = DeliveryBackoff.NextAttempt(finishedAt, item.Attempts, Options.MaxAttempts, Options.RetryBaseDelay, Options.MaxRetryDelay);
            logger.LogWarning("WebSub delivery {Delivery} to {Callback} failed on attempt {Attempt}: {Error}; {Next}.", item.Id, item.Callback, item.Attempts, error,
                next is null ? "given up" : "retrying at " + next.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
            var status = next is null ? WebSubDeliveryStatus.Failed : WebSubDeliveryStatus.Pending;
            var dueAt = next ?? finishedAt;
            await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status).SetProperty(d => d.DueAt, dueAt).SetProperty(d => d.LastError, error)
                .SetProperty(d => d.Holder, (string?)null).SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        }

        return (claimed, succeeded);
    }

    /// <summary>Null when the subscriber took the content (2xx), otherwise why not.</summary>
    private async Task<string?> SendAsync(HttpClient client, Work item, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(item.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(item.Callback)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(item.ContentType);
        var topic = new Uri(item.Topic);
        if (hub.HubUrl(new Uri(topic.GetLeftPart(UriPartial.Authority) + "/")) is { } hubUrl)
        {
            request.Headers.TryAddWithoutValidation("Link", $"<{hubUrl.AbsoluteUri}>; rel=\"hub\", <{topic.AbsoluteUri}>; rel=\"self\"");
        }

        if (item.Secret is not null)
        {
            request.Headers.TryAddWithoutValidation(HubSignature.Header, HubSignature.Sign(item.Secret, body));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.CallbackTimeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "超时";
        }
        catch (HttpRequestException exception)
        {
            return exception.Message.Length > 500 ? exception.Message[..500] : exception.Message;
        }
    }

    private sealed record Work(long Id, int Attempts, string Topic, string Callback, string? Secret, string ContentType, string Body);
}

/// <summary>Raised when this process staged deliveries, so the <see cref="WebSubDeliveryWorker"/> sends them at once.</summary>
public sealed class WebSubDeliveriesStaged : WakeUpSignal;

/// <summary>
/// Sends deliveries on every node: at once when this node staged some (a publication begins reaching subscribers
/// within the 2 s the issue asks, without waiting for the job runner's pass over every recurring job), and every
/// <see cref="WebSubOptions.SweepInterval"/> for retries that came due and for deliveries a dead node left (their lease
/// lapsed). The rows are the queue: nothing is lost when a node stops. Off where background work is off.
/// </summary>
internal sealed class WebSubDeliveryWorker(IServiceScopeFactory scopes, WebSubDeliveriesStaged staged, TimeProvider clock, IOptions<WebSubOptions> options,
    IOptions<JobsOptions> jobs, ILogger<WebSubDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!jobs.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WebSubDeliverer>().DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // E.g. the database is unreachable: try again at the next wake-up.
                logger.LogError(exception, "WebSub delivery pass failed.");
            }

            try
            {
                await staged.WaitAsync(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Every <see cref="WebSubOptions.SweepInterval"/>, on one node: ends expired subscriptions (W3C WebSub §5.1: a
/// subscription ends when its lease does, with its pending deliveries) and removes finished deliveries past keeping.</summary>
public sealed class WebSubSweep(GongkaiDbContext db, TimeProvider clock, IOptions<WebSubOptions> options) : IRecurringJob
{
    public string Name => "websub.sweep";

    public JobSchedule Schedule => JobSchedule.Every(options.Value.SweepInterval);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Set<WebSubSubscription>().Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var before = now - options.Value.KeepFinished;
        await db.Set<WebSubDelivery>().Where(d => (d.Status == WebSubDeliveryStatus.Delivered || d.Status == WebSubDeliveryStatus.Failed) && d.CreatedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
        await db.Set<WebSubContent>().Where(c => c.CreatedAt < before && !db.Set<WebSubDelivery>().Any(d => d.ContentId == c.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
