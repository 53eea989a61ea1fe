using System.Text.Json;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 14, ADR 015: the nominations list's default order reads copies of the round year and unit code kept on each
/// nomination by database triggers. These tests change the originals every way a write can arrive (EF, SQL by hand)
/// and attack the copies directly; the list must follow each time.
/// </summary>
public abstract class NominationListOrderTests(AppFactory app)
{
    private sealed record Expected(int Id, int Year, string Code, string Name);

    private Task<List<Expected>> ExpectedOrder() => app.WithDb(async db =>
    {
        var rows = await (from n in db.Nominations
                          join r in db.Rounds on n.RoundId equals r.Id
                          join o in db.Organizations on n.OrganizationId equals o.Id
                          select new Expected(n.Id, r.LastRatingYear, o.Code, n.NomineeName)).ToListAsync();
        return rows.OrderByDescending(x => x.Year).ThenBy(x => x.Code, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Id).ToList();
    });

    private Task<List<(int Id, int Year, string Code)>> Copies() => app.WithDb(async db =>
        (await db.Nominations.Select(n => new { n.Id, Year = EF.Property<int>(n, NominationListOrder.RoundYear), Code = EF.Property<string>(n, NominationListOrder.UnitCode) }).ToListAsync())
        .Select(x => (x.Id, x.Year, x.Code)).OrderBy(x => x.Id).ToList());

    private async Task AssertCopiesMatch()
    {
        var expected = (await ExpectedOrder()).Select(x => (x.Id, x.Year, x.Code)).OrderBy(x => x.Id).ToList();
        Assert.Equal(expected, await Copies());
    }

    private async Task<List<int>> ListedIds()
    {
        var admin = await app.BearerAs("admin@demo.vn");
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var json = await admin.GetAfreshFromJsonAsync<JsonElement>($"/api/v1/nominations?page={page}&pageSize=100"); // changed in SQL around the app
            var items = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
            ids.AddRange(items);
            if (items.Count < 100)
            {
                return ids;
            }
        }
    }

    private async Task AssertListInExpectedOrder()
    {
        var expected = (await ExpectedOrder()).Select(x => x.Id).ToList();
        Assert.True(expected.Count > 10, $"{expected.Count} dossiers in the demo");
        Assert.Equal(expected, await ListedIds());
    }

    [Fact]
    public async Task The_list_follows_the_round_year_and_unit_code_however_they_change_and_the_copies_cannot_be_forged()
    {
        await AssertCopiesMatch();
        await AssertListInExpectedOrder();

        var (organizationId, oldCode) = await app.WithDb(async db =>
        {
            var id = await db.Nominations.GroupBy(n => n.OrganizationId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            return (id, await db.Organizations.Where(o => o.Id == id).Select(o => o.Code).SingleAsync());
        });
        var (roundId, oldYear) = await app.WithDb(async db =>
        {
            var id = await db.Nominations.GroupBy(n => n.RoundId).OrderBy(g => g.Count()).Select(g => g.Key).FirstAsync();
            return (id, await db.Rounds.Where(r => r.Id == id).Select(r => r.LastRatingYear).SingleAsync());
        });

        try
        {
            // Through EF, as the organisation and round pages save.
            await app.WithDb(async db =>
            {
                var unit = await db.Organizations.SingleAsync(o => o.Id == organizationId);
                db.Entry(unit).Property(o => o.Code).CurrentValue = "000-FIRST";
                var round = await db.Rounds.SingleAsync(r => r.Id == roundId);
                round.LastRatingYear = 2099;
                return await db.SaveChangesAsync();
            });
            await AssertCopiesMatch();
            await AssertListInExpectedOrder();
            var first = (await ListedIds())[0];
            Assert.Equal(roundId, await app.WithDb(db => db.Nominations.Where(n => n.Id == first).Select(n => n.RoundId).SingleAsync()));

            // By hand in SQL, around the app.
            await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE organizations SET \"Code\" = 'ZZZ-LAST' WHERE \"Id\" = {0}", organizationId));
            await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE rounds SET \"LastRatingYear\" = 1999 WHERE \"Id\" = {0}", roundId));
            await AssertCopiesMatch();
            await AssertListInExpectedOrder();

            // Forging the copies themselves: the database puts the true values back.
            await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE nominations SET \"RoundYear\" = 3000, \"UnitCode\" = '!' WHERE \"RoundId\" = {0}", roundId));
            await AssertCopiesMatch();

            // A new dossier gets its copies on insert.
            var added = await app.WithDb(async db =>
            {
                var template = await db.Nominations.AsNoTracking().FirstAsync(n => n.OrganizationId == organizationId);
                var copy = new Domain.Nominations.Nomination
                {
                    RoundId = roundId,
                    OrganizationId = organizationId,
                    Kind = template.Kind,
                    NomineeKey = "test-list-order",
                    NomineeName = "Người thử thứ tự",
                    CategoryCode = template.CategoryCode,
                    Version = Guid.NewGuid(),
                };
                db.Nominations.Add(copy);
                await db.SaveChangesAsync();
                return copy.Id;
            });
            Assert.Contains((added, 1999, "ZZZ-LAST"), await Copies());
            await app.WithDb(db => db.Nominations.Where(n => n.Id == added).ExecuteDeleteAsync());
        }
        finally
        {
            await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE organizations SET \"Code\" = {0} WHERE \"Id\" = {1}", oldCode, organizationId));
            await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE rounds SET \"LastRatingYear\" = {0} WHERE \"Id\" = {1}", oldYear, roundId));
        }

        await AssertCopiesMatch();
    }
}

[Collection(SqliteApp.Name)]
public sealed class NominationListOrderTests_Sqlite(SqliteAppFactory app) : NominationListOrderTests(app);

[Collection(PostgresApp.Name)]
public sealed class NominationListOrderTests_Postgres(PostgresAppFactory app) : NominationListOrderTests(app);
