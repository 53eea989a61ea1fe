using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Refresh tokens are single-use (issue 15, ADR 020). Before Identity's <c>POST /api/v1/auth/refresh</c> runs, the
/// token's hash is recorded in <c>used_refresh_tokens</c> (primary key: two racing uses cannot both pass). A token that
/// was already used is refused, and — a stolen token being replayed, or the thief racing the owner — the account's
/// security stamp is renewed, which ends every session, access and refresh token of that account.
/// Logout and a password change renew the stamp as well (Identity's refresh checks it).
/// </summary>
public static class RefreshTokenGuard
{
    public const string RefusedDetail = "Mã làm mới (refresh token) này đã được dùng; mọi phiên của tài khoản đã được đóng để bảo vệ tài khoản. Hãy đăng nhập lại.";

    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals("/api/v1/auth/refresh", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering(bufferThreshold: 16 * 1024, bufferLimit: 64 * 1024);
        string? token = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            token = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("refreshToken", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            // Identity's endpoint answers unreadable bodies itself.
        }

        context.Request.Body.Position = 0;
        if (string.IsNullOrEmpty(token))
        {
            await next(context);
            return;
        }

        var protector = context.RequestServices.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(token);
        var userId = ticket?.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (ticket is null || userId is null)
        {
            await next(context); // not a token of ours: Identity refuses it
            return;
        }

        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        db.Set<UsedRefreshToken>().Add(new UsedRefreshToken
        {
            TokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))),
            UserId = userId,
            UsedAtUtc = now,
            ExpiresAtUtc = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now.AddDays(14),
        });
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var users = context.RequestServices.GetRequiredService<UserManager<AppUser>>();
            await Sessions.EndEveryOneAsync(users, await users.FindByIdAsync(userId));
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Http.StatusMessages.Title(StatusCodes.Status401Unauthorized), detail: RefusedDetail).ExecuteAsync(context);
            return;
        }

        // Now and then, forget the tokens that have expired anyway.
        if (Random.Shared.Next(100) == 0)
        {
            await db.Set<UsedRefreshToken>().Where(t => t.ExpiresAtUtc < now).ExecuteDeleteAsync(context.RequestAborted);
        }

        await next(context);
    }
}
