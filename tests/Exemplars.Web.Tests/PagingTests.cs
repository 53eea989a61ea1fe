using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;
using Exemplars.Domain.Common;
using Exemplars.Web.Pages.Paging;

namespace Exemplars.Web.Tests;

/// <summary>Every list page pages through one component: page 2 shows other rows, filters survive, a bad page number gives page 1 without a banner.</summary>
public abstract partial class PagingTests(AppFactory app)
{
    /// <summary>Every paged page of the site, as the account that sees the most of it.</summary>
    private static readonly string[] PagedPages =
    [
        "/Organizations", "/People", "/Admin/Audit", "/Admin/Users", "/Nominations", "/Notifications", "/Discovery",
        "/Replication", "/Showcase", "/Decisions", "/Ballots", "/Reports", "/Review/Comments",
        "/Review/Tracker?round=2021-2025", "/Eligibility/Suggestions?round=2021-2025", "{tracker}",
    ];

    /// <summary>Lists the demo data fills beyond one page (the others are checked whenever they have a second page).</summary>
    private static readonly string[] LongLists = ["/Organizations", "/People", "/Admin/Audit"];

    [Fact]
    public async Task Page_two_of_every_list_shows_other_rows_than_page_one()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var period = await app.WithDb(db => db.ReportingPeriods.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var paged = new List<string>();
        foreach (var template in PagedPages)
        {
            var url = template.Replace("{tracker}", $"/Reports/Tracker?periodId={period}", StringComparison.Ordinal);
            var first = await Rows(admin, url);
            Assert.True(first.Rows.Count > 0 || first.PageCount == 1, $"{url}: no rows");
            if (first.PageCount < 2)
            {
                Assert.DoesNotContain(template, LongLists);
                continue;
            }

            paged.Add(url);
            var second = await Rows(admin, With(url, "page=2"));
            Assert.Equal(2, second.Page);
            Assert.NotEmpty(second.Rows);
            Assert.Empty(first.Rows.Intersect(second.Rows));
        }

        Assert.Superset(LongLists.ToHashSet(), paged.ToHashSet());
    }

    [Fact]
    public async Task A_bad_page_number_gives_page_one_and_no_banner()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        foreach (var url in new[] { "/Organizations", "/People", "/Discovery", "/Admin/Audit", "/Nominations", "/Replication" })
        {
            var plain = await Rows(admin, url);
            foreach (var bad in new[] { "page=abc", "page=-3", "page=0", "page=99999999999", "page=2.5" })
            {
                var result = await Rows(admin, With(url, bad));
                Assert.Equal(1, result.Page);
                Assert.Equal(plain.Rows, result.Rows);
            }
        }
    }

    [Fact]
    public async Task Filters_survive_a_page_change()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var html = await admin.GetStringAsync("/Organizations?includeInactive=true&page=1");
        var document = Forms.Parse(html);
        var next = document.QuerySelectorAll("nav[aria-label='Phân trang'] a.page-link").Select(a => a.GetAttribute("href")).First(h => h!.Contains("page=2", StringComparison.Ordinal));
        Assert.Contains("includeInactive=true", next, StringComparison.Ordinal);
        Assert.Equal(1, PageQuery.Parse("x"));
        Assert.Equal(PageQuery.MaxPage, PageQuery.Parse("2147483647"));
    }

    [Fact]
    public async Task Lists_sort_by_a_column_both_ways_and_keep_their_filters()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        foreach (var (url, column) in new[] { ("/Organizations?includeInactive=true", 2), ("/People?partyMember=true", 2) })
        {
            var ascending = await Column(admin, With(url, "sort=ten"), column);
            var descending = await Column(admin, With(url, "sort=ten&desc=true"), column);
            // Both databases order the folded names; their collations may differ on spaces, never on the first letters.
            Assert.True(string.CompareOrdinal(VietnameseText.Fold(ascending[0])[..1], VietnameseText.Fold(ascending[^1])[..1]) <= 0, url);
            Assert.True(string.CompareOrdinal(VietnameseText.Fold(descending[0])[..1], VietnameseText.Fold(descending[^1])[..1]) >= 0, url);
            Assert.NotEqual(ascending[0], descending[0]);

            var document = Forms.Parse(await admin.GetStringAsync(With(url, "sort=ten")));
            var header = document.QuerySelectorAll("main th[aria-sort]").Single(th => th.GetAttribute("aria-sort") == "ascending");
            var reverse = header.QuerySelector("a")!.GetAttribute("href")!;
            Assert.Contains("desc=true", reverse, StringComparison.Ordinal);
            Assert.Contains(url.Split('?')[1], reverse, StringComparison.Ordinal);
            var next = document.QuerySelectorAll("nav[aria-label='Phân trang'] a.page-link").Select(a => a.GetAttribute("href")!).First(h => h.Contains("page=2", StringComparison.Ordinal));
            Assert.Contains("sort=ten", next, StringComparison.Ordinal);
        }
    }

    private static async Task<List<string>> Column(HttpClient client, string url, int column)
    {
        var document = Forms.Parse(await client.GetStringAsync(url));
        return document.QuerySelectorAll($"main tbody tr td:nth-child({column})").Select(td => td.TextContent.Replace(" (lãnh đạo)", string.Empty, StringComparison.Ordinal).Trim()).ToList();
    }

    private static string With(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static async Task<(int Page, int PageCount, List<string> Rows)> Rows(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {(int)response.StatusCode}");
        Assert.DoesNotContain("không hợp lệ", html, StringComparison.Ordinal);
        var document = Forms.Parse(html);
        var summary = PageOf().Match(document.QuerySelector("main")!.TextContent);
        Assert.True(summary.Success, $"{url}: no pager summary");
        var rows = document.QuerySelectorAll("main tbody tr, main .card, main li.list-group-item")
            .Select(e => Regex.Replace(e.TextContent, @"\s+", " ").Trim())
            .ToList();
        return (int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), rows);
    }

    [GeneratedRegex(@"Trang (\d+)/(\d+)")]
    private static partial Regex PageOf();
}

[Collection(SqliteApp.Name)]
public sealed class PagingTests_Sqlite(SqliteAppFactory app) : PagingTests(app);

[Collection(PostgresApp.Name)]
public sealed class PagingTests_Postgres(PostgresAppFactory app) : PagingTests(app);
