using System.Globalization;
using System.Security.Cryptography;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Channels.WebSub;

/// <summary>
/// Verification of intent (W3C WebSub §5.3): a GET to the callback with <c>hub.mode</c>, <c>hub.topic</c>,
/// <c>hub.challenge</c> (and <c>hub.lease_seconds</c> when subscribing). Only a 2xx answer whose body is the challenge
/// confirms; then the subscription is created or renewed (or deleted, for unsubscribe) and audited. Any other answer
/// ends the request without a change; a callback that cannot be reached is tried again by the job runner.
/// </summary>
public sealed class WebSubVerification(GongkaiDbContext db, IHttpClientFactory clients, TimeProvider clock, AuditLog audit, IOptions<WebSubOptions> options,
    ILogger<WebSubVerification> logger) : IJobHandler
{
    public const string JobKind = "websub.verify";

    public string Kind => JobKind;

    public int? MaxAttempts => 3;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var pending = job.PayloadAs<PendingSubscription>();
        var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var query = new Dictionary<string, string?>
        {
            ["hub.mode"] = pending.Mode == HubMode.Subscribe ? "subscribe" : "unsubscribe",
            ["hub.topic"] = pending.Topic,
            ["hub.challenge"] = challenge,
        };
        if (pending.Mode == HubMode.Subscribe)
        {
            query["hub.lease_seconds"] = pending.LeaseSeconds.ToString(CultureInfo.InvariantCulture);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CallbackTimeout);
        var client = clients.CreateClient(ChannelsModule.CallbackClient);
        using var response = await client.GetAsync(new Uri(QueryHelpers.AddQueryString(pending.Callback, query)), timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!response.IsSuccessStatusCode || body.Trim() != challenge)
        {
            logger.LogInformation("WebSub {Mode} of {Callback} to {Topic} not confirmed (HTTP {Status}).", query["hub.mode"], pending.Callback, pending.Topic, (int)response.StatusCode);
            return;
        }

        var now = clock.GetUtcNow();
        var existing = await db.Set<WebSubSubscription>().SingleOrDefaultAsync(s => s.Topic == pending.Topic && s.Callback == pending.Callback, cancellationToken);
        if (pending.Mode == HubMode.Unsubscribe)
        {
            if (existing is not null)
            {
                db.Remove(existing);
                audit.Record("websub.unsubscribed", pending.Topic, pending.Callback, actorName: "WebSub 订阅者");
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        if (existing is null)
        {
            existing = new WebSubSubscription { Topic = pending.Topic, TopicPath = pending.TopicPath, Callback = pending.Callback, CreatedAt = now };
            db.Add(existing);
        }

        existing.Secret = pending.Secret;
        existing.LeaseSeconds = pending.LeaseSeconds;
        existing.VerifiedAt = now;
        existing.ExpiresAt = now.AddSeconds(pending.LeaseSeconds);
        audit.Record("websub.subscribed", pending.Topic, string.Create(CultureInfo.InvariantCulture, $"{pending.Callback}（{pending.LeaseSeconds} 秒）"), actorName: "WebSub 订阅者");
        await db.SaveChangesAsync(cancellationToken);
    }
}
