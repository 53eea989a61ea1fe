using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 14, goal 2: a request's time went mostly into round trips to the database, so the hot reads are held to a
/// number of SQL commands (counted by <see cref="CommandCounter"/>; the tests of one app run one at a time; no time is asserted).
/// The API clients ask as a hard reload does (<c>Cache-Control: no-cache</c>), so what is counted is the work of an
/// answer made afresh, not one kept whole (ADR 034, <see cref="KeptResponsesTests"/>).
/// </summary>
public abstract class RoundTripsTests(AppFactory app)
{
    [Fact]
    public async Task A_list_page_and_its_count_come_in_one_command()
    {
        using var api = await Afresh("tgdv@demo.vn");
        var (response, commands) = await Counted(() => api.GetAsync("/api/v1/people?page=1&pageSize=5"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<PageOf>();
        Assert.Equal(5, page!.Items.Count);
        Assert.True(page.Total > 5, $"total {page.Total}");
        Assert.Equal(1, commands);

        var (organizations, organizationCommands) = await Counted(() => api.GetAsync("/api/v1/organizations?page=1&pageSize=5"));
        Assert.Equal(HttpStatusCode.OK, organizations.StatusCode);
        var units = await organizations.Content.ReadFromJsonAsync<PageOf>();
        Assert.Equal(5, units!.Items.Count);
        Assert.True(units.Total > 5, $"total {units.Total}");
        Assert.Equal(1, organizationCommands);
    }

    [Fact]
    public async Task The_people_lists_count_is_kept_until_a_person_changes()
    {
        // A person who changes the answer empties the kept counts: the next request counts again and sees it.
        var id = await app.WithDb(db => db.People.Where(p => p.IsActive && p.IsPartyMember && p.Organization!.Path.StartsWith("/1/2/")).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await CountKeptUntilAChange(
            "/api/v1/people?page=1&pageSize=5&partyMember=false",
            app.Services.GetRequiredService<Exemplars.Web.Features.People.PeopleCounts>(),
            changed => app.WithDb(async db =>
            {
                var person = await db.People.SingleAsync(p => p.Id == id);
                db.Entry(person).Property(p => p.IsPartyMember).CurrentValue = !changed;
                return await db.SaveChangesAsync();
            }),
            difference: +1);
    }

    [Fact]
    public async Task The_organisations_lists_count_is_kept_until_an_organisation_changes()
    {
        // An organisation made inactive leaves the list: the kept count is emptied and the next request sees one fewer.
        var id = await app.WithDb(db => db.Organizations.Where(o => o.IsActive && o.Path.StartsWith("/1/2/")).OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync());
        await CountKeptUntilAChange(
            "/api/v1/organizations?page=1&pageSize=5&includeInactive=false",
            app.Services.GetRequiredService<Exemplars.Web.Features.Organizations.OrganizationListCounts>(),
            changed => app.WithDb(async db =>
            {
                var organization = await db.Organizations.SingleAsync(o => o.Id == id);
                db.Entry(organization).Property(o => o.IsActive).CurrentValue = !changed;
                return await db.SaveChangesAsync();
            }),
            difference: -1);
    }

    /// <summary>
    /// The list's count comes from <paramref name="counts"/> on a second request (one command, nothing counted), and
    /// after <paramref name="change"/> (true: make it, false: undo it) is counted again and moves by <paramref name="difference"/>.
    /// </summary>
    private async Task CountKeptUntilAChange(string url, Exemplars.Web.Features.Common.KeptCounts counts, Func<bool, Task<int>> change, int difference)
    {
        using var api = await Afresh("tgdv@demo.vn");
        var first = await api.GetFromJsonAsync<PageOf>(url);
        var computed = counts.Computed;
        var (again, commands) = await Counted(() => api.GetAsync(url));
        Assert.Equal(1, commands);
        Assert.Equal(first!.Total, (await again.Content.ReadFromJsonAsync<PageOf>())!.Total);
        Assert.Equal(computed, counts.Computed);

        await change(true);
        try
        {
            Assert.Equal(first.Total + difference, (await api.GetFromJsonAsync<PageOf>(url))!.Total);
            Assert.Equal(computed + 1, counts.Computed);
        }
        finally
        {
            await change(false);
        }

        Assert.Equal(first.Total, (await api.GetFromJsonAsync<PageOf>(url))!.Total);
    }

    [Fact]
    public async Task A_page_past_the_end_still_gives_the_total()
    {
        // The showcase counts on every request (no kept count): past the end the rows are empty and the total is counted apart.
        using var api = app.CreateClient();
        var first = await (await api.GetAsync("/api/v1/exemplars?page=1&pageSize=1")).Content.ReadFromJsonAsync<PageOf>();
        Assert.True(first!.Total > 0);
        var (response, commands) = await Counted(() => api.GetAsync("/api/v1/exemplars?page=100000&pageSize=1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var past = await response.Content.ReadFromJsonAsync<PageOf>();
        Assert.Empty(past!.Items);
        Assert.Equal(first!.Total, past.Total);
        Assert.Equal(2, commands);
    }

    [Fact]
    public async Task A_person_and_the_health_check_are_one_command_each()
    {
        using var api = await Afresh("tgdv@demo.vn");
        var id = await app.WithDb(db => db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var (person, personCommands) = await Counted(() => api.GetAsync($"/api/v1/people/{id}"));
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.Equal(1, personCommands);

        using var anonymous = app.CreateClient();
        var (health, healthCommands) = await Counted(() => anonymous.GetAsync("/health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(1, healthCommands);
    }

    private async Task<HttpClient> Afresh(string email)
    {
        var api = await app.BearerAs(email);
        api.DefaultRequestHeaders.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        return api;
    }

    private async Task<(HttpResponseMessage Response, int Commands)> Counted(Func<Task<HttpResponseMessage>> request)
    {
        // Warm: the first call may compile queries and fill the signed-in user cache.
        using (await request())
        {
        }

        var commands = app.Services.GetRequiredService<CommandCounter>();
        var before = commands.Count;
        var response = await request();
        return (response, commands.Count - before);
    }

    private sealed record PageOf(List<System.Text.Json.JsonElement> Items, int Total);
}

[Collection(SqliteApp.Name)]
public sealed class RoundTripsTests_Sqlite(SqliteAppFactory app) : RoundTripsTests(app);

[Collection(PostgresApp.Name)]
public sealed class RoundTripsTests_Postgres(PostgresAppFactory app) : RoundTripsTests(app);
