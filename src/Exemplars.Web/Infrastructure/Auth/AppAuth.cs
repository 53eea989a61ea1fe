namespace Exemplars.Web.Infrastructure.Auth;

public static class AppAuth
{
    /// <summary>Pages use the Identity cookie, /api uses bearer tokens only (so cookies cannot be replayed cross-site against the API).</summary>
    public const string Scheme = "exemplars";

    public const string AdminPolicy = "Admin";

    /// <summary>The paths under /api/v1/auth that are served (the rest are refused here and left out of the OpenAPI document).</summary>
    public static bool IsOpenAuthPath(string? rest) => rest is "/login" or "/refresh" or "/logout";

    /// <summary>
    /// Of the Identity API endpoints, only sign-in and token refresh are exposed (beside the app's own logout): accounts are created and
    /// managed by administrators and in the pages, never by self-registration or e-mail flows.
    /// Runs before routing so that no request body is even read.
    /// </summary>
    public static async Task OnlyLoginAndRefresh(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api/v1/auth", out var rest) && !IsOpenAuthPath(rest.Value))
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
