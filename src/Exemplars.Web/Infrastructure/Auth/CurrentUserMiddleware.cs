using System.Security.Claims;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Sets the signed-in user's current role, organisation and activity for the request, as stored now, so that a
/// deactivated user or a changed binding takes effect at once, whatever the cookie or token says. The row comes from
/// <see cref="SignedInUserCache"/>, which every save of a user or an organisation empties; the database is read only
/// when the cache has nothing recent.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, SignedInUserCache cache, IServiceProvider services)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            var row = cache.Find(userId) ?? await Read(userId, cache, services, context.RequestAborted);
            var stamp = context.User.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
            if (row is null || !row.IsActive || (stamp is not null && stamp != row.SecurityStamp))
            {
                // The account was deactivated or its password/binding changed: treat the request as anonymous.
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }
            else
            {
                currentUser.Set(userId, row.Email, row.FullName, row.Role, row.OrganizationId, row.OrganizationName, row.OrganizationPath);
                currentUser.MarkTwoFactor(row.TwoFactorEnabled);
            }
        }

        await next(context);
    }

    /// <summary>Null for a user that no longer exists or has no organisation.</summary>
    private static async Task<SignedInUserCache.Entry?> Read(string userId, SignedInUserCache cache, IServiceProvider services, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        var db = services.GetRequiredService<AppDbContext>();
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.Organization != null)
            .Select(u => new SignedInUserCache.Entry(u.Email ?? string.Empty, u.FullName, u.Role, u.IsActive, u.SecurityStamp, u.Organization!.Id, u.Organization.Name, u.Organization.Path, u.TwoFactorEnabled, default))
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        row = row with { ReadAt = services.GetRequiredService<TimeProvider>().GetUtcNow() };
        cache.Keep(userId, row, generation);
        return row;
    }
}
