using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Eligibility;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// ADR 014: "Phát hiện" reads kept rows, and they are never silently stale. Every change that can alter a suggestion
/// shows on the next read, the rows kept change by change equal a rebuild from scratch, and a reader who cannot wait for
/// a large recomputation is told so.
/// </summary>
public abstract class SuggestionRowsTests(AppFactory app)
{
    private const string Round = "2021-2025";

    private async Task<AngleSharp.Dom.IDocument> Suggestions(string query)
    {
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        return Forms.Parse(await secretariat.GetStringAsync($"/Eligibility/Suggestions?round={Round}&{query}"));
    }

    private static bool Lists(AngleSharp.Dom.IDocument page, int personId) =>
        page.QuerySelector($"table[data-testid=suggestions] a[href^='/People/Details/{personId}?'], table[data-testid=suggestions] a[href='/People/Details/{personId}']") is not null;

    private sealed record Snapshot(int RoundId, NomineeKind Kind, int SubjectId, SuggestionStatus Status, int OrganizationId, string Name, string OrganizationName, string Category, string Reasons);

    private Task<List<Snapshot>> Rows() => app.WithDb(db => db.SuggestionRows.AsNoTracking()
        .OrderBy(r => r.RoundId).ThenBy(r => r.Kind).ThenBy(r => r.SubjectId)
        .Select(r => new Snapshot(r.RoundId, r.Kind, r.SubjectId, r.Status, r.OrganizationId, r.Name, r.OrganizationName, r.Category, r.Reasons))
        .ToListAsync());

    private Task<bool> RunRefresh() => app.WithScope(sp => sp.GetRequiredService<RefreshSuggestions.Handler>().RunAsync(TimeSpan.FromSeconds(30), CancellationToken.None));

    /// <summary>A suggested party member who leads nothing (the first or the last by id), and their unit.</summary>
    private Task<(int PersonId, int UnitId)> SuggestedMember(int roundId, bool last) => app.WithDb(async db =>
    {
        var suggested = db.SuggestionRows.Where(r => r.RoundId == roundId && r.Kind == NomineeKind.Individual && r.Status == SuggestionStatus.Suggested
            && db.People.Any(p => p.Id == r.SubjectId && p.IsPartyMember && !p.IsLeader));
        var row = await (last ? suggested.OrderByDescending(r => r.SubjectId) : suggested.OrderBy(r => r.SubjectId))
            .Select(r => new { r.SubjectId, r.OrganizationId }).FirstAsync();
        return (row.SubjectId, row.OrganizationId);
    });

    [Fact]
    public async Task Every_change_that_alters_a_suggestion_shows_on_the_next_read_and_the_kept_rows_equal_a_rebuild()
    {
        await Suggestions("kind=Individual");
        var round = await app.WithDb(db => db.Rounds.SingleAsync(r => r.Code == Round));
        var (personId, unitId) = await SuggestedMember(round.Id, last: false);
        var query = $"kind=Individual&organizationId={unitId}";
        Assert.True(Lists(await Suggestions(query), personId), "the person is suggested to begin with");

        // A discipline in the review period takes the person off the list at once; removing it brings them back.
        var discipline = await app.WithDb(async db =>
        {
            var record = new DisciplineRecord { PersonId = personId, Year = round.ReviewFromYear, Form = "Khiển trách" };
            db.DisciplineRecords.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        Assert.False(Lists(await Suggestions(query), personId), "a discipline record removes the suggestion on the next read");
        await app.WithDb(async db =>
        {
            db.DisciplineRecords.Remove(await db.DisciplineRecords.SingleAsync(d => d.Id == discipline));
            return await db.SaveChangesAsync();
        });
        Assert.True(Lists(await Suggestions(query), personId), "back once the record is gone");

        // A weaker rating in a year of the round: gone; restored: back.
        var (ratingId, was) = await app.WithDb(async db =>
        {
            var rating = await db.PersonRatings.Where(r => r.PersonId == personId && r.Year >= round.FirstRatingYear && r.Year <= round.LastRatingYear).OrderBy(r => r.Year).FirstAsync();
            var before = rating.Rating;
            rating.Rating = Rating.NotCompleted;
            await db.SaveChangesAsync();
            return (rating.Id, before);
        });
        Assert.False(Lists(await Suggestions(query), personId), "a year not completed removes the suggestion");
        await app.WithDb(async db =>
        {
            (await db.PersonRatings.SingleAsync(r => r.Id == ratingId)).Rating = was;
            return await db.SaveChangesAsync();
        });
        Assert.True(Lists(await Suggestions(query), personId));

        // A new name shows, and so does the unit's new name; a deactivated person leaves the list.
        var (oldName, oldUnit) = await app.WithDb(async db =>
        {
            var person = await db.People.Include(p => p.Organization).SingleAsync(p => p.Id == personId);
            var names = (person.FullName, person.Organization!.Name);
            person.FullName = "Đặng Thị Ánh Tuyết";
            db.Entry(person.Organization).Property(o => o.Name).CurrentValue = names.Item2 + " (đổi tên)";
            await db.SaveChangesAsync();
            return names;
        });
        var renamed = await Suggestions(query);
        Assert.True(Lists(renamed, personId));
        Assert.Contains("Đặng Thị Ánh Tuyết", renamed.QuerySelector("table[data-testid=suggestions]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(oldUnit + " (đổi tên)", renamed.QuerySelector("table[data-testid=suggestions]")!.TextContent, StringComparison.Ordinal);
        await app.WithDb(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == personId)).IsActive = false;
            return await db.SaveChangesAsync();
        });
        Assert.False(Lists(await Suggestions(query), personId));

        // A collective rating of a led unit, and a poor year for a whole collective, change leaders and collectives.
        await app.WithDb(async db =>
        {
            var led = await db.People.Where(p => p.IsLeader && p.LedOrganizationId != null).Select(p => p.LedOrganizationId!.Value).FirstAsync();
            var rating = await db.CollectiveRatings.Where(r => r.OrganizationId == led && r.Year >= round.FirstRatingYear && r.Year <= round.LastRatingYear).OrderBy(r => r.Year).FirstAsync();
            rating.Rating = Rating.NotCompleted;
            return await db.SaveChangesAsync();
        });
        await Suggestions("kind=");

        // Kept change by change = rebuilt from nothing.
        var kept = await Rows();
        Assert.NotEmpty(kept);
        await app.WithDb(db => db.SuggestionStates.ExecuteDeleteAsync());
        Assert.True(await RunRefresh());
        var rebuilt = await Rows();
        Assert.Equal(rebuilt.Count, kept.Count);
        Assert.Equal(rebuilt, kept);

        await app.WithDb(async db =>
        {
            var person = await db.People.Include(p => p.Organization).SingleAsync(p => p.Id == personId);
            person.FullName = oldName;
            person.IsActive = true;
            db.Entry(person.Organization!).Property(o => o.Name).CurrentValue = oldUnit;
            return await db.SaveChangesAsync();
        });
        Assert.True(Lists(await Suggestions(query), personId));
    }

    [Fact]
    public async Task The_kept_count_of_suggestions_moves_when_the_refresh_rewrites_the_rows()
    {
        // The counts are kept between reads (SuggestionCounts); the rows change around EF, so only the refresh can say
        // a kept count is stale. A discipline record must show in the total on the next read, not after a restart.
        var counts = app.Services.GetRequiredService<SuggestionCounts>();
        await Suggestions("kind=Individual");
        var round = await app.WithDb(db => db.Rounds.SingleAsync(r => r.Code == Round));
        var (personId, unitId) = await SuggestedMember(round.Id, last: true);
        var query = $"kind=Individual&organizationId={unitId}";
        async Task<string> Total() => (await Suggestions(query)).QuerySelector("[data-testid=pager-total]")!.TextContent;

        var before = await Total();
        var computed = counts.Computed;
        Assert.Equal(before, await Total());
        Assert.Equal(computed, counts.Computed);

        var discipline = await app.WithDb(async db =>
        {
            var record = new DisciplineRecord { PersonId = personId, Year = round.ReviewFromYear, Form = "Khiển trách" };
            db.DisciplineRecords.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        try
        {
            var after = await Total();
            Assert.NotEqual(before, after);
            Assert.True(counts.Computed > computed, "the refresh emptied the kept count, so it was counted again");
            var recounted = counts.Computed;
            Assert.Equal(after, await Total());
            Assert.Equal(recounted, counts.Computed);
        }
        finally
        {
            await app.WithDb(async db =>
            {
                db.DisciplineRecords.Remove(await db.DisciplineRecords.SingleAsync(d => d.Id == discipline));
                return await db.SaveChangesAsync();
            });
        }

        Assert.Equal(before, await Total());
    }

    [Fact]
    public async Task A_reader_who_cannot_wait_for_a_large_recomputation_is_told_the_list_may_be_incomplete()
    {
        await Suggestions("kind=");
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        configuration["Suggestions:InlineLimit"] = "0";
        try
        {
            await app.WithDb(async db =>
            {
                db.SuggestionMarks.Add(new SuggestionMark { Kind = SuggestionMarkKind.All, CreatedAtUtc = DateTime.UtcNow });
                return await db.SaveChangesAsync();
            });
            var page = await Suggestions("kind=");
            var notice = page.QuerySelector("[data-testid=suggestions-pending]");
            Assert.NotNull(notice);
            Assert.Contains("đang được cập nhật", notice.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(page.QuerySelectorAll("table[data-testid=suggestions] tbody tr a"));

            Assert.True(await RunRefresh());
            Assert.Null((await Suggestions("kind=")).QuerySelector("[data-testid=suggestions-pending]"));
        }
        finally
        {
            configuration["Suggestions:InlineLimit"] = null;
        }
    }

    [Fact]
    public async Task A_clerk_sees_only_suggestions_of_their_own_unit()
    {
        var clerk = await app.SignedInAs("coso4@demo.vn");
        var unit = await app.WithDb(db => db.Users.Where(u => u.Email == "coso4@demo.vn").Select(u => u.OrganizationId).SingleAsync());
        var path = await app.WithDb(db => db.Organizations.Where(o => o.Id == unit).Select(o => o.Path).SingleAsync());
        var page = Forms.Parse(await clerk.GetStringAsync($"/Eligibility/Suggestions?round={Round}&kind=Individual"));
        var listed = page.QuerySelectorAll("table[data-testid=suggestions] tbody a[href*='/People/Details']")
            .Select(a => int.Parse(a.GetAttribute("href")!.Split('/', '?', '&', '=').First(s => s.Length > 0 && s.All(char.IsDigit)), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(listed);
        var outside = await app.WithDb(db => db.People.Where(p => listed.Contains(p.Id) && !p.Organization!.Path.StartsWith(path)).CountAsync());
        Assert.Equal(0, outside);
    }
}

[Collection(SqliteApp.Name)]
public sealed class SuggestionRowsTests_Sqlite(SqliteAppFactory app) : SuggestionRowsTests(app);

[Collection(PostgresApp.Name)]
public sealed class SuggestionRowsTests_Postgres(PostgresAppFactory app) : SuggestionRowsTests(app);
