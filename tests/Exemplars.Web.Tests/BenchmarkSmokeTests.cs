using Exemplars.TierGen;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Exemplars.Web.Tests;

/// <summary>The app on a PostgreSQL database of its own, which the benchmark's tier generator fills to the smoke tier.</summary>
public sealed class SmokeTierApp : PostgresAppFactory
{
    public string Connection => ConnectionString;
}

/// <summary>
/// Issue 14, goal 6: CI runs the benchmark's generator on a small tier (no time is asserted anywhere). The rows go in by
/// binary COPY with triggers off, around the app, exactly as for the national tier; the app must then answer every
/// endpoint the benchmark times, and find the generated people by name (the name keys are filled by the generator).
/// </summary>
public sealed class BenchmarkSmokeTests(SmokeTierApp app) : IClassFixture<SmokeTierApp>
{
    [Fact]
    public async Task The_generator_fills_the_smoke_tier_and_every_endpoint_the_benchmark_times_answers()
    {
        var tier = Tier.Named("smoke")!;
        await using (var connection = new NpgsqlConnection(app.Connection))
        {
            await connection.OpenAsync();
            await new TierLoader(connection, tier).LoadAsync();
        }

        Assert.Equal(tier.People, await app.WithDb(db => db.People.CountAsync()));
        Assert.Equal(tier.Grassroots, await app.WithDb(db => db.Organizations.CountAsync(o => o.Kind == Domain.Organizations.OrganizationKind.Grassroots)));
        Assert.True(await app.WithDb(db => db.Nominations.CountAsync()) >= tier.Nominations);
        var keyless = await app.WithDb(db => db.People.CountAsync(p => !db.Set<Exemplars.Web.Infrastructure.Data.PersonNameKey>().Any(k => k.PersonId == p.Id)));
        Assert.Equal(0, keyless);

        // A generated person is found by the start of a word of their name, as the benchmark's search does.
        var generated = await app.WithDb(db => db.People.OrderByDescending(p => p.Id).Select(p => new { p.Id, p.SearchName }).FirstAsync());
        var word = generated.SearchName.Split(' ')[1];
        using var api = await app.BearerAs("tgdv@demo.vn");
        var ids = new List<int>();
        for (var page = 1; page <= 20 && !ids.Contains(generated.Id); page++)
        {
            var json = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/people?search={Uri.EscapeDataString(word)}&page={page}&pageSize=200");
            ids.AddRange(json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        }

        Assert.Contains(generated.Id, ids);

        foreach (var url in new[]
        {
            "/api/v1/people?page=1", "/api/v1/people?search=nguyen%20van%20hung&page=1", $"/api/v1/people/{generated.Id}",
            $"/api/v1/people/{generated.Id}/eligibility?round=2026-2028", "/api/v1/organizations?page=1",
            "/api/v1/dashboard/rounds/2021-2025", "/api/v1/nominations?page=1",
        })
        {
            using var response = await api.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        }

        foreach (var (account, url) in new[]
        {
            ("tgdv@demo.vn", "/Nominations"), ("tgdv@demo.vn", "/"), ("tgdv@demo.vn", "/Eligibility/Suggestions"), ("admin@demo.vn", "/"),
            ("btv1@demo.vn", "/"), ("coso1@demo.vn", "/"), ("doankhoi@demo.vn", "/"), ("tinhuy@demo.vn", "/"),
        })
        {
            var client = await app.SignedInAs(account);
            using var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{account} {url}: {(int)response.StatusCode}");
        }
    }
}
