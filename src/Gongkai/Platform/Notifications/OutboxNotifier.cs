using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gongkai.Platform.Notifications;

/// <summary>The <see cref="INotifier"/>: log line, outbox row per recipient, delivery job when SMTP is configured.</summary>
internal sealed class OutboxNotifier(
    GongkaiDbContext db, JobScheduler jobs, IOptions<MailOptions> mail, TimeProvider clock, ILogger<OutboxNotifier> logger) : INotifier
{
    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        logger.LogInformation(
            "Notification {Kind} to {Recipients}: {Subject}{NewLine}{Body}",
            notification.Kind, string.Join(", ", notification.Recipients), notification.Subject, Environment.NewLine, notification.Body);

        var now = clock.GetUtcNow();
        foreach (var (recipient, address) in await ResolveAsync(notification.Recipients, cancellationToken))
        {
            var message = new OutboxMessage
            {
                Id = Guid.CreateVersion7(now),
                CreatedAt = now,
                Kind = notification.Kind,
                To = address ?? recipient,
                Subject = notification.Subject,
                Body = notification.Body,
                Status = address is null ? OutboxStatus.Failed : OutboxStatus.Queued,
                Error = address is null ? "收件人没有有效的电子邮箱地址。" : null,
            };
            db.Set<OutboxMessage>().Add(message);
            if (address is null)
            {
                logger.LogWarning("Notification {Kind} cannot be mailed to {Recipient}: no valid e-mail address.", notification.Kind, recipient);
            }
            else if (mail.Value.IsConfigured)
            {
                jobs.Schedule(OutboxDelivery.JobKind, new OutboxDelivery.Payload(message.Id));
            }
        }
    }

    /// <summary>Each recipient with its address: itself if it is one, else the staff member's e-mail; null when neither.</summary>
    private async Task<List<(string Recipient, string? Address)>> ResolveAsync(IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var distinct = recipients.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var userIds = distinct.Where(r => !r.Contains('@', StringComparison.Ordinal)).ToList();
        var emails = userIds.Count == 0
            ? []
            : await db.Users.AsNoTracking()
                .Where(u => userIds.Contains(u.Id))
                .Select(u => new { u.Id, u.Email })
                .ToDictionaryAsync(u => u.Id, u => u.Email, StringComparer.Ordinal, cancellationToken);
        return distinct
            .Select(r => (r, ValidAddress(r.Contains('@', StringComparison.Ordinal) ? r : emails.GetValueOrDefault(r))))
            .ToList();
    }

    private static string? ValidAddress(string? candidate) =>
        candidate is not null && MailboxAddress.TryParse(candidate, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal)
            ? parsed.Address
            : null;
}
