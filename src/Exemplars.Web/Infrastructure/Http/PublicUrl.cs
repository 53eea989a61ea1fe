namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// Where the site is reached from outside (<c>App:PublicBaseUrl</c>, e.g. https://thidua.tinh.vn), for every absolute
/// link: the Atom feed, e-mails. Without it, links are built from the request's scheme and host — the host already
/// checked against <c>AllowedHosts</c>, the scheme as the trusted proxy reported it; e-mails then carry no link.
/// </summary>
public sealed class PublicUrl(IConfiguration configuration)
{
    /// <summary>The configured base (no trailing slash); the older <c>Email:BaseUrl</c> is read when it is not set.</summary>
    public string? Configured => ConfiguredIn(configuration);

    public static string? ConfiguredIn(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["App:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["Email:BaseUrl"];
        }

        return string.IsNullOrWhiteSpace(configured) ? null : configured.Trim().TrimEnd('/');
    }

    public string For(HttpContext context) => Configured ?? $"{context.Request.Scheme}://{context.Request.Host}";
}
