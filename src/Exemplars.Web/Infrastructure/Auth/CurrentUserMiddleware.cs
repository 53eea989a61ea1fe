using System.Security.Claims;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Loads the signed-in user's current role, organisation and activity from the database on each request,
/// so that a deactivated user or a changed binding takes effect at once, whatever the cookie or token says.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, AppDbContext db)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            var row = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.Email, u.FullName, u.Role, u.IsActive, u.SecurityStamp, u.Organization })
                .SingleOrDefaultAsync(context.RequestAborted);
            var stamp = context.User.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
            if (row is null || !row.IsActive || row.Organization is null || (stamp is not null && stamp != row.SecurityStamp))
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
                currentUser.Set(userId, row.Email ?? string.Empty, row.FullName, row.Role, row.Organization);
            }
        }

        await next(context);
    }
}
