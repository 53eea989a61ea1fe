using System.Runtime.CompilerServices;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>Whether the administrator requires two-step sign-in for staff, kept in memory until the setting is saved.</summary>
public sealed class TwoFactorPolicy : IWatchesChanges
{
    private volatile StrongBox<bool>? _required;

    public bool Concerns(Type entityType) => entityType == typeof(SecuritySettings);

    public void Clear() => _required = null;

    public async Task<bool> RequiredAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_required is { } known)
        {
            return known.Value;
        }

        var value = await db.SecuritySettings.AsNoTracking().Where(s => s.Id == SecuritySettings.SingletonId).Select(s => s.RequireTwoFactorForStaff).SingleOrDefaultAsync(cancellationToken);
        _required = new StrongBox<bool>(value);
        return value;
    }

    /// <summary>Whether an account of this role must sign in in two steps now.</summary>
    public async Task<bool> RequiredForAsync(string role, AppDbContext db, CancellationToken cancellationToken) =>
        SecuritySettings.AppliesTo(role) && await RequiredAsync(db, cancellationToken);
}

/// <summary>
/// When two-step sign-in is required (<see cref="SecuritySettings.RequireTwoFactorForStaff"/>), an administrator or a
/// secretariat member who has not turned it on can do one thing: turn it on. Pages lead to /Account/TwoFactor; the API
/// answers 403 with the code <c>two_factor_required</c>.
/// </summary>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next)
{
    public const string SetUpPage = "/Account/TwoFactor";

    public async Task InvokeAsync(HttpContext context, CurrentUser user, TwoFactorPolicy policy)
    {
        if (user.IsAuthenticated && !user.TwoFactorEnabled && !Exempt(context.Request.Path)
            && await policy.RequiredForAsync(user.Role, context.RequestServices.GetRequiredService<AppDbContext>(), context.RequestAborted))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cần bật xác thực hai bước",
                    detail: "Quản trị viên yêu cầu tài khoản của đồng chí đăng nhập hai bước. Hãy đăng nhập trang web và bật xác thực hai bước tại mục Bảo mật đăng nhập.",
                    extensions: new Dictionary<string, object?> { ["code"] = "two_factor_required" }).ExecuteAsync(context);
                return;
            }

            context.Response.Redirect(SetUpPage + "?required=true");
            return;
        }

        await next(context);
    }

    private static bool Exempt(PathString path) =>
        path.StartsWithSegments(SetUpPage) || path.StartsWithSegments("/Account/Logout") || path.StartsWithSegments("/Account/Login")
        || path.StartsWithSegments("/api/v1/auth") || path.StartsWithSegments("/health") || path.StartsWithSegments("/lib")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/Error");
}
