using MailKit.Security;

namespace Exemplars.Web.Infrastructure.Email;

/// <summary>
/// Optional SMTP ("Email:*"). Off unless both Email:Host and Email:From are set; then notices and reminders are also
/// e-mailed. The password comes from the environment or user secrets (Email__Password), never from git.
/// </summary>
public sealed class EmailSettings(IConfiguration configuration)
{
    public string? Host => configuration["Email:Host"];

    public int Port => configuration.GetValue("Email:Port", 587);

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (default StartTls).</summary>
    public SecureSocketOptions Security => Enum.TryParse<SecureSocketOptions>(configuration["Email:Security"], ignoreCase: true, out var value) ? value : SecureSocketOptions.StartTls;

    public string? User => configuration["Email:User"];

    public string? Password => configuration["Email:Password"];

    public string? From => configuration["Email:From"];

    public string FromName => configuration["Email:FromName"] ?? "Gương điển hình tiêu biểu";

    /// <summary>Where links in e-mails point (no trailing slash): <c>App:PublicBaseUrl</c>, or the older <c>Email:BaseUrl</c>.</summary>
    public string? BaseUrl => Http.PublicUrl.ConfiguredIn(configuration);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
