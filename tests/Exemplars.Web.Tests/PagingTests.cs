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
        "/Organizations", "/People", "/Audit", "/Users", "/Nominations", "/Notifications", "/Discovery",
        "/Replication", "/Showcase", "/Decisions", "/Ballots", "/Reports", "/PublicComments/Comments",
        "/Review/Tracker?round=2021-2025", "/Eligibility/Suggestions?round=2021-2025", "{tracker}",
    ];

    /// <summary>Lists the demo data fills beyond one page (the others are checked whenever they have a second page).</summary>
    private static readonly string[] LongLists = ["/Organizations", "/People", "/Audit"];

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
        foreach (var url in new[] { "/Organizations", "/People", "/Discovery", "/Audit", "/Nominations", "/Replication" })
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
            Assert.True(string.CompareOrdinal(VietnameseText.Fold(ascending[0])[..1], VietnameseText.Fold(ascending[^1])[..1]) <= 0, $"{url} ascending: {string.Join(" | ", ascending)}");
            Assert.True(string.CompareOrdinal(VietnameseText.Fold(descending[0])[..1], VietnameseText.Fold(descending[^1])[..1]) >= 0, $"{url} descending: {string.Join(" | ", descending)}");
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

    /// <summary>Every list page with sortable columns, a filter it keeps, and a column to sort by.</summary>
    private static readonly (string Url, string Key)[] SortedPages =
    [
        ("/Organizations?includeInactive=true", "ten"), ("/People?partyMember=true", "ten"), ("/Nominations?round=", "ten"),
        ("/Nominations?round=", "don-vi"), ("/Ballots", "ten"), ("/Decisions", "trich-yeu"), ("/Decisions", "ngay"),
        ("/Review/Tracker?round=2021-2025", "ten"), ("/Review/Tracker?round=2021-2025", "ma"), ("/Users?role=", "ten"), ("/Users?role=", "email"),
        ("/Audit?entityType=", "thoi-diem"), ("/Audit?entityType=", "du-lieu"),
        ("/PublicComments/Comments?status=", "ve"), ("/PublicComments/Comments?status=", "ngay"),
        ("/Eligibility/Suggestions?round=2021-2025&kind=Individual", "ten"), ("/Eligibility/Suggestions?round=2021-2025&kind=", "to-chuc"),
        ("/Nominations/Extensions?q=", "ten"), ("/Discovery?stage=", "ten"), ("/Replication", "don-vi"), ("/Replication", "han"),
        ("/Reports?year=", "ky"), ("/Reports?year=", "han"), ("{tracker}&q=", "ten"), ("{tracker}&q=", "ma"),
    ];

    /// <summary>Lists shown as cards or notices: their orders are one "Sắp xếp" choice in the filter form.</summary>
    private static readonly (string Url, string Key)[] ChosenOrders = [("/Showcase?search=", "ten"), ("/Showcase?search=", "cu"), ("/Notifications?search=", "cu")];

    [Fact]
    public async Task Every_paged_list_offers_an_order_and_its_filter_form_keeps_it()
    {
        await SeedBallotsAndDecisions();
        var admin = await app.SignedInAs("admin@demo.vn");
        var unsorted = new List<string>();
        var period = await app.WithDb(db => db.ReportingPeriods.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        foreach (var template in PagedPages)
        {
            var document = Forms.Parse(await admin.GetStringAsync(Tracker(template, period)));
            if (document.QuerySelector("main th[aria-sort] a, main select[name='sort']") is null)
            {
                unsorted.Add(template);
            }
        }

        Assert.True(unsorted.Count == 0, "Paged lists without a choice of order: " + string.Join(", ", unsorted));

        foreach (var (template, key) in SortedPages.Where(p => p.Url.Contains('?', StringComparison.Ordinal) || p.Url.Contains("{tracker}", StringComparison.Ordinal)))
        {
            var url = Tracker(template, period);
            // "Lọc" / "Tìm" submits the form holding the page's filter: the column order chosen in the headers goes with it.
            var filter = url.Split('?')[1].Split('&').Last().Split('=')[0];
            var document = Forms.Parse(await admin.GetStringAsync(With(url, $"sort={key}&desc=true")));
            var form = document.QuerySelectorAll("main form[method='get']").FirstOrDefault(f => f.QuerySelector($"[name='{filter}' i]") is not null);
            Assert.True(form is not null, $"{url}: no filter form with '{filter}'");
            Assert.Equal(key, form!.QuerySelector("input[type='hidden'][name='sort']")?.GetAttribute("value"));
            Assert.Equal("true", form.QuerySelector("input[type='hidden'][name='desc']")?.GetAttribute("value"));
        }

        foreach (var (url, key) in ChosenOrders)
        {
            var usual = await Rows(admin, url);
            var chosen = await Rows(admin, With(url, $"sort={key}"));
            Assert.True(usual.Rows.Count > 1, $"{url}: too few rows to order");
            if (usual.PageCount == 1)
            {
                Assert.Equal(usual.Rows.Order(), chosen.Rows.Order());
            }

            Assert.NotEqual(usual.Rows, chosen.Rows);
            var document = Forms.Parse(await admin.GetStringAsync(With(url, $"sort={key}")));
            Assert.Equal(key, document.QuerySelector("main select[name='sort'] option[selected]")?.GetAttribute("value"));
            if (chosen.PageCount > 1)
            {
                var next = document.QuerySelectorAll("nav[aria-label='Phân trang'] a.page-link").Select(a => a.GetAttribute("href")!).First(h => h.Contains("page=2", StringComparison.Ordinal));
                Assert.Contains($"sort={key}", next, StringComparison.Ordinal);
            }
        }
    }

    private static string Tracker(string template, int period) => template.Replace("{tracker}", $"/Reports/Tracker?periodId={period}", StringComparison.Ordinal);

    [Fact]
    public async Task Every_sortable_list_changes_order_by_a_column_and_keeps_the_sort_and_filters_on_page_two()
    {
        await SeedBallotsAndDecisions();
        var admin = await app.SignedInAs("admin@demo.vn");
        var period = await app.WithDb(db => db.ReportingPeriods.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        foreach (var (template, key) in SortedPages)
        {
            var url = Tracker(template, period);
            var ascending = await Rows(admin, With(url, $"sort={key}"));
            var descending = await Rows(admin, With(url, $"sort={key}&desc=true"));
            Assert.True(ascending.Rows.Count > 1, $"{url}: too few rows to sort");
            Assert.NotEqual(ascending.Rows, descending.Rows);

            var document = Forms.Parse(await admin.GetStringAsync(With(url, $"sort={key}")));
            var header = document.QuerySelectorAll("main th[aria-sort]").Single(th => th.GetAttribute("aria-sort") == "ascending");
            var reverse = header.QuerySelector("a")!.GetAttribute("href")!;
            Assert.Contains("desc=true", reverse, StringComparison.Ordinal);
            if (url.Contains('?', StringComparison.Ordinal))
            {
                Assert.Contains(url.Split('?')[1], reverse, StringComparison.Ordinal);
            }

            // An unknown column is ignored (the page's default order), never an error.
            var unknown = await Rows(admin, With(url, "sort=drop%20table"));
            Assert.Equal((await Rows(admin, url)).Rows, unknown.Rows);

            if (ascending.PageCount < 2)
            {
                continue;
            }

            var next = document.QuerySelectorAll("nav[aria-label='Phân trang'] a.page-link").Select(a => a.GetAttribute("href")!).First(h => h.Contains("page=2", StringComparison.Ordinal));
            Assert.Contains($"sort={key}", next, StringComparison.Ordinal);
            var second = await Rows(admin, With(url, $"sort={key}&page=2"));
            Assert.Equal(2, second.Page);
            Assert.Empty(ascending.Rows.Intersect(second.Rows));
        }
    }

    private static readonly string[] NominatedUnits = ["CS001", "CS010", "CS028"];

    private static readonly string[] BallotTitles = ["Bỏ phiếu An", "Bỏ phiếu Minh", "Bỏ phiếu Xuân"];

    private static readonly string[] DiscoveredNames = ["Lê Văn An", "Trần Minh", "Phạm Thị Xuân"];

    private static readonly string[] DecisionTitles = ["Quyết định An", "Quyết định Minh", "Quyết định Xuân"];

    /// <summary>The demo has no dossier, ballot or decision: three of each, of a round of their own, so the lists have rows to sort.</summary>
    private async Task SeedBallotsAndDecisions()
    {
        var round = await app.FreshRound("SORT");
        var issuer = "S" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDb(async db =>
        {
            var roundId = await db.Rounds.Where(r => r.Code == round).Select(r => r.Id).SingleAsync();
            var day = 0;
            foreach (var title in BallotTitles)
            {
                db.Ballots.Add(new Exemplars.Domain.Ballots.Ballot { RoundId = roundId, Title = title, OpenedBy = "admin@demo.vn", OpenedAtUtc = new DateTime(2025, 4, 1 + day++, 0, 0, 0, DateTimeKind.Utc), Status = Exemplars.Domain.Ballots.BallotStatus.Closed });
            }

            foreach (var code in NominatedUnits)
            {
                var unit = await db.Organizations.SingleAsync(o => o.Code == code);
                db.Nominations.Add(new Exemplars.Domain.Nominations.Nomination
                {
                    RoundId = roundId, OrganizationId = unit.Id, Kind = Exemplars.Domain.Eligibility.NomineeKind.Collective, CollectiveId = unit.Id,
                    NomineeKey = Exemplars.Domain.Nominations.Nomination.KeyOf(Exemplars.Domain.Eligibility.NomineeKind.Collective, unit.Id), NomineeName = unit.Name,
                    CategoryCode = "3.1.1", Status = Exemplars.Domain.Nominations.NominationStatus.Draft, CreatedAtUtc = DateTime.UtcNow,
                });
            }

            var first = await db.Organizations.SingleAsync(o => o.Code == NominatedUnits[0]);
            var minute = 0;
            foreach (var name in DiscoveredNames)
            {
                db.DiscoveredExemplars.Add(new Exemplars.Domain.Showcase.DiscoveredExemplar { OrganizationId = first.Id, Kind = Exemplars.Domain.Eligibility.NomineeKind.Individual, Name = name, Achievements = "Sáng kiến", RecordedBy = "admin@demo.vn", RecordedAtUtc = DateTime.UtcNow });
                db.Notifications.Add(new Exemplars.Domain.Nominations.Notification { OrganizationId = first.Id, Roles = Exemplars.Domain.Users.Roles.Admin, Text = "Thông báo " + name, CreatedAtUtc = DateTime.UtcNow.AddMinutes(minute++) });
            }

            var number = 1;
            foreach (var title in DecisionTitles)
            {
                db.Decisions.Add(new Exemplars.Domain.Ballots.Decision { Issuer = issuer, Year = 2025, Term = 2025, Number = number, Type = Exemplars.Domain.Documents.DocumentType.Decision, Title = title, Date = new DateOnly(2025, 5, number++), Signer = "Người ký", CreatedBy = "admin@demo.vn" });
            }

            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Round_pickers_default_to_the_open_round_not_the_last_round_of_the_newest_plan()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var rounds = await app.WithDb(db => db.Rounds.AsNoTracking().ToListAsync());
        var today = Exemplars.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);
        var open = Exemplars.Domain.Plans.RoundCalendar.Open(rounds, today)!;
        Assert.True(open.GrassrootsDeadline >= today, "the demo has a round open for sending");
        foreach (var (url, select) in new[]
        {
            ("/Dashboard", "#round"), ("/Review/Tracker", "#round"), ("/Nominations", "#round"), ("/Ballots/Selection", "#round"),
            ("/Ballots", "#open-round"), ("/Decisions", "#round"), ("/Eligibility/Suggestions", "#round"), ("/PublicComments/Periods", "#round"),
        })
        {
            var document = Forms.Parse(await admin.GetStringAsync(url));
            var picker = document.QuerySelector($"main select{select}");
            Assert.True(picker is not null, $"{url}: no round picker");
            var chosen = picker.QuerySelector("option[selected]")?.GetAttribute("value") ?? picker.QuerySelector("option")!.GetAttribute("value");
            Assert.True(open.Code == chosen, $"{url} shows round {chosen}, not the open round {open.Code}");
        }

        // "Tất cả" (an empty round) still lists every round on the dossier list.
        var all = Forms.Parse(await admin.GetStringAsync("/Nominations?round="));
        Assert.Null(all.QuerySelector("main select#round option[selected]:not([value=''])"));
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
