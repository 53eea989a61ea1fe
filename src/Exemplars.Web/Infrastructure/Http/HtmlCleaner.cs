using Ganss.Xss;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>User-written rich text keeps formatting only: paragraphs, emphasis, lists, tables. No scripts, styles, links or images.</summary>
public static class HtmlCleaner
{
    /// <summary>The tags the stored rich text may hold; the DOCX renderer handles exactly these.</summary>
    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "h3", "h4", "blockquote",
    };

    /// <summary>Elements dropped with everything inside them (other disallowed elements give up only their tags).</summary>
    private static readonly HashSet<string> DroppedWhole = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "title", "head", "noscript", "iframe", "object", "embed", "svg", "math", "xml", "textarea", "select", "button",
    };

    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>
    /// Cleans what the editor (or an API client) sent. Text without any markup is what the plain textarea sends when the
    /// browser runs no script: its blank lines become paragraphs and its single line breaks stay line breaks.
    /// </summary>
    public static string Clean(string html) => Sanitizer.Sanitize(LooksLikeHtml(html) ? html : FromPlainText(html)).Trim();

    private static bool LooksLikeHtml(string text) => System.Text.RegularExpressions.Regex.IsMatch(text, "<(/?[a-zA-Z][a-zA-Z0-9]*)[\\s>/]");

    private static string FromPlainText(string text)
    {
        var paragraphs = System.Text.RegularExpressions.Regex.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), "\n\\s*\n")
            .Where(p => p.Trim().Length > 0)
            .Select(p => "<p>" + string.Join("<br>", p.Trim().Split('\n').Select(l => System.Net.WebUtility.HtmlEncode(l.TrimEnd()))) + "</p>");
        return string.Concat(paragraphs);
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in AllowedTags)
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.KeepChildNodes = true;
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DroppedWhole.Contains(e.Tag.LocalName))
            {
                e.Tag.TextContent = string.Empty;
            }
        };
        return sanitizer;
    }
}
