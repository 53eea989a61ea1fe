using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// TempData in its cookie, as ASP.NET Core keeps it, except that an empty TempData is not answered by deleting a cookie
/// the browser does not have. Every page reads TempData (the layout's one-time message), so without this every page
/// would carry a <c>Set-Cookie</c> and none could be kept (<see cref="KeptResponses"/>).
/// </summary>
public sealed class QuietTempData(CookieTempDataProvider inner) : ITempDataProvider
{
    /// <summary>Whether the browser sent a TempData cookie (whole or in chunks): a one-time message may be waiting.</summary>
    public static bool SentBy(HttpRequest request) => request.Cookies.Keys.Any(k => k.StartsWith(CookieTempDataProvider.CookieName, StringComparison.Ordinal));

    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !SentBy(context.Request))
        {
            return;
        }

        inner.SaveTempData(context, values);
    }
}
