using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Channels.Rules;

/// <summary>The ways a released post leaves Gongkai for the platform: a signed webhook to the body's own integration
/// service, or the export an editor pastes into the platform's console.</summary>
public static class PostAdapters
{
    public const string Webhook = "webhook";
    public const string Export = "export";

    public static string ChineseName(string adapter) => adapter switch
    {
        Webhook => "签名回调（Webhook）",
        Export => "导出后人工发布",
        _ => adapter,
    };
}

/// <summary>Where a post stands on one channel.</summary>
public enum PostChannelStatus
{
    /// <summary>待投递: a webhook delivery is queued (also between retries).</summary>
    Pending,

    /// <summary>已送达: the integration service took <c>post.released</c>.</summary>
    Delivered,

    /// <summary>投递失败: given up after the last attempt; an editor may queue it again.</summary>
    Failed,

    /// <summary>待确认发布: the export is ready; the editor pastes it and records 已发布.</summary>
    Exported,

    /// <summary>已发布: the editor confirmed it is on the platform.</summary>
    Confirmed,

    /// <summary>须在平台删除 (export) or 撤下通知待送达 (webhook): the source document was withdrawn.</summary>
    RemovalNeeded,

    /// <summary>已删除 (confirmed by the editor) or 已通知撤下 (the integration took <c>post.withdrawn</c>).</summary>
    Removed,
}

/// <summary>The events the webhook adapter sends.</summary>
public static class PostEvents
{
    public const string Released = "post.released";
    public const string Withdrawn = "post.withdrawn";
}

/// <summary>
/// A post's status per channel as a state machine. Webhook: released → pending → delivered, or failed after the last
/// attempt (an editor may queue it again); withdrawal → removal needed (the <c>post.withdrawn</c> event queued) →
/// removed once delivered. Export: released → exported → confirmed by the editor (已发布, optionally with the platform
/// post's address); withdrawal → removal needed (须在平台删除) → removed when the editor confirms it. An export never
/// confirmed is still flagged on withdrawal: the editor may have pasted it without recording it.
/// </summary>
public static class PostChannelFlow
{
    public static PostChannelStatus OnRelease(string adapter) => adapter == PostAdapters.Webhook ? PostChannelStatus.Pending : PostChannelStatus.Exported;

    /// <summary>The status after the source was withdrawn, or null when the channel already is (or was) taken down.
    /// Every webhook channel is sent <c>post.withdrawn</c>, even when its release was not delivered yet (its queued
    /// release is cancelled, but one in flight may still arrive): receivers ignore a withdrawal of a post they do not hold.</summary>
    public static PostChannelStatus? OnWithdrawal(PostChannelStatus status) =>
        status is PostChannelStatus.Removed or PostChannelStatus.RemovalNeeded ? null : PostChannelStatus.RemovalNeeded;

    /// <summary>After a webhook delivery of <paramref name="eventName"/>: the channel's status when it succeeded, or when it
    /// was given up (<paramref name="givenUp"/>); between retries it keeps its status.</summary>
    public static PostChannelStatus AfterDelivery(string eventName, bool succeeded, bool givenUp, PostChannelStatus current) => (eventName, succeeded, givenUp) switch
    {
        (PostEvents.Released, true, _) => PostChannelStatus.Delivered,
        (PostEvents.Withdrawn, true, _) => PostChannelStatus.Removed,
        (_, false, true) => PostChannelStatus.Failed,
        _ => current,
    };

    public static Outcome ConfirmPublished(string adapter, PostChannelStatus status, string? platformPostUrl)
    {
        if (adapter != PostAdapters.Export)
        {
            return Refusal.Conflict("只有导出渠道由编辑确认发布。");
        }

        if (status is not (PostChannelStatus.Exported or PostChannelStatus.Confirmed))
        {
            return Refusal.Conflict("这条推送在该渠道不处于待确认发布状态。");
        }

        return CheckPlatformUrl(platformPostUrl);
    }

    public static Outcome ConfirmRemoved(string adapter, PostChannelStatus status) =>
        adapter == PostAdapters.Export && status == PostChannelStatus.RemovalNeeded ? Outcome.Done : Refusal.Conflict("这条推送在该渠道无须确认删除。");

    public static Outcome Retry(string adapter, PostChannelStatus status) =>
        adapter == PostAdapters.Webhook && status == PostChannelStatus.Failed ? Outcome.Done : Refusal.Conflict("只有投递失败的回调可以重新投递。");

    /// <summary>The platform post's address is optional; when given it must be an http(s) address.</summary>
    public static Outcome CheckPlatformUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return Outcome.Done;
        }

        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && url.Trim().Length <= 1000
            ? Outcome.Done
            : Refusal.InvalidField("PlatformPostUrl", "平台上的推送地址须为 http:// 或 https:// 开头的完整网址（可不填）。");
    }

    public static string ChineseName(string adapter, PostChannelStatus status) => (adapter, status) switch
    {
        (_, PostChannelStatus.Pending) => "待投递",
        (_, PostChannelStatus.Delivered) => "已送达",
        (_, PostChannelStatus.Failed) => "投递失败",
        (_, PostChannelStatus.Exported) => "待编辑发布并确认",
        (_, PostChannelStatus.Confirmed) => "已发布",
        (PostAdapters.Webhook, PostChannelStatus.RemovalNeeded) => "撤下通知待送达",
        (_, PostChannelStatus.RemovalNeeded) => "须在平台删除",
        (PostAdapters.Webhook, PostChannelStatus.Removed) => "已通知撤下",
        (_, PostChannelStatus.Removed) => "已在平台删除",
        _ => status.ToString(),
    };
}

/// <summary>An account's adapter settings: the export (on or off) and a webhook address.</summary>
public sealed record CheckedAdapters(bool ExportEnabled, Uri? WebhookUrl);

/// <summary>
/// The webhook adapter's address and signature. The address must be an absolute http(s) URL without user info or a
/// fragment (the host is checked separately against non-public addresses, as WebSub callbacks are). Each request is
/// signed over <c>{timestamp}.{body}</c> with HMAC-SHA256 keyed by the account's secret:
/// <c>X-Gongkai-Signature: sha256=…</c>, <c>X-Gongkai-Timestamp: unix seconds</c>; a receiver refuses a timestamp more
/// than <see cref="Tolerance"/> away from its clock, so a captured request cannot be replayed later.
/// </summary>
public static class WebhookRules
{
    public const string SignatureHeader = "X-Gongkai-Signature";
    public const string TimestampHeader = "X-Gongkai-Timestamp";
    public const string EventHeader = "X-Gongkai-Event";
    public const string DeliveryHeader = "X-Gongkai-Delivery";

    public const string SecretMarker = "whsec_";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static Outcome<CheckedAdapters> CheckAdapters(bool exportEnabled, string? webhookUrl)
    {
        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(webhookUrl))
        {
            var text = webhookUrl.Trim();
            if (text.Length > SubscriptionRequestRules.MaxUrlLength || !Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
            {
                return Refusal.InvalidField("WebhookUrl", "回调地址须为 http:// 或 https:// 开头的完整网址。");
            }

            if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment))
            {
                return Refusal.InvalidField("WebhookUrl", "回调地址不能带用户名密码或片段（#）。");
            }
        }

        return !exportEnabled && url is null
            ? Refusal.InvalidField("WebhookUrl", "账号至少须有一种发布方式：导出后人工发布，或签名回调。")
            : new CheckedAdapters(exportEnabled, url);
    }

    /// <summary>A new secret from the operating system's CSPRNG: <c>whsec_</c> and 40 base62 characters.</summary>
    public static string NewSecret() => SecretMarker + RandomNumberGenerator.GetString(Base62, 40);

    /// <summary>What the console shows of a secret after it was shown once.</summary>
    public static string Hint(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Length <= SecretMarker.Length + 4 ? "…" : secret[..(SecretMarker.Length + 4)] + "…";
    }

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: the timestamp is recent and the signature matches (compared in constant time).</summary>
    public static bool Verify(string secret, string? timestamp, ReadOnlySpan<byte> body, string? signature, DateTimeOffset now)
    {
        if (timestamp is null || signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature.Trim()));
    }
}
