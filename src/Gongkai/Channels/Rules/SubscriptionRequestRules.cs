using System.Globalization;
using System.Text;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Channels.Rules;

public enum HubMode
{
    Subscribe,
    Unsubscribe,
}

/// <summary>A subscription request whose fields passed the rules: absolute http(s) topic and callback, a lease in range.</summary>
public sealed record CheckedSubscriptionRequest(HubMode Mode, Uri Topic, Uri Callback, int LeaseSeconds, string? Secret);

/// <summary>The leases the hub grants, in seconds: used when the subscriber names none, and the range it accepts.</summary>
public sealed record LeaseLimits(int Min, int Default, int Max);

/// <summary>
/// W3C WebSub §5.1: the form fields of a subscription request. A request that breaks a rule is refused with a field
/// error (400 at the hub, as the specification asks for a request it will not honour). Where WebSub lets the hub pick
/// another lease than asked, Gongkai refuses one out of range instead, so the subscriber is told at once.
/// </summary>
public static class SubscriptionRequestRules
{
    /// <summary>The specification: a secret "MUST be less than 200 bytes".</summary>
    public const int MaxSecretBytes = 199;

    /// <summary>Callback URLs longer than this are refused (a row holds it; WebSub sets no limit).</summary>
    public const int MaxUrlLength = 2000;

    public static Outcome<CheckedSubscriptionRequest> Check(string? mode, string? topic, string? callback, string? leaseSeconds, string? secret, LeaseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new Dictionary<string, string[]>();
        HubMode? hubMode = mode switch
        {
            "subscribe" => HubMode.Subscribe,
            "unsubscribe" => HubMode.Unsubscribe,
            _ => null,
        };
        if (hubMode is null)
        {
            errors["hub.mode"] = ["hub.mode 须为 subscribe 或 unsubscribe。"];
        }

        var topicUri = HttpUrl(topic, "hub.topic", "主题（hub.topic）", errors);
        var callbackUri = HttpUrl(callback, "hub.callback", "回调地址（hub.callback）", errors);
        if (callbackUri is not null && !string.IsNullOrEmpty(callbackUri.Fragment))
        {
            errors["hub.callback"] = ["回调地址不能带片段（#）。"];
        }

        var lease = limits.Default;
        if (!string.IsNullOrWhiteSpace(leaseSeconds))
        {
            if (!int.TryParse(leaseSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out lease) || lease < limits.Min || lease > limits.Max)
            {
                errors["hub.lease_seconds"] = [string.Create(CultureInfo.InvariantCulture, $"订阅期限（hub.lease_seconds）须为 {limits.Min} 至 {limits.Max} 秒之间的整数。")];
            }
        }

        var secretValue = string.IsNullOrEmpty(secret) ? null : secret;
        if (secretValue is not null && Encoding.UTF8.GetByteCount(secretValue) > MaxSecretBytes)
        {
            errors["hub.secret"] = [string.Create(CultureInfo.InvariantCulture, $"密钥（hub.secret）须少于 {MaxSecretBytes + 1} 字节。")];
        }

        if (errors.Count > 0 || hubMode is null || topicUri is null || callbackUri is null)
        {
            return Refusal.Invalid("订阅请求不符合 WebSub 规范。", errors, "订阅请求无效");
        }

        return new CheckedSubscriptionRequest(hubMode.Value, topicUri, callbackUri, lease, secretValue);
    }

    private static Uri? HttpUrl(string? value, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{label}不能为空。"];
            return null;
        }

        if (value.Length > MaxUrlLength || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors[field] = [$"{label}须为 http 或 https 地址（不含用户名和密码）。"];
            return null;
        }

        return uri;
    }
}
