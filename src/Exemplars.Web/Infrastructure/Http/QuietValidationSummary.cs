using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// With no errors, ASP.NET Core's validation summary still renders an empty list item with an inline
/// <c>style="display:none"</c>, which the content security policy (no inline styles) blocks: the page would show an
/// empty red alert and the browser would report a violation. This runs after the built-in tag helper and drops the
/// element when there is nothing to say.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class QuietValidationSummary : TagHelper
{
    public override int Order => int.MaxValue;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ViewContext is { ModelState.ErrorCount: 0 })
        {
            output.SuppressOutput();
        }
    }
}
