using Exemplars.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Common;

/// <summary>
/// Optimistic concurrency for every write: the caller sends the version it read (a form field, a body field or an
/// <c>If-Match</c> header); a missing version is refused (428), a stale one is a conflict (409).
/// </summary>
public static class Versions
{
    public const string RequiredCode = "version_required";

    public const string StaleCode = "concurrent_edit";

    public static DomainError Required { get; } = new(
        ErrorKind.Validation,
        RequiredCode,
        "Thiếu phiên bản của dữ liệu đang sửa (trường “version” hoặc tiêu đề If-Match). Hãy tải lại trang rồi thực hiện lại.");

    /// <summary>Null when <paramref name="sent"/> is the current version; otherwise the refusal to return.</summary>
    public static DomainError? Check(Guid? sent, Guid current, string staleMessage = "Dữ liệu vừa được người khác thay đổi. Hãy tải lại trang rồi thực hiện lại.") =>
        sent is not { } version || version == Guid.Empty ? Required
        : version != current ? DomainError.Conflict(StaleCode, staleMessage)
        : null;

    /// <summary>
    /// Saves an edit made after <see cref="Check"/> passed and the entity was given a new version; an edit saved by
    /// someone else between the reading and the saving fails the concurrency token and is the same conflict. Null when saved.
    /// </summary>
    public static async Task<DomainError?> SaveAsync(DbContext db, string staleMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict(StaleCode, staleMessage);
        }
    }

    /// <summary>The version read, as the response's ETag: a client sends it back in If-Match with its change.</summary>
    public static void SetETag(HttpContext http, Guid version) => http.Response.Headers.ETag = $"\"{version}\"";

    /// <summary>The version in the body when there is one, else the <c>If-Match</c> header (<c>"guid"</c> or <c>W/"guid"</c>).</summary>
    public static Guid? Pick(Guid? fromBody, HttpContext http) => fromBody is { } v && v != Guid.Empty ? v : FromIfMatch(http);

    public static Guid? FromIfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.StartsWith("W/", StringComparison.Ordinal))
        {
            header = header[2..];
        }

        return Guid.TryParse(header.Trim('"'), out var version) ? version : null;
    }
}
