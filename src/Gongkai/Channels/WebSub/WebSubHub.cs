using Gongkai.Channels.Rules;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Contracts;
using Microsoft.Extensions.Options;

namespace Gongkai.Channels.WebSub;

/// <summary>A subscription request the hub accepted, waiting for the subscriber to confirm it (the verify job's payload).</summary>
public sealed record PendingSubscription(HubMode Mode, string Topic, string TopicPath, string Callback, int LeaseSeconds, string? Secret);

/// <summary>
/// The hub's front door (W3C WebSub §5.1): checks a subscription or unsubscription request and, when it can be
/// honoured, schedules the verification of intent (§5.3) — the change to the subscription happens only once the
/// subscriber answered the challenge. Refused: malformed requests, topics that are not feeds of this site, callbacks
/// that are not http(s), point at this site, or resolve to addresses that are not public (SSRF; an operator may
/// allow addresses in <c>Gongkai:OutboundHttp:AllowedHosts</c>, which tests do for their loopback subscriber).
/// </summary>
public sealed class WebSubHub(ChannelTopics topics, JobScheduler jobs, Platform.Data.GongkaiDbContext db, IOptions<WebSubOptions> options,
    CallbackAddresses callbacks)
{
    public const string Path = "/websub/hub";

    public LeaseLimits Leases => new(options.Value.MinLeaseSeconds, options.Value.DefaultLeaseSeconds, options.Value.MaxLeaseSeconds);

    public async Task<Outcome> RequestAsync(IFormCollection form, Uri site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(site);
        var checkedRequest = SubscriptionRequestRules.Check(form["hub.mode"], form["hub.topic"], form["hub.callback"], form["hub.lease_seconds"], form["hub.secret"], Leases);
        if (!checkedRequest.Succeeded)
        {
            return checkedRequest.Refusal;
        }

        var request = checkedRequest.Value;
        if (!SameSite(request.Topic, site) || !await topics.IsTopicAsync(request.Topic.AbsolutePath, cancellationToken))
        {
            return Refusal.InvalidField("hub.topic", "主题须为本站的订阅源地址（如 /feeds/atom.xml）。", "订阅请求无效");
        }

        if (SameSite(request.Callback, site))
        {
            return Refusal.InvalidField("hub.callback", "回调地址不能指向本站。", "订阅请求无效");
        }

        if (await RefuseCallbackAddressAsync(request.Callback, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        jobs.Schedule(WebSubVerification.JobKind, new PendingSubscription(request.Mode, request.Topic.AbsoluteUri, request.Topic.AbsolutePath,
            request.Callback.AbsoluteUri, request.LeaseSeconds, request.Secret));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    private static bool SameSite(Uri uri, Uri site) => CallbackAddresses.SameSite(uri, site);

    private async Task<Refusal?> RefuseCallbackAddressAsync(Uri callback, CancellationToken cancellationToken) =>
        await callbacks.RefusalAsync(callback, cancellationToken) is { } reason ? Refusal.InvalidField("hub.callback", reason, "订阅请求无效") : null;
}
