using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// Dates on the pages are typed and shown as ngày/tháng/năm (dd/MM/yyyy) whatever the browser's language (ADR 035): a
/// browser's own date field shows the order of its language (mm/dd/yyyy in an English browser), so every
/// <c>&lt;input type="date"&gt;</c> of the pages is rendered as a text field by <see cref="DateFieldTagHelper"/>, read back by
/// <see cref="DateFieldBinderProvider"/>, and a date that cannot be read stops the request by <see cref="UnreadableDatesFilter"/>
/// before anything is saved.
/// </summary>
public static class DateFields
{
    /// <summary>Read first: day/month/year (one or two digits for day and month); then ISO 8601, as links, scripts and older forms send.</summary>
    private static readonly string[] Formats = ["d/M/yyyy", "yyyy-MM-dd"];

    private const string UnreadableKey = "Exemplars.UnreadableDates";

    /// <summary>The shown form of a date: 05/12/2026.</summary>
    public static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static bool TryRead(string? text, out DateOnly date)
    {
        date = default;
        var value = text?.Trim();
        return !string.IsNullOrEmpty(value)
            && DateOnly.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date.Year is >= 1900 and <= 2200;
    }

    /// <summary>What is wrong with a date that could not be read (or was left empty where one is needed).</summary>
    public static string Problem(string value) => string.IsNullOrWhiteSpace(value)
        ? "Chưa nhập ngày (dạng ngày/tháng/năm, ví dụ 05/12/2026)."
        : $"Ngày \"{value}\" không đọc được: hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/12/2026.";

    /// <summary>What the person is told: the problem, and that a form saved nothing or a list's filter was dropped.</summary>
    public static string Refusal(string value, bool saving) =>
        Problem(value) + (saving ? " Chưa có gì được lưu; hãy nhập lại." : " Điều kiện lọc theo ngày này đã được bỏ.");

    internal static void NoteUnreadable(HttpContext context, string field, string value)
    {
        if (context.Items[UnreadableKey] is not List<(string Field, string Value)> list)
        {
            context.Items[UnreadableKey] = list = [];
        }

        list.Add((field, value));
    }

    internal static IReadOnlyList<(string Field, string Value)> Unreadable(HttpContext context) =>
        context.Items[UnreadableKey] as List<(string Field, string Value)> ?? [];
}

/// <summary>Binds <see cref="DateOnly"/> and <see cref="Nullable{DateOnly}"/> of the pages from dd/MM/yyyy (or ISO) text.</summary>
public sealed class DateFieldBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Metadata.ModelType;
        return type == typeof(DateOnly) ? new DateFieldBinder(nullable: false) : type == typeof(DateOnly?) ? new DateFieldBinder(nullable: true) : null;
    }

    private sealed class DateFieldBinder(bool nullable) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            ArgumentNullException.ThrowIfNull(bindingContext);
            var found = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (found == ValueProviderResult.None)
            {
                return Task.CompletedTask; // not sent: the default, as for any other type
            }

            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, found);
            var text = found.FirstValue?.Trim();
            if (string.IsNullOrEmpty(text) && nullable)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }

            if (DateFields.TryRead(text, out var date))
            {
                bindingContext.Result = ModelBindingResult.Success(date);
                return Task.CompletedTask;
            }

            var shown = text ?? string.Empty;
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, DateFields.Problem(shown));
            DateFields.NoteUnreadable(bindingContext.HttpContext, bindingContext.ModelName, shown);
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// A page request with a date that could not be read does not reach its handler: a form is sent back to its page with
/// the reason (nothing saved); a list's date filter is dropped from the address with the reason. Without this a
/// required date left unreadable would reach the handler as 01/01/0001.
/// </summary>
public sealed class UnreadableDatesFilter(ITempDataDictionaryFactory tempData) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var unreadable = DateFields.Unreadable(context.HttpContext);
        if (unreadable.Count == 0)
        {
            await next();
            return;
        }

        var request = context.HttpContext.Request;
        var saving = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        tempData.GetTempData(context.HttpContext)["Error"] = DateFields.Refusal(unreadable[0].Value, saving);

        // Back to the page by GET: without the form's handler, and without the unreadable filters of a list.
        var dropped = new HashSet<string>(unreadable.Select(u => u.Field), StringComparer.OrdinalIgnoreCase) { "handler" };
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !dropped.Contains(q.Key))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        context.Result = new LocalRedirectResult(QueryHelpers.AddQueryString(request.PathBase + request.Path, query));
    }
}

/// <summary>
/// Every <c>&lt;input type="date"&gt;</c> of the pages becomes a text field that shows and takes dd/MM/yyyy: its value
/// (ISO from the framework or the page) is shown as 05/12/2026, the keyboard offers digits, and the browser refuses a
/// text of another shape before sending, with the reason in Vietnamese.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class DateFieldTagHelper : TagHelper
{
    /// <summary>After the framework's input tag helper, which writes the value of <c>asp-for</c>.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("type", "text");
        if (output.Attributes.TryGetAttribute("value", out var value) && DateFields.TryRead(value.Value?.ToString(), out var date))
        {
            output.Attributes.SetAttribute("value", DateFields.Show(date));
        }

        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("placeholder", "ngày/tháng/năm");
        output.Attributes.SetAttribute("pattern", @"\s*(0?[1-9]|[12][0-9]|3[01])/(0?[1-9]|1[0-2])/[0-9]{4}\s*");
        output.Attributes.SetAttribute("title", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/12/2026");
        output.Attributes.SetAttribute("maxlength", "12");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("data-date", "dd/MM/yyyy");
    }
}
