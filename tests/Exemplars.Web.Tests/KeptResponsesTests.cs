using System.Text.RegularExpressions;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// ADR 034: whole answers of the busiest reads are kept per user until a save, a new minute or a hard reload. These
/// tests attack what the ADR promises: a kept answer is never given to another user or another browser's forms, never
/// after a save (through the change tracker or the suggestions' own writes), never past its minute.
/// </summary>
public abstract partial class KeptResponsesTests(AppFactory app)
{
    [Fact]
    public Task A_second_read_is_kept_and_a_save_ends_it() => Pinned(async () =>
    {
        using var api = await app.BearerAs("tgdv@demo.vn");
        var id = await app.WithDb(db => db.People.Where(p => p.IsActive && p.Organization!.Path.StartsWith("/1/2/")).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var url = $"/api/v1/people/{id}?kept=save";
        var first = await api.GetStringAsync(url);
        var (again, commands) = await Counted(() => api.GetStringAsync(url));
        Assert.Equal(first, again);
        Assert.Equal(0, commands); // kept: the database was not asked

        var name = await app.WithDb(db => db.People.Where(p => p.Id == id).Select(p => p.FullName).SingleAsync());
        await Rename(id, name + " Kept");
        try
        {
            var (changed, afterSave) = await Counted(() => api.GetStringAsync(url));
            Assert.Contains(name + " Kept", changed, StringComparison.Ordinal);
            Assert.True(afterSave > 0, "a save ends what was kept");
        }
        finally
        {
            await Rename(id, name);
        }

        Assert.DoesNotContain(name + " Kept", await api.GetStringAsync(url), StringComparison.Ordinal);
    });

    [Fact]
    public Task Another_user_never_gets_what_was_kept_for_one() => Pinned(async () =>
    {
        const string url = "/api/v1/people?page=1&pageSize=200&kept=users";
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var everyone = await secretariat.GetStringAsync(url);
        Assert.Equal(everyone, await secretariat.GetStringAsync(url)); // kept for the secretariat

        using var clerk = await app.BearerAs("coso1@demo.vn");
        var own = await clerk.GetStringAsync(url);
        Assert.NotEqual(everyone, own);
        var ids = System.Text.Json.JsonDocument.Parse(own).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.NotEmpty(ids);
        var prefix = await app.WithDb(db => db.Organizations.Where(o => o.Code == "CS001").Select(o => o.Path).SingleAsync());
        var outside = await app.WithDb(db => db.People.Where(p => ids.Contains(p.Id) && !p.Organization!.Path.StartsWith(prefix)).Select(p => p.FullName).ToListAsync());
        Assert.Empty(outside); // only the clerk's own unit, not the secretariat's kept page
    });

    [Fact]
    public Task Another_browser_of_the_same_user_gets_a_page_whose_forms_it_can_send() => Pinned(async () =>
    {
        // The layout's sign-out form carries an antiforgery token bound to the browser's own cookie.
        var first = app.NewClient();
        var second = app.NewClient();
        foreach (var client in new[] { first, second })
        {
            using var login = await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "coso2@demo.vn", ["Input.Password"] = AppFactory.DemoPassword });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var kept = Token(await first.GetStringAsync("/People?kept=browsers"));
        Assert.Equal(kept, Token(await first.GetStringAsync("/People?kept=browsers")));
        var (page, commands) = await Counted(() => second.GetStringAsync("/People?kept=browsers"));
        Assert.True(commands > 0, "the other browser's page is made for it");
        var token = Token(page);
        Assert.NotEqual(kept, token);

        // An empty person form: refused by its own checks (200, nothing saved), not 400 — the token fits this browser.
        using var sent = await second.PostAsync("/People/Edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        using var forged = await second.PostAsync("/People/Edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = kept }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode); // the first browser's token would not have worked here
    });

    [Fact]
    public async Task A_kept_page_serves_its_minute_only()
    {
        // A minute before midnight in Viet Nam the home page says today; a minute later, tomorrow — not the kept page.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var beforeMidnight = new DateTimeOffset(today.ToDateTime(new TimeOnly(16, 59, 10)), TimeSpan.Zero); // 23:59:10 in Viet Nam
        app.Clock.SetUtcNow(beforeMidnight);
        try
        {
            var client = app.NewClient(); // signed in on the pinned clock, so that its cookie is fresh then
            using (var login = await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "coso1@demo.vn", ["Input.Password"] = AppFactory.DemoPassword }))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            var first = await client.GetStringAsync("/?kept=minute");
            Assert.Contains("Hôm nay " + today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), first, StringComparison.Ordinal);
            var (again, kept) = await Counted(() => client.GetStringAsync("/?kept=minute"));
            Assert.Equal(0, kept);
            Assert.Equal(first, again);

            app.Clock.SetUtcNow(beforeMidnight.AddMinutes(1));
            var tomorrow = await client.GetStringAsync("/?kept=minute");
            Assert.Contains("Hôm nay " + today.AddDays(1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), tomorrow, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task A_hard_reload_is_answered_afresh()
    {
        using var api = await app.BearerAs("tgdv@demo.vn");
        const string url = "/api/v1/organizations?page=1&kept=reload";
        await api.GetStringAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        var (_, commands) = await Counted(async () => (await api.SendAsync(request)).EnsureSuccessStatusCode().ToString());
        Assert.True(commands > 0);
    }

    [Fact]
    public async Task Hard_reloads_at_the_same_moment_each_do_the_whole_work()
    {
        // Requests for one key may wait for the answer another is making and share it; a hard reload must not.
        using var api = await app.BearerAs("tgdv@demo.vn");
        var id = await app.WithDb(db => db.People.Where(p => p.IsActive && p.Organization!.Path.StartsWith("/1/2/")).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        var url = $"/api/v1/people/{id}?kept=together";
        await api.GetAfreshAsync(url);
        var (_, one) = await Counted(() => api.GetAfreshAsync(url));
        Assert.True(one > 0);
        const int together = 16;
        var (_, all) = await Counted(() => Task.WhenAll(Enumerable.Range(0, together).Select(_ => api.GetAfreshAsync(url))));
        Assert.Equal(together * one, all);
    }

    [Fact]
    public Task The_suggestions_rebuilt_outside_the_change_tracker_end_the_kept_page() => Pinned(async () =>
    {
        var client = await app.SignedInAs("tgdv@demo.vn");
        await client.GetStringAsync("/Eligibility/Suggestions?kept=refresh"); // may bring the rows up to date itself, and then is not kept
        await client.GetStringAsync("/Eligibility/Suggestions?kept=refresh");
        var (_, kept) = await Counted(() => client.GetStringAsync("/Eligibility/Suggestions?kept=refresh"));
        Assert.Equal(0, kept);

        // A rating imported in bulk leaves a mark written without the change tracker (as ImportRatings does); the refresh
        // then rewrites the person's rows the same way. Only the refresh's own clearing can end the kept page.
        var personId = await app.WithDb(db => db.People.Where(p => p.IsActive && p.IsPartyMember).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await app.WithDb(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Exemplars.Web.Infrastructure.Data.BulkInsert.RunAsync(db, "suggestion_marks", MarkColumns, [new Exemplars.Web.Features.Eligibility.SuggestionMark { Kind = Exemplars.Web.Features.Eligibility.SuggestionMarkKind.Person, SubjectId = personId, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime }], CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });
        var responses = app.Services.GetRequiredService<KeptResponses>();
        var generation = responses.Generation;
        Assert.True(await app.WithScope(sp => sp.GetRequiredService<Exemplars.Web.Features.Eligibility.RefreshSuggestions.Handler>().RunAsync(TimeSpan.FromSeconds(30), CancellationToken.None)));
        Assert.True(responses.Generation > generation);
        var (_, afterRefresh) = await Counted(() => client.GetStringAsync("/Eligibility/Suggestions?kept=refresh"));
        Assert.True(afterRefresh > 0);
    });

    private static readonly Exemplars.Web.Infrastructure.Data.BulkInsert.Column<Exemplars.Web.Features.Eligibility.SuggestionMark>[] MarkColumns =
    [
        new("Kind", NpgsqlTypes.NpgsqlDbType.Integer, m => (int)m.Kind),
        new("SubjectId", NpgsqlTypes.NpgsqlDbType.Integer, m => m.SubjectId),
        new("CreatedAtUtc", NpgsqlTypes.NpgsqlDbType.TimestampTz, m => m.CreatedAtUtc),
    ];

    private Task<int> Rename(int id, string name) => app.WithDb(async db =>
    {
        var person = await db.People.SingleAsync(p => p.Id == id);
        db.Entry(person).Property(p => p.FullName).CurrentValue = name;
        return await db.SaveChangesAsync();
    });

    /// <summary>Holds the app's clock still for a test that counts on a kept answer (a real minute could end between two requests).</summary>
    private async Task Pinned(Func<Task> test)
    {
        app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        try
        {
            await test();
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    private async Task<(T Result, int Commands)> Counted<T>(Func<Task<T>> request)
    {
        var commands = app.Services.GetRequiredService<CommandCounter>();
        var before = commands.Count;
        var result = await request();
        return (result, commands.Count - before);
    }

    private static string Token(string html) => AntiforgeryToken().Match(html).Groups[1].Value is { Length: > 0 } token
        ? token
        : throw new InvalidOperationException("no antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

[Collection(SqliteApp.Name)]
public sealed class KeptResponsesTests_Sqlite(SqliteAppFactory app) : KeptResponsesTests(app);

[Collection(PostgresApp.Name)]
public sealed class KeptResponsesTests_Postgres(PostgresAppFactory app) : KeptResponsesTests(app);
