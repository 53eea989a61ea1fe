namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>A refresh token already exchanged (its SHA-256), kept until it would have expired: a second use is refused.</summary>
public sealed class UsedRefreshToken
{
    public required string TokenHash { get; init; }

    public required string UserId { get; init; }

    public DateTime UsedAtUtc { get; init; }

    public DateTime ExpiresAtUtc { get; init; }
}
