using System.Linq.Expressions;
using System.Net.Http.Headers;
using System.Text;
using Gongkai.Channels.Rules;
using Gongkai.Channels.WebSub;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Channels.NewMedia;

/// <summary>The webhook adapter's settings (<c>Gongkai:Channels:Webhooks</c>). Calls go through the same outbound
/// client as WebSub callbacks: only public addresses unless listed in <c>Gongkai:OutboundHttp:AllowedHosts</c>.</summary>
public sealed class NewMediaWebhookOptions
{
    public const string Section = "Gongkai:Channels:Webhooks";

    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries sent at once; a slow integration service holds one slot, never the others.</summary>
    public int Concurrency { get; set; } = 8;

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often retries that came due and deliveries a dead node left are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Sends queued webhook events of new-media posts: POST of the JSON payload to the account's webhook with
/// <c>X-Gongkai-Event</c>, <c>X-Gongkai-Delivery</c>, <c>X-Gongkai-Timestamp</c> and <c>X-Gongkai-Signature</c>
/// (<see cref="WebhookRules"/>). Claimed, leased and retried exactly as WebSub deliveries are (<see cref="WebSubDeliverer"/>:
/// one conditional UPDATE per batch under a holder token, <see cref="DeliveryBackoff"/>); each outcome updates the post's
/// webhook channel and is audited. A <c>post.withdrawn</c> waits while the same post's release is in flight, so an
/// integration never sees them in the wrong order.
/// </summary>
public sealed class NewMediaWebhookDeliverer(GongkaiDbContext db, IHttpClientFactory clients, TimeProvider clock, NodeIdentity node, AuditLog audit,
    IOptions<NewMediaWebhookOptions> options, ILogger<NewMediaWebhookDeliverer> logger)
{
    private NewMediaWebhookOptions Options => options.Value;

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

    private Expression<Func<NewMediaWebhookDelivery, bool>> Claimable(DateTimeOffset now)
    {
        var deliveries = db.Set<NewMediaWebhookDelivery>();
        return d => ((d.Status == WebSubDeliveryStatus.Pending && d.DueAt <= now) || (d.Status == WebSubDeliveryStatus.Running && d.LeaseExpiresAt < now))
            && !deliveries.Any(earlier => earlier.PostId == d.PostId && earlier.Id < d.Id && earlier.Status == WebSubDeliveryStatus.Running && earlier.LeaseExpiresAt >= now);
    }

    private async Task<(int Claimed, int Succeeded)> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batchSize = Math.Max(1, Options.Concurrency) * 4;
        var candidates = await db.Set<NewMediaWebhookDelivery>().AsNoTracking().Where(Claimable(now)).OrderBy(d => d.DueAt).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return (0, 0);
        }

        var holder = $"{node.Id}:{Guid.NewGuid():N}";
        var until = now + Options.DeliveryLease;
        var claimed = await db.Set<NewMediaWebhookDelivery>().Where(d => candidates.Contains(d.Id)).Where(Claimable(now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebSubDeliveryStatus.Running).SetProperty(d => d.Holder, holder)
                .SetProperty(d => d.LeaseExpiresAt, until).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return (candidates.Count, 0);
        }

        var work = await (from d in db.Set<NewMediaWebhookDelivery>().AsNoTracking()
                          where d.Holder == holder && d.Status == WebSubDeliveryStatus.Running
                          join a in db.Set<NewMediaAccount>() on d.AccountId equals a.Id
                          select new Work(d.Id, d.ChannelId, d.PostId, a.BodyId, d.Attempts, d.Event, d.Payload, a.WebhookUrl, a.WebhookSecret)).ToListAsync(cancellationToken);
        var results = new System.Collections.Concurrent.ConcurrentDictionary<long, string?>();
        var client = clients.CreateClient(ChannelsModule.CallbackClient);
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Concurrency), CancellationToken = cancellationToken },
            async (item, ct) => results[item.Id] = await SendAsync(client, item, ct));

        var finishedAt = clock.GetUtcNow();
        var succeeded = 0;
        foreach (var item in work)
        {
            var error = results.GetValueOrDefault(item.Id);
            // The account lost its webhook: nothing to retry against.
            var next = error is null ? null
                : item.Url is null ? null
                : DeliveryBackoff.NextAttempt(finishedAt, item.Attempts, Options.MaxAttempts, Options.RetryBaseDelay, Options.MaxRetryDelay);
            var status = error is null ? WebSubDeliveryStatus.Delivered : next is null ? WebSubDeliveryStatus.Failed : WebSubDeliveryStatus.Pending;
            DateTimeOffset? deliveredAt = error is null ? finishedAt : null;
            var updated = await db.Set<NewMediaWebhookDelivery>().Where(d => d.Id == item.Id && d.Holder == holder && d.Status == WebSubDeliveryStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status).SetProperty(d => d.DueAt, next ?? finishedAt).SetProperty(d => d.LastError, error)
                    .SetProperty(d => d.DeliveredAt, deliveredAt).SetProperty(d => d.Holder, (string?)null)
                    .SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
            if (updated == 0)
            {
                continue; // The lease lapsed and another node took it over: its outcome counts.
            }

            if (error is null)
            {
                succeeded++;
            }
            else
            {
                logger.LogWarning("Webhook delivery {Delivery} ({Event}) failed on attempt {Attempt}: {Error}; {Next}.", item.Id, item.Event, item.Attempts, error,
                    next is null ? "given up" : "retrying at " + next.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
            }

            await RecordAsync(item, error, next, finishedAt);
        }

        return (claimed, succeeded);
    }

    /// <summary>The channel follows its delivery; the change is audited.</summary>
    private async Task RecordAsync(Work item, string? error, DateTimeOffset? next, DateTimeOffset at)
    {
        var channel = await db.Set<NewMediaPostChannel>().SingleOrDefaultAsync(c => c.Id == item.ChannelId, CancellationToken.None);
        if (channel is null)
        {
            return;
        }

        var givenUp = error is not null && next is null;
        channel.Status = PostChannelFlow.AfterDelivery(item.Event, error is null, givenUp, channel.Status);
        channel.Attempts = item.Attempts;
        channel.LastError = error;
        channel.NextAttemptAt = next;
        channel.DeliveredAt = error is null ? at : channel.DeliveredAt;
        channel.UpdatedAt = at;
        var target = "new-media-post:" + item.PostId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var attempt = item.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (action, detail) = (error, next) switch
        {
            (null, _) => ("new-media.channel.delivered", $"{item.Event} 已送达（第 {attempt} 次）"),
            (_, { } due) => ("new-media.channel.retrying", $"{item.Event} 第 {attempt} 次投递失败：{error}；将于 {Platform.Time.ChinaTime.Format(due)} 重试"),
            _ => ("new-media.channel.failed", $"{item.Event} 投递失败，已停止重试（第 {attempt} 次）：{error}"),
        };
        audit.Record(action, target, detail, item.BodyId, "系统");
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    private async Task<string?> SendAsync(HttpClient client, Work item, CancellationToken cancellationToken)
    {
        if (item.Url is null || item.Secret is null)
        {
            return "账号已取消签名回调地址";
        }

        var body = Encoding.UTF8.GetBytes(item.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(item.Url)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var timestamp = WebhookRules.Timestamp(clock.GetUtcNow());
        request.Headers.TryAddWithoutValidation(WebhookRules.EventHeader, item.Event);
        request.Headers.TryAddWithoutValidation(WebhookRules.DeliveryHeader, item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookRules.TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(WebhookRules.SignatureHeader, WebhookRules.Sign(item.Secret, timestamp, body));
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

    private sealed record Work(long Id, int ChannelId, int PostId, int BodyId, int Attempts, string Event, string Payload, string? Url, string? Secret);
}

/// <summary>Sends webhook events on every node: at once when this node queued some, and every
/// <see cref="NewMediaWebhookOptions.SweepInterval"/> for retries and deliveries a dead node left. Off where background work is off.</summary>
internal sealed class NewMediaWebhookWorker(IServiceScopeFactory scopes, NewMediaWebhooksStaged staged, TimeProvider clock, IOptions<NewMediaWebhookOptions> options,
    IOptions<JobsOptions> jobs, ILogger<NewMediaWebhookWorker> logger) : BackgroundService
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
                await scope.ServiceProvider.GetRequiredService<NewMediaWebhookDeliverer>().DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Webhook delivery pass failed.");
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
