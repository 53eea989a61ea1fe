using MailKit.Net.Smtp;
using MimeKit;

namespace Exemplars.Web.Infrastructure.Email;

/// <summary>Sends one plain-text message over SMTP with MailKit: recipients in Bcc, so no one sees the others' addresses.</summary>
public sealed class SmtpMailer(EmailSettings settings)
{
    public async Task SendAsync(IReadOnlyCollection<string> recipients, string subject, string body, CancellationToken cancellationToken)
    {
        if (!settings.Enabled || settings.Host is not { } host || settings.From is not { } from)
        {
            throw new InvalidOperationException("E-mail is not configured.");
        }

        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, from));
        message.To.Add(new MailboxAddress(settings.FromName, from));
        foreach (var recipient in recipients)
        {
            message.Bcc.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(host, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
