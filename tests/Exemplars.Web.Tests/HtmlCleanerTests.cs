using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Tests;

/// <summary>Rich text is cleaned by HtmlSanitizer down to the tags the report and the stories may hold.</summary>
public sealed class HtmlCleanerTests
{
    [Theory]
    [InlineData("<p>a</p><script>alert(1)</script>", "<p>a</p>")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=\"x()\">a</p>", "<p>a</p>")]
    [InlineData("<p style=\"color:red;background:url(javascript:alert(1))\">a</p>", "<p>a</p>")]
    [InlineData("<p><a href=\"javascript:alert(1)\">liên kết</a></p>", "<p>liên kết</p>")]
    [InlineData("<p><img src=x onerror=alert(2)>b</p>", "<p>b</p>")]
    [InlineData("<style>p{color:red}</style><p>c</p>", "<p>c</p>")]
    [InlineData("<iframe src=\"https://example.com\"></iframe><p>d</p>", "<p>d</p>")]
    [InlineData("<p class=\"MsoNormal\" data-x=\"1\"><span lang=\"VI\">Đoạn</span></p>", "<p>Đoạn</p>")]
    [InlineData("<div><p>giữ chữ trong thẻ không được phép</p></div>", "<p>giữ chữ trong thẻ không được phép</p>")]
    [InlineData("<svg><script>alert(1)</script></svg><p>e</p>", "<p>e</p>")]
    public void Scripts_event_handlers_javascript_urls_and_styles_are_removed(string input, string expected) =>
        Assert.Equal(expected, HtmlCleaner.Clean(input));

    [Fact]
    public void Paragraphs_emphasis_lists_tables_headings_and_quotes_are_kept()
    {
        const string html = "<h3>Mục</h3><h4>Tiểu mục</h4><p>Một <strong>đậm</strong> <b>b</b> <em>nghiêng</em> <i>i</i> <u>gạch</u><br>dòng</p>"
            + "<ul><li>một</li></ul><ol><li>hai</li></ol><blockquote>trích</blockquote>"
            + "<table><thead><tr><th>Năm</th></tr></thead><tbody><tr><td>2024</td></tr></tbody></table>";
        Assert.Equal(html, HtmlCleaner.Clean(html));
    }

    [Fact]
    public void Only_allowed_tags_remain_after_cleaning_word_html()
    {
        const string word = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><style>.MsoNormal{margin:0}</style></head><body>"
            + "<p class=MsoNormal style='margin-bottom:0cm'><b><span style='font-size:14pt'>Thành tích</span></b><o:p></o:p></p>"
            + "<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=100 valign=top style='border:solid'><p class=MsoNormal>2024</p></td></tr></table>"
            + "<font face=Arial>chữ</font></body></html>";
        var cleaned = HtmlCleaner.Clean(word);
        var tags = System.Text.RegularExpressions.Regex.Matches(cleaned, "</?([a-z0-9]+)").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(HtmlCleaner.AllowedTags.ToHashSet(), tags);
        Assert.DoesNotContain("style", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("Mso", cleaned, StringComparison.Ordinal);
        Assert.Contains("<b>Thành tích</b>", cleaned, StringComparison.Ordinal);
        Assert.Contains("<td><p>2024</p></td>", cleaned, StringComparison.Ordinal);
        Assert.Contains("chữ", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_from_the_textarea_keeps_its_paragraphs_and_line_breaks()
    {
        Assert.Equal("<p>Đoạn một<br>dòng hai</p><p>Đoạn a &lt; b &amp; hết</p>", HtmlCleaner.Clean("Đoạn một\r\ndòng hai\r\n\r\nĐoạn a < b & hết\n"));
    }
}
