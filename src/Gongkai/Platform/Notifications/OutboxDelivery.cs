using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Notifications;

/// <summary>The background job that mails one outbox message. A failure is written on the message and rethrown, so
/// the job runner retries with backoff; after the last attempt the message is marked failed.</summary>
internal sealed class OutboxDelivery(
    GongkaiDbContext db, SmtpMailSender sender, IOptions<MailOptions> mail, TimeProvider clock, ILogger<OutboxDelivery> logger) : IJobHandler
{
    public const string JobKind = "mail.send";

    public sealed record Payload(Guid MessageId);

    public string Kind => JobKind;

    /// <summary>With the default 30-second base delay, eight attempts keep trying for about an hour.</summary>
    public int? MaxAttempts => 8;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().FindAsync([job.PayloadAs<Payload>().MessageId], cancellationToken);
        if (message is null || message.Status == OutboxStatus.Sent)
        {
            return; // Deleted, or already sent by an earlier attempt whose completion was not recorded.
        }

        if (!mail.Value.IsConfigured)
        {
            logger.LogWarning("Outbox message {MessageId} stays queued: SMTP is no longer configured.", message.Id);
            return;
        }

        message.Attempts++;
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            message.Error = exception.Message.Length <= 2000 ? exception.Message : exception.Message[..2000];
            message.Status = job.IsLastAttempt ? OutboxStatus.Failed : OutboxStatus.Queued;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        message.Status = OutboxStatus.Sent;
        message.SentAt = clock.GetUtcNow();
        message.Error = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
