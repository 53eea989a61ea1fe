using Exemplars.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 14 goal 5, nothing silently cut: a list's unit filter offers at most a select's worth of units, says so when
/// there are more, and finds any other unit by a part of its name (diacritics ignored).
/// </summary>
public abstract class UnitFilterTests(AppFactory app)
{
    [Theory]
    [InlineData("/Nominations?round=")]
    [InlineData("/Eligibility/Suggestions?round=2021-2025")]
    public async Task A_unit_filter_over_its_limit_says_so_and_finds_the_other_units_by_name(string list)
    {
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var units = await app.WithDb(db => db.Organizations.Where(o => o.Kind == OrganizationKind.Grassroots && o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync());
        Assert.True(units.Count > 10);
        var plain = Forms.Parse(await secretariat.GetAfreshAsync(list));
        Assert.Null(plain.QuerySelector("#unitSearch"));
        Assert.True(plain.QuerySelectorAll("#organizationId option").Length > 10, "under the limit every unit is offered and no search is needed");

        var configuration = app.Services.GetRequiredService<IConfiguration>();
        configuration["Pickers:Limit"] = "5";
        try
        {
            var page = Forms.Parse(await secretariat.GetAfreshAsync(list));
            Assert.Equal(6, page.QuerySelectorAll("#organizationId option").Length);
            Assert.Contains("chỉ hiện 5 đơn vị đầu tiên", page.QuerySelector("[data-testid=unit-help]")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("#unitSearch"));

            // The last unit by name is beyond the limit: typing part of its name, without its marks, finds it.
            var last = units[^1];
            var word = Domain.Common.VietnameseText.Fold(last.Name).Split(' ').OrderByDescending(w => w.Length).First();
            var found = Forms.Parse(await secretariat.GetAfreshAsync($"{list}&unitSearch={Uri.EscapeDataString(word)}"));
            Assert.Contains(found.QuerySelectorAll("#organizationId option"), o => o.GetAttribute("value") == $"{last.Id}");

            // Filtering on it keeps it selected although the plain list leaves it out.
            var chosen = Forms.Parse(await secretariat.GetAfreshAsync($"{list}&organizationId={last.Id}"));
            Assert.Equal($"{last.Id}", chosen.QuerySelector("#organizationId option[selected]")?.GetAttribute("value"));
        }
        finally
        {
            configuration["Pickers:Limit"] = null;
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class UnitFilterTests_Sqlite(SqliteAppFactory app) : UnitFilterTests(app);

[Collection(PostgresApp.Name)]
public sealed class UnitFilterTests_Postgres(PostgresAppFactory app) : UnitFilterTests(app);
