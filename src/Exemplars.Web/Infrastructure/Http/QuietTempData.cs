using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// TempData in its cookie, as ASP.NET Core keeps it, except that an empty TempData is not answered by deleting a cookie
/// the browser does not have. Every page reads TempData (the layout's one-time message), so without this every page
/// would carry a <c>Set-Cookie</c> and none could be kept (<see cref="KeptResponses"/>).
/// </summary>
public sealed class QuietTempData(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.Keys.Any(k => k.StartsWith(options.Value.Cookie.Name!, StringComparison.Ordinal)))
        {
            return;
        }

        inner.SaveTempData(context, values);
    }
}
