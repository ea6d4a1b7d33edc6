namespace Gongkai.Platform.Notifications;

/// <summary>A message to people: staff (by user id) or anyone by e-mail address.</summary>
/// <param name="Recipients">Staff user ids or e-mail addresses, mixed freely.</param>
/// <param name="Subject">One line, Chinese.</param>
/// <param name="Body">Plain text, Chinese.</param>
/// <param name="Kind">What it is about, for the logs and the outbox (e.g. <c>request.due-soon</c>).</param>
public sealed record Notification(IReadOnlyList<string> Recipients, string Subject, string Body, string Kind);

/// <summary>
/// Sends notifications. Always writes them to the log; each recipient gets an <see cref="OutboxMessage"/> in the
/// caller's unit of work (the caller saves), and when SMTP is configured (<c>Gongkai:Mail:SmtpHost</c>) a background
/// job delivers it, retrying while the mail server is down. Without SMTP the messages wait in the outbox, where
/// administrators read them at <c>/admin/outbox</c>.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default);
}
