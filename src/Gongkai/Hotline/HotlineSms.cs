using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Gongkai.Hotline;

/// <summary>Text messages (section <c>Hotline:Sms</c>). With no <see cref="GatewayUrl"/> messages are only recorded in
/// the SMS outbox (<c>/admin/hotline/sms</c>), so a demo or a site without a gateway contract shows what would be sent.</summary>
public sealed class HotlineSmsOptions
{
    public const string Section = "Hotline:Sms";

    /// <summary>The gateway's HTTPS address; each message is one JSON POST to it (see <see cref="HttpSmsGateway"/>).</summary>
    public string GatewayUrl { get; set; } = "";

    /// <summary>The shared secret the body is signed with (HMAC-SHA256); required with a gateway.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The account or sender id the gateway expects (<c>sender</c> in the body).</summary>
    public string Sender { get; set; } = "12345";

    /// <summary>The 短信签名 put before each message, as operators require (【…】).</summary>
    public string Signature { get; set; } = "12345热线";

    /// <summary>The site's public address for the links in messages (e.g. <c>https://www.example.gov.cn</c>); empty: the
    /// address of the request that caused the message.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(GatewayUrl);
}

/// <summary>What a sender hands back: the gateway's message id, when it gives one.</summary>
public sealed record SmsReceipt(string GatewayMessageId);

/// <summary>Sends one text message. <see cref="Delivers"/> false means the message is only recorded in the outbox.</summary>
public interface ISmsSender
{
    bool Delivers { get; }

    Task<SmsReceipt> SendAsync(HotlineSmsMessage message, CancellationToken cancellationToken);
}

/// <summary>The default without a gateway: nothing leaves the site; the outbox row (status <c>recorded</c>) is the record.</summary>
internal sealed class RecordingSmsSender : ISmsSender
{
    public bool Delivers => false;

    public Task<SmsReceipt> SendAsync(HotlineSmsMessage message, CancellationToken cancellationToken) => Task.FromResult(new SmsReceipt(""));
}

/// <summary>
/// The HTTP gateway adapter. One <c>POST {GatewayUrl}</c> per message, <c>Content-Type: application/json</c>, body
/// <c>{"id":"…","to":"13800000000","text":"【12345热线】…","sender":"12345","kind":"hotline.evaluation-link"}</c>; headers
/// <c>X-Gongkai-Timestamp</c> (Unix seconds) and <c>X-Gongkai-Signature: sha256=</c> lower-case hex HMAC-SHA256, keyed by
/// <c>Hotline:Sms:Secret</c>, of <c>{timestamp}.{body}</c> — the same scheme as the new-media webhook, so a receiver
/// checks both the same way (and refuses timestamps more than five minutes off). A 2xx answer is delivery; a JSON answer's
/// <c>messageId</c> (or <c>id</c>) is kept. Anything else is an error the job retries. The request goes through the
/// outbound HTTP client, so only public addresses (or those in <c>Gongkai:OutboundHttp:AllowedHosts</c>) are reached.
/// </summary>
internal sealed class HttpSmsGateway(IHttpClientFactory clients, IOptions<HotlineSmsOptions> options, TimeProvider clock) : ISmsSender
{
    public const string ClientName = "hotline-sms";

    public const string SignatureHeader = "X-Gongkai-Signature";

    public const string TimestampHeader = "X-Gongkai-Timestamp";

    public bool Delivers => true;

    public async Task<SmsReceipt> SendAsync(HotlineSmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(new { id = message.Id, to = message.To, text = message.Text, sender = settings.Sender, kind = message.Kind });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(settings.Secret, timestamp, body));
        var client = clients.CreateClient(ClientName);
        client.Timeout = TimeSpan.FromSeconds(Math.Clamp(settings.TimeoutSeconds, 1, 120));
        using var response = await client.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"短信网关答复 {(int)response.StatusCode}：{(answer.Length > 300 ? answer[..300] : answer)}"));
        }

        return new SmsReceipt(GatewayId(answer));
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of <c>{timestamp}.{body}</c>.</summary>
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    private static string GatewayId(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            foreach (var name in new[] { "messageId", "id" })
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    var id = value.GetString() ?? "";
                    return id.Length > 128 ? id[..128] : id;
                }
            }
        }
        catch (JsonException)
        {
            // A plain-text answer carries no id.
        }

        return "";
    }
}

/// <summary>Status codes of <see cref="HotlineSmsMessage.Status"/>.</summary>
public static class SmsStatus
{
    public const string Recorded = "recorded";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public static string ChineseName(string status) => status switch
    {
        Recorded => "已记录（未配置短信网关，未发出）",
        Queued => "待发送",
        Sent => "已发送",
        Failed => "发送失败",
        _ => status,
    };
}

/// <summary>Queues text messages to callers in the caller's unit of work (the caller saves): an outbox row always, and a
/// delivery job when a gateway is configured.</summary>
public sealed partial class HotlineSms(GongkaiDbContext db, ISmsSender sender, JobScheduler jobs, TimeProvider clock)
{
    /// <summary>A mainland mobile number (11 digits starting 13–19), optionally with +86, spaces or dashes.</summary>
    public static string? Mobile(string? phone)
    {
        var digits = new string((phone ?? "").Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13)
        {
            digits = digits[2..];
        }

        return MobilePattern().IsMatch(digits) ? digits : null;
    }

    public HotlineSmsMessage Queue(string mobile, string text, string kind, int? ticketId)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var message = new HotlineSmsMessage
        {
            Id = Guid.CreateVersion7(now), CreatedAt = now, TicketId = ticketId, Kind = kind, To = mobile, Text = text,
            Status = sender.Delivers ? SmsStatus.Queued : SmsStatus.Recorded,
        };
        db.Set<HotlineSmsMessage>().Add(message);
        if (sender.Delivers)
        {
            jobs.Schedule(HotlineSmsDelivery.JobKind, new HotlineSmsDelivery.Payload(message.Id));
        }

        return message;
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();
}

/// <summary>The background job that hands one message to the gateway; a failure is written on the message and rethrown so
/// the job runner retries with backoff, and the last attempt marks it failed.</summary>
internal sealed class HotlineSmsDelivery(GongkaiDbContext db, ISmsSender sender, TimeProvider clock, ILogger<HotlineSmsDelivery> logger) : IJobHandler
{
    public const string JobKind = "hotline.sms.send";

    public sealed record Payload(Guid MessageId);

    public string Kind => JobKind;

    public int? MaxAttempts => 6;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var message = await db.Set<HotlineSmsMessage>().FindAsync([job.PayloadAs<Payload>().MessageId], cancellationToken);
        if (message is null || message.Status is SmsStatus.Sent or SmsStatus.Recorded)
        {
            return;
        }

        if (!sender.Delivers)
        {
            logger.LogWarning("SMS {MessageId} stays queued: no gateway is configured any more.", message.Id);
            return;
        }

        message.Attempts++;
        try
        {
            var receipt = await sender.SendAsync(message, cancellationToken);
            message.GatewayMessageId = receipt.GatewayMessageId;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            message.Error = exception.Message.Length <= 2000 ? exception.Message : exception.Message[..2000];
            message.Status = job.IsLastAttempt ? SmsStatus.Failed : SmsStatus.Queued;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        message.Status = SmsStatus.Sent;
        message.SentAt = clock.GetUtcNow().ToUniversalTime();
        message.Error = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
