using Ganss.Xss;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>User-written rich text keeps formatting only: paragraphs, emphasis, lists, tables. No scripts, styles, links or images.</summary>
public static class HtmlCleaner
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Clean(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "h3", "h4", "blockquote" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedSchemes.Clear();
        return sanitizer;
    }
}
