namespace Gongkai.Platform.Notifications;

/// <summary>Outgoing mail (<c>Gongkai:Mail</c>). With no <see cref="SmtpHost"/>, notifications stay in the outbox.</summary>
public sealed class MailOptions
{
    public const string Section = "Gongkai:Mail";

    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 25;

    /// <summary>The sender address; the display name is the site's name.</summary>
    public string From { get; set; } = "noreply@gongkai.example";

    /// <summary>Optional; when set, the client authenticates (only after TLS, unless the server allows otherwise).</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Require STARTTLS after connecting (port 587). Port 465 always uses TLS from the first byte.</summary>
    public bool StartTls { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost);
}
