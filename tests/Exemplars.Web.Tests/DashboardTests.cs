using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Dom;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.People;
using Exemplars.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// The secretariat dashboard counts one round exactly. Each test makes a round of its own (in a plan of its own, so the
/// shared app's other rounds and plan clones are untouched) and fills it partly through the real API — submissions at
/// the last second of the deadline, refused a second later, accepted under an extension — and partly straight in the
/// database, for what the app no longer lets anyone do (a submission after the unit's last day) and for bulk.
/// </summary>
public abstract class DashboardTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly byte[] Pdf = SampleFiles.Pdf();
    private static readonly byte[] Png = SampleFiles.Png();

    private static readonly string[] Charts = ["status", "timeliness", "units", "categories", "gender", "age"];

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    /// <summary>A Viet Nam wall-clock moment on a day relative to the deadline.</summary>
    private static DateTimeOffset At(DateOnly day, int hour, int minute, int second) => new(day.ToDateTime(new TimeOnly(hour, minute, second)), TimeSpan.FromHours(7));

    /// <summary>A plan of its own with the built-in plan's categories and current criteria, and one round with the built-in final round's years.</summary>
    private Task<(int Id, string Code)> NewRound(DateOnly deadline) => app.WithDb(async db =>
    {
        var source = await db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Categories).Include(p => p.Criteria).SingleAsync(p => p.Code == "2021-2025");
        var terms = await db.Rounds.AsNoTracking().SingleAsync(r => r.Code == "2021-2025");
        var code = "DASH" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var plan = new Plan { Code = code, Name = "Kế hoạch thử bảng số liệu " + code };
        plan.Phases.AddRange(source.Phases.Select(p => new Phase { Number = p.Number, Name = p.Name, FromYear = p.FromYear, ToYear = p.ToYear }));
        plan.Categories.AddRange(source.Categories.Select(c => new NomineeCategory { Code = c.Code, Kind = c.Kind, Title = c.Title, SortOrder = c.SortOrder }));
        plan.Criteria.AddRange(source.Criteria.Where(c => c.RetiredInVersion == null).Select(c => new Criterion
        {
            Scope = c.Scope, CategoryCode = c.CategoryCode, SubGroup = c.SubGroup, Code = c.Code, Text = c.Text, SortOrder = c.SortOrder, CheckedByRule = c.CheckedByRule,
        }));
        var round = new Round
        {
            Code = code + "-R", Name = "Đợt thử " + code, Kind = terms.Kind, PhaseNumber = terms.PhaseNumber, FirstRatingYear = terms.FirstRatingYear,
            LastRatingYear = terms.LastRatingYear, MinExcellentYears = terms.MinExcellentYears, ReviewFromYear = terms.ReviewFromYear, ReviewToYear = terms.ReviewToYear,
            GrassrootsDeadline = deadline, CeremonyDate = deadline.AddMonths(2), QuotaCollectives = 5, QuotaIndividuals = 5,
        };
        plan.Rounds.Add(round);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (round.Id, round.Code);
    });

    /// <summary>A party member of the unit, rated Excellent/Good 2021–2024 (eligible in the round), with the gender and birth date given.</summary>
    private Task<int> NewPerson(string organizationCode, Gender? gender, DateOnly? birthDate) => app.WithDb(async db =>
    {
        var organization = await db.Organizations.SingleAsync(o => o.Code == organizationCode);
        var code = "D" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var person = new Person
        {
            Code = code, FullName = "Trần Thị Thu " + code[..5], SearchName = "tran thi thu", OrganizationId = organization.Id, Gender = gender, BirthDate = birthDate,
            IsPartyMember = true, PartyJoinYear = 2010, FieldCategoryCode = "3.2.5",
        };
        person.Ratings.AddRange(new[] { Rating.Excellent, Rating.Excellent, Rating.Good, Rating.Good }.Select((r, i) => new PersonRating { Year = 2021 + i, Rating = r }));
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    /// <summary>
    /// A nomination written straight to the database: the first submission (version 1) at <paramref name="submissions"/>[0],
    /// later ones after it. A collective nominee is the unit itself.
    /// </summary>
    private Task<int> Seed(int roundId, string organizationCode, string category, NominationStatus status, Gender? gender = null, DateOnly? birthDate = null, bool collective = false, IReadOnlyList<DateTimeOffset>? submissions = null) => app.WithDb(async db =>
    {
        submissions ??= [];
        var organization = await db.Organizations.SingleAsync(o => o.Code == organizationCode);
        var personId = collective ? (int?)null : await NewPerson(organizationCode, gender, birthDate);
        var nomination = new Nomination
        {
            RoundId = roundId, OrganizationId = organization.Id, Kind = collective ? NomineeKind.Collective : NomineeKind.Individual,
            PersonId = personId, CollectiveId = collective ? organization.Id : null,
            NomineeKey = collective ? Nomination.KeyOf(NomineeKind.Collective, organization.Id) : Nomination.KeyOf(NomineeKind.Individual, personId!.Value),
            NomineeName = collective ? organization.Name : "Người được đề nghị", CategoryCode = category, Status = status,
            CreatedAtUtc = DateTime.UtcNow, SubmissionCount = submissions.Count, SubmittedAtUtc = submissions.Count == 0 ? null : submissions[^1].UtcDateTime,
        };
        nomination.Versions.AddRange(submissions.Select((at, i) => new NominationVersion { Number = i + 1, SubmittedAtUtc = at.UtcDateTime, SubmittedBy = "seed@test.vn", Snapshot = "{}" }));
        db.Nominations.Add(nomination);
        return await db.SaveChangesAsync();
    });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient api, string url, object? body = null)
    {
        using var response = await api.PostAsJsonAsync(url, body ?? new { });
        return (response.StatusCode, await Json(response));
    }

    private static async Task Upload(HttpClient api, int id, string fileName, byte[] content, string criterion)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(criterion), "criterionCode");
        using var response = await api.PostAsync($"/api/v1/nominations/{id}/evidence", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>A complete dossier made by the unit's clerk through the API, ready to submit.</summary>
    private async Task<int> ReadyDossier(HttpClient clerk, string round, string organizationCode, Gender? gender, DateOnly? birthDate)
    {
        var personId = await NewPerson(organizationCode, gender, birthDate);
        using var created = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round, kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetInt32();
        using (var saved = await clerk.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            summary = "Hoàn thành xuất sắc nhiệm vụ 2021–2024.",
            minutesDate = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            membersTotal = 9, membersPresent = 7, votesAgree = 6, votesDisagree = 1, votesAbstain = 0, familyLawAttested = true,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        await Upload(clerk, id, "bien-ban.png", Png, "minutes");
        await Upload(clerk, id, "bang-khen.pdf", Pdf, "3.2.5.1");
        return id;
    }

    /// <summary>
    /// Ten nominations over CS001–CS003 with known outcomes; returns the round code. CS002 has an extension to D+3.
    /// Through the API: A1 sent at 23:59:59 on the deadline day (on time), A2 refused two seconds later (a draft),
    /// A3 sent under the extension. In the database: D1 first sent at 00:00:00 the day after (late), D2 at 23:59:59
    /// on the day, D3 sent early and resent after the deadline (first sending counts: on time), D4 on the extension's
    /// last day, D5 the day after it (late), D6 a collective draft, D7 withdrawn.
    /// </summary>
    private async Task<string> SeedRound()
    {
        var deadline = Today.AddDays(7);
        var (roundId, code) = await NewRound(deadline);
        var lastSecond = At(deadline, 23, 59, 59);
        try
        {
            app.Clock.SetUtcNow(lastSecond.AddDays(-1));
            using (var clerk = await app.BearerAs("coso1@demo.vn"))
            {
                var a1 = await ReadyDossier(clerk, code, "CS001", Gender.Female, deadline.AddYears(-35));
                var a2 = await ReadyDossier(clerk, code, "CS001", Gender.Male, deadline.AddYears(-25));

                app.Clock.SetUtcNow(lastSecond); // 16:59:59 UTC
                using var onTime = await app.BearerAs("coso1@demo.vn"); // tokens live an hour: one per pinned time
                Assert.Equal(HttpStatusCode.OK, (await Post(onTime, $"/api/v1/nominations/{a1}/submit")).Status);

                app.Clock.SetUtcNow(lastSecond.AddSeconds(2));
                using var tooLate = await app.BearerAs("coso1@demo.vn");
                var (refused, body) = await Post(tooLate, $"/api/v1/nominations/{a2}/submit");
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
                Assert.Equal("deadline_passed", body.GetProperty("code").GetString());
            }

            app.Clock.SetUtcNow(At(deadline.AddDays(2), 12, 0, 0));
            using (var secretariat = await app.BearerAs("tgdv@demo.vn"))
            {
                var until = deadline.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var (granted, _) = await Post(secretariat, "/api/v1/nominations/extensions", new { round = code, organizationCode = "CS002", until, reason = "Đơn vị đang kiện toàn cấp ủy." });
                Assert.Equal(HttpStatusCode.Created, granted);
            }

            using (var clerk2 = await app.BearerAs("coso2@demo.vn"))
            {
                var a3 = await ReadyDossier(clerk2, code, "CS002", Gender.Female, null);
                Assert.Equal(HttpStatusCode.OK, (await Post(clerk2, $"/api/v1/nominations/{a3}/submit")).Status);
            }
        }
        finally
        {
            app.Clock.Reset();
        }

        await Seed(roundId, "CS003", "3.2.1", NominationStatus.Submitted, Gender.Male, deadline.AddYears(-30).AddDays(1), submissions: [lastSecond.AddSeconds(1)]);
        await Seed(roundId, "CS003", "3.2.1", NominationStatus.Verified, Gender.Female, deadline.AddYears(-30), submissions: [lastSecond]);
        await Seed(roundId, "CS003", "3.2.3", NominationStatus.Resubmitted, submissions: [lastSecond.AddDays(-5), lastSecond.AddDays(2)]);
        await Seed(roundId, "CS002", "3.2.5", NominationStatus.Submitted, Gender.Male, deadline.AddYears(-60), submissions: [lastSecond.AddDays(3)]);
        await Seed(roundId, "CS002", "3.2.5", NominationStatus.Submitted, Gender.Female, deadline.AddYears(-45), submissions: [lastSecond.AddDays(3).AddSeconds(1)]);
        await Seed(roundId, "CS003", "3.1.1", NominationStatus.Draft, collective: true);
        await Seed(roundId, "CS002", "3.2.5", NominationStatus.Withdrawn, Gender.Male, deadline.AddYears(-55), submissions: [lastSecond.AddDays(-1)]);
        return code;
    }

    /// <summary>What <see cref="SeedRound"/> must show, chart by chart, key by key.</summary>
    private static readonly Dictionary<string, Dictionary<string, int>> Expected = new()
    {
        ["status"] = new() { ["Draft"] = 2, ["Submitted"] = 5, ["Returned"] = 0, ["Resubmitted"] = 1, ["Withdrawn"] = 1, ["Verified"] = 1, ["InBallot"] = 0, ["Commended"] = 0, ["NotCommended"] = 0, ["ProposedToProvince"] = 0, ["ProvinceCommended"] = 0, ["ProvinceNotCommended"] = 0 },
        ["timeliness"] = new() { ["OnTime"] = 3, ["WithinExtension"] = 2, ["Late"] = 2, ["NotSubmitted"] = 2 },
        ["units"] = new() { ["CS003"] = 4, ["CS002"] = 3, ["CS001"] = 2 },
        ["categories"] = new() { ["3.1.1"] = 1, ["3.1.2"] = 0, ["3.2.1"] = 2, ["3.2.2"] = 0, ["3.2.3"] = 1, ["3.2.4"] = 0, ["3.2.5"] = 5 },
        ["gender"] = new() { ["Male"] = 3, ["Female"] = 4, ["Unknown"] = 1 },
        ["age"] = new() { ["Under30"] = 2, ["From30To39"] = 2, ["From40To49"] = 1, ["From50To59"] = 0, ["From60"] = 1, ["Unknown"] = 2 },
    };

    private static List<(string Key, string Label, int Count)> Rows(IElement table) => table.QuerySelectorAll("tbody tr")
        .Select(tr => (tr.GetAttribute("data-key")!, tr.QuerySelector("th")!.TextContent.Trim(), int.Parse(tr.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();

    [Fact]
    public async Task Page_counts_a_round_by_status_unit_category_gender_age_and_timeliness_with_a_table_beside_each_chart()
    {
        var code = await SeedRound();
        var html = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/Dashboard?round={code}");
        var page = Forms.Parse(html);

        Assert.Contains("<strong>10</strong> hồ sơ, trong đó <strong>9</strong> hồ sơ chưa rút", html, StringComparison.Ordinal);
        Assert.Contains("(8 cá nhân, 1 tập thể) của <strong>3</strong> đơn vị", page.QuerySelector("[data-testid=dashboard-summary]")!.InnerHtml, StringComparison.Ordinal);
        foreach (var chart in Charts)
        {
            var section = page.QuerySelector($"[data-testid=chart-{chart}]") ?? throw new InvalidOperationException($"no chart {chart}");
            var canvas = section.QuerySelector("canvas[data-chart]")!;
            Assert.False(string.IsNullOrWhiteSpace(canvas.GetAttribute("aria-label")));
            Assert.Equal("img", canvas.GetAttribute("role"));
            var table = Assert.Single(section.QuerySelectorAll("table"));
            Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent));
            Assert.Equal(canvas.GetAttribute("aria-describedby"), table.QuerySelector("caption")!.Id);

            var rows = Rows(table);
            Assert.Equal(Expected[chart], rows.ToDictionary(r => r.Key, r => r.Count));
            // The chart draws exactly the table's numbers, in the table's order.
            Assert.Equal(rows.Select(r => r.Count), JsonSerializer.Deserialize<int[]>(canvas.GetAttribute("data-counts")!));
            Assert.Equal(rows.Select(r => r.Label), JsonSerializer.Deserialize<string[]>(canvas.GetAttribute("data-labels")!));
        }

        Assert.Equal(Charts.Length, page.QuerySelectorAll("canvas").Length);
        Assert.Equal(Charts.Length, page.QuerySelectorAll("main table").Length);
        Assert.Equal(["CS003", "CS002", "CS001"], Rows(page.QuerySelector("#table-units")!).Select(r => r.Key)); // most nominations first
        Assert.Contains(Rows(page.QuerySelector("#table-timeliness")!), r => r is { Key: "WithinExtension", Label: "Trong thời gian gia hạn" });
        Assert.Contains(Rows(page.QuerySelector("#table-status")!), r => r is { Key: "Verified", Label: "Đã thẩm định" });
        Assert.Contains(Rows(page.QuerySelector("#table-gender")!), r => r is { Key: "Unknown", Label: "Không rõ" });
        Assert.Contains(Rows(page.QuerySelector("#table-categories")!), r => r.Key == "3.2.5" && r.Label.StartsWith("3.2.5. Trong các cơ quan hành chính", StringComparison.Ordinal));

        // Chart.js is the committed copy, drawn by a committed script: no inline script, nothing from another origin.
        Assert.NotNull(page.QuerySelector("script[src^='/lib/chartjs/chart.umd.min.js']"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/dashboard.js']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.DoesNotContain(page.QuerySelectorAll("script[src], link[href]"), e => (e.GetAttribute("src") ?? e.GetAttribute("href"))!.Contains("//", StringComparison.Ordinal));
        using var client = app.CreateClient();
        var library = await client.GetStringAsync("/lib/chartjs/chart.umd.min.js");
        Assert.Contains("Chart.js v4.6.1", library, StringComparison.Ordinal);
        Assert.Contains("MIT", await client.GetStringAsync("/lib/chartjs/LICENSE.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Units_beyond_the_top_ten_are_summed_as_other_units()
    {
        var (roundId, code) = await NewRound(Today.AddDays(7));
        var sent = At(Today, 9, 0, 0);
        for (var i = 0; i < 3; i++)
        {
            await Seed(roundId, "CS010", "3.2.5", NominationStatus.Submitted, Gender.Male, new DateOnly(1980, 1, 1), submissions: [sent]);
        }

        for (var i = 0; i < 2; i++)
        {
            await Seed(roundId, "CS011", "3.2.5", NominationStatus.Submitted, Gender.Female, new DateOnly(1990, 1, 1), submissions: [sent]);
        }

        for (var unit = 12; unit <= 21; unit++)
        {
            await Seed(roundId, $"CS{unit:000}", "3.1.1", NominationStatus.Draft, collective: true);
        }

        var page = Forms.Parse(await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/Dashboard?round={code}"));
        var units = Rows(page.QuerySelector("#table-units")!);
        Assert.Equal(["CS010", "CS011", "CS012", "CS013", "CS014", "CS015", "CS016", "CS017", "CS018", "CS019", "other"], units.Select(u => u.Key));
        Assert.Equal([3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2], units.Select(u => u.Count));
        Assert.Equal("Các đơn vị khác (2 đơn vị)", units[^1].Label);
        Assert.Equal(15, units.Sum(u => u.Count));
        Assert.Equal(5, Rows(page.QuerySelector("#table-timeliness")!).Single(r => r.Key == "OnTime").Count);
        Assert.Equal(10, Rows(page.QuerySelector("#table-timeliness")!).Single(r => r.Key == "NotSubmitted").Count);
    }

    [Fact]
    public async Task Only_the_secretariat_and_admins_open_the_dashboard_and_the_tracker_links_to_it()
    {
        var (_, code) = await NewRound(Today.AddDays(7));
        var clerk = await app.SignedInAs("coso1@demo.vn");
        using (var refused = await clerk.GetAsync($"/Dashboard?round={code}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        using (var standing = await (await app.SignedInAs("btv1@demo.vn")).GetAsync($"/Dashboard?round={code}"))
        {
            Assert.Contains("/Account/AccessDenied", standing.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        using (var admin = await (await app.SignedInAs("admin@demo.vn")).GetAsync($"/Dashboard?round={code}"))
        {
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        using (var unknown = await secretariat.GetAsync("/Dashboard?round=KHONG-CO"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var latest = await secretariat.GetAsync("/Dashboard"))
        {
            Assert.Equal(HttpStatusCode.OK, latest.StatusCode); // the latest round by default
        }

        var tracker = Forms.Parse(await secretariat.GetStringAsync($"/Review/Tracker?round={code}"));
        Assert.Equal($"/Dashboard?round={code}", tracker.QuerySelector("a[data-testid=dashboard-link]")!.GetAttribute("href"));
        using var anonymous = app.CreateClient();
        using var signIn = await anonymous.GetAsync("/Dashboard");
        Assert.Contains("/Account/Login", signIn.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_returns_the_same_numbers_to_the_secretariat_only()
    {
        var code = await SeedRound();
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var body = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/dashboard/rounds/{code}");
        Assert.Equal(code, body.GetProperty("round").GetString());
        Assert.Equal(10, body.GetProperty("total").GetInt32());
        Assert.Equal(9, body.GetProperty("active").GetInt32());
        Assert.Equal(8, body.GetProperty("individuals").GetInt32());
        Assert.Equal(1, body.GetProperty("collectives").GetInt32());
        Assert.Equal(3, body.GetProperty("unitsNominating").GetInt32());
        var properties = new Dictionary<string, string>
        {
            ["status"] = "byStatus", ["timeliness"] = "byTimeliness", ["units"] = "byUnit", ["categories"] = "byCategory", ["gender"] = "byGender", ["age"] = "byAgeBand",
        };
        foreach (var (chart, property) in properties)
        {
            var slices = body.GetProperty(property).EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("count").GetInt32());
            Assert.Equal(Expected[chart], slices);
        }

        using (var unknown = await secretariat.GetAsync("/api/v1/dashboard/rounds/KHONG-CO"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var forbidden = await clerk.GetAsync($"/api/v1/dashboard/rounds/{code}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("forbidden_role", (await Json(forbidden)).GetProperty("code").GetString());
        using var anonymous = app.CreateClient();
        using var unauthorised = await anonymous.GetAsync($"/api/v1/dashboard/rounds/{code}");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
    }

    [Fact]
    public async Task Figures_are_kept_between_requests_and_counted_again_after_a_save_changes_them()
    {
        var code = await SeedRound();
        var cache = app.Services.GetRequiredService<Exemplars.Web.Features.Dashboard.DashboardCache>();
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        async Task<int> Total() => (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/dashboard/rounds/{code}")).GetProperty("total").GetInt32();

        Assert.Equal(10, await Total());
        var counted = cache.Computed;
        Assert.Equal(10, await Total());
        Assert.Equal(10, await Total());
        Assert.Equal(counted, cache.Computed);

        // One more dossier saved (here straight through the app's database context): the next request counts it.
        var roundId = await app.WithDb(db => db.Rounds.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());
        await Seed(roundId, "CS003", "3.2.5", NominationStatus.Draft, Gender.Female, new DateOnly(1990, 1, 1));
        Assert.Equal(11, await Total());
        Assert.Equal(counted + 1, cache.Computed);
    }
}

[Collection(SqliteApp.Name)]
public sealed class DashboardTests_Sqlite(SqliteAppFactory app) : DashboardTests(app);

[Collection(PostgresApp.Name)]
public sealed class DashboardTests_Postgres(PostgresAppFactory app) : DashboardTests(app);
