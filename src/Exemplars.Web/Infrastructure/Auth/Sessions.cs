using Microsoft.AspNetCore.Identity;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Ends every session of an account on the server (ADR 020): a new security stamp, which
/// <see cref="CurrentUserMiddleware"/> checks on each request and Identity's token refresh checks too, so every cookie,
/// access token and refresh token issued before it stops working, on every device.
/// </summary>
public static class Sessions
{
    public static async Task EndEveryOneAsync(UserManager<AppUser> users, AppUser? user)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }
}
