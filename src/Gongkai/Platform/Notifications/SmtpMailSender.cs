using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Gongkai.Platform.Notifications;

/// <summary>Delivers one plain-text message over SMTP with MailKit (UTF-8 body and headers).</summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> mail, IOptions<GongkaiOptions> gongkai)
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var options = mail.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(gongkai.Value.Site.Name, options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, message.Body);
        mime.Body = body;

        using var client = new SmtpClient();
        var security = options.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : options.StartTls ? SecureSocketOptions.StartTls
            : SecureSocketOptions.None;
        await client.ConnectAsync(options.SmtpHost, options.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
        {
            await client.AuthenticateAsync(options.User, options.Password, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
