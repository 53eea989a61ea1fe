using Microsoft.AspNetCore.Diagnostics;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// Kestrel refuses a body past the endpoint's size limit (and a few other malformed requests) by throwing
/// <see cref="BadHttpRequestException"/> while the body is read; left alone it became a 500. An API caller gets the
/// exception's own status (413, 400, 408…) as Vietnamese problem details; pages get it from the error page.
/// </summary>
public sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api") || httpContext.Response.HasStarted)
        {
            return false;
        }

        await Results.Problem(statusCode: bad.StatusCode, title: StatusMessages.Title(bad.StatusCode), detail: StatusMessages.Detail(bad.StatusCode)).ExecuteAsync(httpContext);
        return true;
    }
}
