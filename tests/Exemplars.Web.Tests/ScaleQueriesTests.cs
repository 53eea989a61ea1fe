using System.Data.Common;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>Issue 14: lists that stay cheap at millions of rows — bounded counts, indexed name search and scope filter.</summary>
public abstract class ScaleQueriesTests(AppFactory app)
{
    protected AppFactory App => app;

    [Fact]
    public async Task A_bounded_count_stops_at_its_cap_and_says_so_yet_gives_the_exact_total_on_a_page_that_is_not_full()
    {
        var exact = await app.WithDb(db => db.People.CountAsync());
        Assert.True(exact > 160, $"{exact} people in the demo");
        const int cap = 100;

        async Task<Paged<int>> Page(int page) => await app.WithDb(db =>
            db.People.ToBoundedPageAsync(people => people.OrderBy(p => p.Id).Select(p => p.Id), new PageRequest(page, 50), cap, CancellationToken.None));

        var first = await Page(1);
        Assert.True(first.TotalIsLowerBound);
        Assert.Equal(cap + 1, first.Total);
        Assert.Equal(50, first.Items.Count);
        Assert.True(first.PageCount > first.Page, "the next page is offered");

        var third = await Page(3);
        Assert.True(third.TotalIsLowerBound);
        Assert.Equal(151, third.Total);
        Assert.Equal(await app.WithDb(db => db.People.OrderBy(p => p.Id).Skip(100).Take(50).Select(p => p.Id).ToListAsync()), third.Items);

        var last = await Page((exact + 49) / 50);
        Assert.Equal(exact % 50 == 0 ? exact + 1 : exact, last.Total);
        Assert.Equal(exact % 50 != 0, !last.TotalIsLowerBound);

        // Under the cap it is an ordinary exact count.
        var small = await app.WithDb(db => db.People.ToBoundedPageAsync(people => people.OrderBy(p => p.Id).Select(p => p.Id), new PageRequest(1, 50), exact, CancellationToken.None));
        Assert.False(small.TotalIsLowerBound);
        Assert.Equal(exact, small.Total);
    }

    [Fact]
    public async Task Name_search_takes_percent_and_underscore_literally()
    {
        Assert.Equal("%a\\%b\\_c\\\\d%", TextSearch.Contains("a%b_c\\d"));
        var admin = await app.BearerAs("admin@demo.vn");
        var all = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/people?search=%25");
        Assert.Equal(0, all.GetProperty("total").GetInt32());
        var some = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/people?search=nguyen");
        Assert.True(some.GetProperty("total").GetInt32() > 0);
        Assert.False(some.GetProperty("totalIsLowerBound").GetBoolean());
    }

    [Theory]
    [InlineData("nguyen")]
    [InlineData("Văn H")]
    [InlineData("thi")]
    [InlineData("hu")]
    [InlineData("an")]
    [InlineData("uyen")]
    [InlineData("dv0")]
    [InlineData("tran thi b")]
    [InlineData("o'neil")]
    public async Task People_are_found_from_the_start_of_a_word_the_same_on_both_databases(string search)
    {
        // ADR 015: the exact rule is " " + name contains " " + text (folded); on PostgreSQL a word query narrows it and
        // must never drop a match. Compared with the rule applied in memory to every active person.
        var folded = Domain.Common.VietnameseText.Fold(search);
        var expected = await app.WithDb(async db => (await db.People.Where(p => p.IsActive).Select(p => new { p.Id, p.SearchName }).ToListAsync())
            .Where(p => (" " + p.SearchName).Contains(" " + folded, StringComparison.Ordinal)).Select(p => p.Id).Order().ToList());
        var admin = await app.BearerAs("admin@demo.vn");
        var found = new List<int>();
        for (var page = 1; ; page++)
        {
            var json = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/people?search={Uri.EscapeDataString(search)}&page={page}&pageSize=200");
            var ids = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
            found.AddRange(ids);
            if (ids.Count < 200)
            {
                break;
            }
        }

        Assert.Equal(expected, found.Order().ToList());
        if (search is "nguyen" or "hu" or "dv0" or "Văn H")
        {
            Assert.NotEmpty(expected);
        }

        if (search == "uyen")
        {
            // Inside a word ("Nguyễn") is not a word start; "Uyên" is.
            var names = await app.WithDb(db => db.People.Where(p => expected.Contains(p.Id)).Select(p => p.SearchName).ToListAsync());
            Assert.All(names, n => Assert.Contains(" uyen", " " + n, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_home_pages_organisation_count_is_kept_until_an_organisation_changes_and_the_home_page_counts_no_dossiers()
    {
        var counts = app.Services.GetRequiredService<Features.Organizations.ActiveOrganizationCounts>();
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        async Task<int> Shown()
        {
            var html = await secretariat.GetStringAsync("/");
            var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"org-count\">([0-9.]+)<");
            Assert.True(match.Success, "the home page shows the count");
            return int.Parse(match.Groups[1].Value.Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        }

        var first = await Shown();
        var computed = counts.Computed;
        Assert.Equal(first, await Shown());
        Assert.Equal(first, await Shown());
        Assert.Equal(computed, counts.Computed);

        var unit = await app.WithDb(db => db.Organizations.Where(o => o.IsActive && o.Kind == Domain.Organizations.OrganizationKind.Grassroots && o.Path.StartsWith("/1/")).OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync());
        async Task SetActive(bool active) => await app.WithDb(async db =>
        {
            var o = await db.Organizations.SingleAsync(x => x.Id == unit);
            db.Entry(o).Property(x => x.IsActive).CurrentValue = active;
            return await db.SaveChangesAsync();
        });
        await SetActive(false);
        try
        {
            Assert.Equal(first - 1, await Shown());
            Assert.Equal(computed + 1, counts.Computed);
        }
        finally
        {
            await SetActive(true);
        }

        Assert.Equal(first, await Shown());

        // The dossiers on the home page are read without a count (ListNominations.Query.Counted = false).
        var page = await app.WithScope(async services =>
        {
            var user = services.GetRequiredService<CurrentUser>();
            var account = await services.GetRequiredService<Exemplars.Web.Infrastructure.Data.AppDbContext>().Users.Include(u => u.Organization).SingleAsync(u => u.Email == "admin@demo.vn");
            user.Set(account.Id, account.Email!, account.FullName, account.Role, account.Organization!);
            return await services.GetRequiredService<Features.Nominations.ListNominations.Handler>().Handle(new Features.Nominations.ListNominations.Query(PageSize: 5, Counted: false), CancellationToken.None);
        });
        Assert.Equal(5, page.Items.Count);
        Assert.True(page.TotalIsLowerBound);
    }

    [Fact]
    public void A_plain_search_becomes_two_like_patterns_with_its_own_wildcards_taken_literally()
    {
        Assert.Equal(new WordStart("van hu%", "% van hu%"), TextSearch.FromWordStart("van hu"));
        Assert.Equal(new WordStart(@"a\\b\%%", @"% a\\b\%%"), TextSearch.FromWordStart(@"a\b%"));
    }

    [Theory]
    [InlineData("nguyen")]
    [InlineData("hu")]
    [InlineData("thi")]
    [InlineData("van h")]
    public async Task A_search_lists_by_the_name_from_the_first_matching_word_then_id_the_same_on_both_databases(string search)
    {
        // ADR 017: the order PostgreSQL reads from the name keys' index, and SQLite works out from the column.
        var expected = await app.WithDb(async db => (await db.People.Where(p => p.IsActive).Select(p => new { p.Id, p.SearchName }).ToListAsync())
            .Select(p => new { p.Id, At = (" " + p.SearchName).IndexOf(" " + search, StringComparison.Ordinal), p.SearchName })
            .Where(p => p.At >= 0)
            .Select(p => new { p.Id, Key = p.SearchName[p.At..] })
            .ToList());
        var ordered = expected.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id).Take(30).ToList();
        Assert.NotEmpty(ordered);
        var admin = await app.BearerAs("admin@demo.vn");
        var json = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/people?search={Uri.EscapeDataString(search)}&pageSize=30");
        var found = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ordered, found);
    }
}

[Collection(SqliteApp.Name)]
public sealed class ScaleQueriesTests_Sqlite(SqliteAppFactory app) : ScaleQueriesTests(app);

[Collection(PostgresApp.Name)]
public sealed class ScaleQueriesTests_Postgres(PostgresAppFactory app) : ScaleQueriesTests(app)
{
    /// <summary>EXPLAIN with sequential scans priced out: the plan uses an index if one can serve the query at all.</summary>
    private async Task<string> Plan(string sql) => await App.WithDb(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await Execute(connection, transaction, "SET LOCAL enable_seqscan = off");
            await using var explain = connection.CreateCommand();
            explain.Transaction = transaction;
            explain.CommandText = "EXPLAIN " + sql;
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        }
        finally
        {
            await connection.CloseAsync();
        }
    });

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Name_search_and_the_scope_filter_are_served_by_indexes()
    {
        // The app's translation of the search is a LIKE over the folded column (what the trigram index serves) …
        var translated = await App.WithDb(db => Task.FromResult(db.People.Where(p => EF.Functions.Like(p.SearchName, TextSearch.Contains("nguyen van"), TextSearch.Escape)).ToQueryString()));
        Assert.Contains("LIKE", translated, StringComparison.Ordinal);
        Assert.DoesNotContain("strpos", translated, StringComparison.Ordinal);

        // … and that LIKE, and the scope prefix, each find their index.
        var search = await Plan("""SELECT "Id" FROM organizations WHERE "SearchName" LIKE '%tai chinh%' ESCAPE '\'""");
        Assert.Contains("IX_organizations_SearchName_trgm", search, StringComparison.Ordinal);

        // People: a word-start search reads one range of the name keys' index (ADR 017), in the app's own SQL.
        var people = await App.WithDb(db => Task.FromResult(db.Set<Exemplars.Web.Infrastructure.Data.PersonNameKey>()
            .Where(k => EF.Functions.Like(k.Key, "nguyen van h%", "\\")).Select(k => k.PersonId).ToQueryString()));
        Assert.Contains("IX_person_name_keys_Key_PersonId", await Plan(people), StringComparison.Ordinal);
        Assert.DoesNotContain("IX_people_SearchName_trgm", await Plan("""SELECT "Id" FROM people WHERE "SearchName" LIKE '%nguyen van%' ESCAPE '\'"""), StringComparison.Ordinal);
        var scope = await Plan("""SELECT "Id" FROM organizations WHERE "Path" LIKE '/1/2/9/%'""");
        Assert.Contains("IX_organizations_Path_pattern", scope, StringComparison.Ordinal);

        // The scope filter the app writes for a grassroots clerk, as SQL, takes the same index.
        var clerkScope = await App.WithDb(async db =>
        {
            var user = new CurrentUser();
            var account = await db.Users.Include(u => u.Organization).SingleAsync(u => u.Email == "coso1@demo.vn");
            user.Set(account.Id, account.Email!, account.FullName, account.Role, account.Organization!);
            return Features.Organizations.OrganizationScope.InScopeOf(db.Organizations, user).Select(o => o.Id).ToQueryString();
        });
        Assert.Contains("LIKE", clerkScope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_name_keys_follow_every_write_to_a_persons_name_whichever_way_it_arrives()
    {
        // ADR 017: PostgreSQL keeps the keys by trigger, so EF, a bulk COPY and raw SQL all keep them right.
        async Task<List<string>> Keys(int id) => await App.WithDb(db => db.Set<Exemplars.Web.Infrastructure.Data.PersonNameKey>()
            .Where(k => k.PersonId == id).OrderBy(k => k.Position).Select(k => k.Key).ToListAsync());
        var id = await App.WithDb(async db =>
        {
            var unit = await db.Organizations.Where(o => o.Kind == Domain.Organizations.OrganizationKind.Grassroots).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var person = new Domain.People.Person { Code = "KEY001", FullName = "Lê Thị Hồng", SearchName = "le thi hong key001", OrganizationId = unit };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        Assert.Equal(["le thi hong key001", "thi hong key001", "hong key001", "key001"], await Keys(id));

        await App.WithDb(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == id);
            person.SearchName = "le hong key001";
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["le hong key001", "hong key001", "key001"], await Keys(id));

        await App.WithDb(db => db.Database.ExecuteSqlRawAsync("""UPDATE people SET "SearchName" = 'pham hong key001' WHERE "Id" = {0}""", id));
        Assert.Equal(["pham hong key001", "hong key001", "key001"], await Keys(id));
        var admin = await App.BearerAs("admin@demo.vn");
        var found = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/people?search=pham%20hong%20key");
        Assert.Equal([id], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));

        await App.WithDb(db => db.People.Where(p => p.Id == id).ExecuteDeleteAsync());
        Assert.Empty(await Keys(id));
    }

    [Fact]
    public async Task The_nominations_lists_default_order_is_read_from_its_index_without_sorting()
    {
        var plan = await Plan("""
            SELECT n."Id" FROM nominations AS n
            INNER JOIN rounds AS r ON r."Id" = n."RoundId"
            INNER JOIN organizations AS o ON o."Id" = n."OrganizationId"
            WHERE n."Status" <> 'Draft'
            ORDER BY n."RoundYear" DESC, n."UnitCode", n."NomineeName", n."Id" LIMIT 20
            """);
        Assert.Contains(Exemplars.Web.Infrastructure.Data.NominationListOrder.IndexName, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }
}
