using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// ADR 035: a date on a page is shown and typed as ngày/tháng/năm (dd/MM/yyyy) whatever the browser's language — not as the
/// browser's own date field, which shows mm/dd/yyyy in an English browser; a date that cannot be read stops the request
/// with the reason, and nothing is saved.
/// </summary>
public abstract class DateFieldsTests(AppFactory app)
{
    private async Task<int> PersonOf(string unitCode) => await app.WithDb(db =>
        db.People.Where(p => p.Organization!.Code == unitCode && p.IsActive && p.IsPartyMember).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    [Fact]
    public async Task A_date_field_shows_day_month_year_and_a_typed_date_is_read_day_first()
    {
        var clerk = await app.SignedInAs("coso1@demo.vn");
        var unit = await app.WithDb(db => db.Users.Where(u => u.Email == "coso1@demo.vn").Select(u => u.Organization!.Code).SingleAsync());
        var id = await PersonOf(unit);
        await app.WithDb(async db =>
        {
            await db.People.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.BirthDate, new DateOnly(1980, 3, 7)));
            return 0;
        });

        var page = await Forms.GetDocumentAsync(clerk, $"/People/Edit/{id}");
        var field = (IHtmlInputElement)page.QuerySelector("input[name='Input.BirthDate']")!;
        Assert.Equal("text", field.GetAttribute("type"));
        Assert.Equal("07/03/1980", field.GetAttribute("value"));
        Assert.Equal("ngày/tháng/năm", field.GetAttribute("placeholder"));
        Assert.Equal("numeric", field.GetAttribute("inputmode"));
        Assert.Empty(page.QuerySelectorAll("input[type=date]"));

        // 05/12/1980 is the fifth of December; a day above 12 shows that no month-first reading is tried.
        using (var saved = await Forms.SubmitAsync(clerk, $"/People/Edit/{id}", new Dictionary<string, string> { ["Input.BirthDate"] = "05/12/1980", ["Input.IsPartyMember"] = "true" }))
        {
            Assert.True(HttpStatusCode.Redirect == saved.StatusCode, Forms.Parse(await saved.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent);
        }

        Assert.Equal(new DateOnly(1980, 12, 5), await app.WithDb(db => db.People.Where(p => p.Id == id).Select(p => p.BirthDate).SingleAsync()));
        using (var saved = await Forms.SubmitAsync(clerk, $"/People/Edit/{id}", new Dictionary<string, string> { ["Input.BirthDate"] = " 25/1/1979 ", ["Input.IsPartyMember"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(new DateOnly(1979, 1, 25), await app.WithDb(db => db.People.Where(p => p.Id == id).Select(p => p.BirthDate).SingleAsync()));
        Assert.Equal("25/01/1979", (await Forms.GetDocumentAsync(clerk, $"/People/Edit/{id}")).QuerySelector("input[name='Input.BirthDate']")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("31/02/1980")]
    [InlineData("12/25/1980")]
    [InlineData("hôm qua")]
    public async Task A_date_that_cannot_be_read_is_refused_with_the_reason_and_nothing_is_saved(string typed)
    {
        var clerk = await app.SignedInAs("coso1@demo.vn");
        var unit = await app.WithDb(db => db.Users.Where(u => u.Email == "coso1@demo.vn").Select(u => u.Organization!.Code).SingleAsync());
        var id = await PersonOf(unit);
        var before = await app.WithDb(db => db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.BirthDate, p.Position, p.Version }).SingleAsync());

        using var refused = await Forms.SubmitAsync(clerk, $"/People/Edit/{id}", new Dictionary<string, string> { ["Input.BirthDate"] = typed, ["Input.Position"] = "Chức vụ không được lưu", ["Input.IsPartyMember"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal($"/People/Edit/{id}", refused.Headers.Location!.OriginalString);
        var after = await app.WithDb(db => db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.BirthDate, p.Position, p.Version }).SingleAsync());
        Assert.Equal(before, after);

        var shown = await Forms.GetDocumentAsync(clerk, $"/People/Edit/{id}");
        Assert.Equal(
            $"Ngày \"{typed}\" không đọc được: hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/12/2026. Chưa có gì được lưu; hãy nhập lại.",
            shown.QuerySelector("[data-testid=page-error]")?.TextContent);
    }

    [Fact]
    public async Task A_list_filtered_by_a_typed_date_reads_it_day_first_and_drops_a_date_it_cannot_read()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        static int Rows(IHtmlDocument page) => page.QuerySelectorAll("[data-testid=audit] tbody tr").Length;

        // The demo's audit trail is in the past: read day first, 31/12/2199 leaves nothing; read month first it could not be read at all.
        var late = await Forms.GetDocumentAsync(admin, "/Audit?from=31/12/2199");
        Assert.Equal(0, Rows(late));
        Assert.Equal("31/12/2199", late.QuerySelector("input[name=from]")!.GetAttribute("value"));
        Assert.True(Rows(await Forms.GetDocumentAsync(admin, "/Audit?from=01/02/2000")) > 0);

        using var refused = await admin.GetAsync("/Audit?from=32/01/2026&EntityType=Person");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Audit?EntityType=Person", refused.Headers.Location!.OriginalString);
        var shown = await Forms.GetDocumentAsync(admin, refused.Headers.Location.OriginalString);
        Assert.Equal("Ngày \"32/01/2026\" không đọc được: hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/12/2026. Điều kiện lọc theo ngày này đã được bỏ.",
            shown.QuerySelector("[data-testid=page-error]")?.TextContent);
    }
}

[Collection(SqliteApp.Name)]
public sealed class DateFieldsTests_Sqlite(SqliteAppFactory app) : DateFieldsTests(app);

[Collection(PostgresApp.Name)]
public sealed class DateFieldsTests_Postgres(PostgresAppFactory app) : DateFieldsTests(app);

/// <summary>The reading rule itself: day first, one or two digits for day and month, ISO as links send it; nothing else.</summary>
public sealed class DateFieldReadingTests
{
    [Theory]
    [InlineData("05/12/2026", 2026, 12, 5)]
    [InlineData("5/12/2026", 2026, 12, 5)]
    [InlineData(" 31/1/2026 ", 2026, 1, 31)]
    [InlineData("2026-12-05", 2026, 12, 5)]
    [InlineData("29/02/2028", 2028, 2, 29)]
    public void A_date_is_read_day_first(string text, int year, int month, int day)
    {
        Assert.True(Exemplars.Web.Infrastructure.Http.DateFields.TryRead(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal($"{day:00}/{month:00}/{year}", Exemplars.Web.Infrastructure.Http.DateFields.Show(date));
    }

    [Theory]
    [InlineData("12/25/2026")]
    [InlineData("29/02/2027")]
    [InlineData("05-12-2026")]
    [InlineData("05/12/26")]
    [InlineData("05/12/2026 10:00")]
    [InlineData("01/01/0001")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_date(string? text) => Assert.False(Exemplars.Web.Infrastructure.Http.DateFields.TryRead(text, out _));
}
