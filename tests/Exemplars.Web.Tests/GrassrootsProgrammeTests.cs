using System.Net.Http.Headers;
using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Reports;
using Exemplars.Web.Features.Notifications;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 16 points 1 and 3: grassroots implementation plans (recorded with their file, tracked against a due date,
/// reminded, in the periodic and bloc reports and the dashboard) and grassroots commendations (recorded, counted in the
/// unit's report, promoted to a nomination with their facts), scoped like the rest. The built-in 2021–2025 plan is used so
/// that the demo's current plan stays as other tests expect it.
/// </summary>
public abstract class GrassrootsProgrammeTests(AppFactory app)
{
    private const string Plan = "2021-2025";

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient api, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private DateOnly Today => Exemplars.Web.Infrastructure.VietnamTime.Today(app.Clock);

    private Task<int> UnitOf(string email) => app.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.OrganizationId).SingleAsync());

    [Fact]
    public async Task A_unit_records_its_implementation_plan_with_its_file_and_the_secretariat_tracks_and_reminds_the_others()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var otherClerk = await app.BearerAs("coso2@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var unit = await UnitOf("coso1@demo.vn");
        Task<int> Stored() => app.WithDb(db => db.ImplementationPlans.CountAsync(p => p.OrganizationId == unit && db.Plans.Any(x => x.Id == p.PlanId && x.Code == Plan)));

        var mine = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans/mine?plan={Plan}");
        Assert.Equal(Plan, mine.GetProperty("plan").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("mine").ValueKind);

        // Bad input is refused whole, in Vietnamese, field by field.
        var (bad, problem) = await Send(clerk, HttpMethod.Put, "/api/v1/implementation-plans/mine",
            new { plan = Plan, number = "kế hoạch 12", issuedOn = Date(Today.AddDays(1)), summary = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var errors = problem.GetProperty("errors");
        Assert.Contains("12-KH/ĐU", errors.GetProperty("number")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("không được sau ngày hôm nay", errors.GetProperty("issuedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("summary", out _));
        Assert.Equal(0, await Stored());

        // Recorded; a correction needs the version read (428 without, 409 when stale).
        var issued = Today.AddDays(-3);
        var (ok, created) = await Send(clerk, HttpMethod.Put, "/api/v1/implementation-plans/mine",
            new { plan = Plan, number = "12-KH/ĐU", issuedOn = Date(issued), summary = "Phổ biến kế hoạch đến các chi bộ; mỗi chi bộ phát hiện một gương mỗi năm." });
        Assert.Equal(HttpStatusCode.OK, ok);
        mine = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans/mine?plan={Plan}");
        Assert.Equal("12-KH/ĐU", mine.GetProperty("mine").GetProperty("number").GetString());
        var version = mine.GetProperty("mine").GetProperty("version").GetGuid();
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Send(clerk, HttpMethod.Put, "/api/v1/implementation-plans/mine",
            new { plan = Plan, number = "13-KH/ĐU", issuedOn = Date(issued), summary = "Sửa." })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(clerk, HttpMethod.Put, "/api/v1/implementation-plans/mine",
            new { plan = Plan, number = "13-KH/ĐU", issuedOn = Date(issued), summary = "Sửa.", version = Guid.NewGuid() })).Status);

        // The signed file: a real PDF lands; a program dressed as a PDF does not, and nothing changes.
        async Task<HttpStatusCode> Upload(byte[] content, string fileName, Guid? withVersion)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", fileName);
            form.Add(new StringContent(Plan), "plan");
            form.Add(new StringContent("12-KH/ĐU"), "number");
            form.Add(new StringContent(Date(issued)), "issuedOn");
            form.Add(new StringContent("Phổ biến kế hoạch đến các chi bộ; kèm bản đã ký."), "summary");
            if (withVersion is { } v)
            {
                form.Add(new StringContent(v.ToString()), "version");
            }

            using var response = await clerk.PostAsync("/api/v1/implementation-plans/mine/file", form);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await Upload(SampleFiles.ZipWithProgram(), "ke-hoach.pdf", version));
        Assert.Equal(version, await app.WithDb(db => db.ImplementationPlans.Where(p => p.OrganizationId == unit && db.Plans.Any(x => x.Id == p.PlanId && x.Code == Plan)).Select(p => p.Version).SingleAsync()));
        var pdf = SampleFiles.Pdf("ke-hoach-thuc-hien");
        Assert.Equal(HttpStatusCode.OK, await Upload(pdf, "Kế hoạch 12.pdf", version));
        var planId = await app.WithDb(db => db.ImplementationPlans.Where(p => p.OrganizationId == unit && db.Plans.Any(x => x.Id == p.PlanId && x.Code == Plan)).Select(p => p.Id).SingleAsync());
        Assert.Equal(pdf, await secretariat.GetByteArrayAsync($"/api/v1/implementation-plans/{planId}/file"));
        Assert.Equal(pdf, await clerk.GetByteArrayAsync($"/api/v1/implementation-plans/{planId}/file"));
        using (var peek = await otherClerk.GetAsync($"/api/v1/implementation-plans/{planId}/file"))
        {
            Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode); // another unit's file
        }

        // The secretariat tracks: this unit among those that have, not among those that have not; clerks cannot track.
        var recorded = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans?plan={Plan}&filter=Recorded");
        Assert.Contains(recorded.GetProperty("units").GetProperty("items").EnumerateArray(), u => u.GetProperty("organizationId").GetInt32() == unit && u.GetProperty("number").GetString() == "12-KH/ĐU");
        var missing = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans?plan={Plan}&filter=Missing");
        Assert.DoesNotContain(missing.GetProperty("units").GetProperty("items").EnumerateArray(), u => u.GetProperty("organizationId").GetInt32() == unit);
        var summary = missing.GetProperty("summary");
        Assert.Equal(summary.GetProperty("units").GetInt32() - summary.GetProperty("recorded").GetInt32(), missing.GetProperty("units").GetProperty("total").GetInt32());
        var unitName = await app.WithDb(db => db.Organizations.Where(o => o.Id == unit).Select(o => o.Name).SingleAsync());
        var searched = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans?plan={Plan}&q={Uri.EscapeDataString(Domain.Common.VietnameseText.Fold(unitName).ToUpperInvariant())}");
        Assert.Contains(searched.GetProperty("units").GetProperty("items").EnumerateArray(), u => u.GetProperty("organizationId").GetInt32() == unit);
        using (var forbidden = await clerk.GetAsync($"/api/v1/implementation-plans?plan={Plan}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        // The unit's periodic report of the plan names its implementation plan; the bloc report's draft counts the units.
        var period = await app.WithDb(db => db.ReportingPeriods.Where(p => db.Plans.Any(x => x.Id == p.PlanId && x.Code == Plan)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var report = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{period}/units/{unit}");
        Assert.Equal("12-KH/ĐU", report.GetProperty("implementationPlan").GetProperty("number").GetString());
        var bloc = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{period}/bloc");
        if (!bloc.GetProperty("saved").GetBoolean())
        {
            Assert.Matches(@"\d+/\d+ tổ chức cơ sở đảng đã ban hành kế hoạch thực hiện", bloc.GetProperty("resultsHtml").GetString());
        }

        // The due date: set by the secretariat (not by a clerk); a week ahead, every unit without a plan is reminded, this one not.
        var planVersion = await app.WithDb(db => db.Plans.Where(p => p.Code == Plan).Select(p => p.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(clerk, HttpMethod.Put, $"/api/v1/implementation-plans/due/{Plan}", new { dueOn = "31/12/2097", version = planVersion })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(secretariat, HttpMethod.Put, $"/api/v1/implementation-plans/due/{Plan}", new { dueOn = "2097-12-31", version = planVersion })).Status);
        var (set, _) = await Send(secretariat, HttpMethod.Put, $"/api/v1/implementation-plans/due/{Plan}", new { dueOn = "31/12/2097", version = planVersion });
        Assert.Equal(HttpStatusCode.OK, set);
        try
        {
            app.Clock.SetUtcNow(new DateTimeOffset(2097, 12, 24, 2, 0, 0, TimeSpan.Zero));
            await app.WithScope(sp => sp.GetRequiredService<SendDeadlineReminders.Handler>().Handle(CancellationToken.None));
            var reminded = await app.WithDb(db => db.Notifications.Where(n => n.Text.Contains("kế hoạch thực hiện kế hoạch " + Plan)).Select(n => n.OrganizationId).ToListAsync());
            var without = await app.WithDb(db => db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Grassroots && o.IsActive
                && !db.ImplementationPlans.Any(p => p.OrganizationId == o.Id && db.Plans.Any(x => x.Id == p.PlanId && x.Code == Plan))));
            Assert.DoesNotContain(unit, reminded);
            Assert.Equal(without, reminded.Distinct().Count());
            Assert.Contains("còn 7 ngày (hạn 31/12/2097)", await app.WithDb(db => db.Notifications.Where(n => n.Text.Contains("kế hoạch thực hiện kế hoạch " + Plan)).Select(n => n.Text).FirstAsync()), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Reset();
            var current = await app.WithDb(db => db.Plans.Where(p => p.Code == Plan).Select(p => p.Version).SingleAsync());
            await Send(secretariat, HttpMethod.Put, $"/api/v1/implementation-plans/due/{Plan}", new { dueOn = "31/12/2022", version = current });
        }

        // The pages: the clerk's form, the secretariat's table of units.
        var clerkPage = await (await app.SignedInAs("coso1@demo.vn")).GetStringAsync($"/ImplementationPlans?plan={Plan}");
        Assert.Contains("Đơn vị đã ghi Kế hoạch số", clerkPage, StringComparison.Ordinal);
        var trackerPage = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/ImplementationPlans?plan={Plan}&filter=Recorded");
        Assert.Contains(unitName, trackerPage, StringComparison.Ordinal);
        Assert.Contains("Hạn ban hành kế hoạch thực hiện", trackerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_records_its_commendations_which_count_in_its_report_and_one_is_promoted_to_a_nomination_with_its_facts()
    {
        using var clerk = await app.BearerAs("coso2@demo.vn");
        using var otherClerk = await app.BearerAs("coso3@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var unit = await UnitOf("coso2@demo.vn");
        var (person, stranger) = await app.WithDb(async db =>
        {
            var path = await db.Organizations.Where(o => o.Id == unit).Select(o => o.Path).SingleAsync();
            var own = await db.People.Where(p => p.IsActive && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path))
                    && !db.Nominations.Any(n => n.PersonId == p.Id))
                .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.FullName }).FirstAsync();
            var other = await db.People.Where(p => !db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path))).Select(p => p.Id).FirstAsync();
            return ((own.Id, own.FullName), other);
        });
        var decided = Today.AddDays(-1);
        Task<int> Count() => app.WithDb(db => db.GrassrootsCommendations.CountAsync(c => c.OrganizationId == unit));
        var before = await Count();

        var (bad, problem) = await Send(clerk, HttpMethod.Post, "/api/v1/grassroots-commendations",
            new { kind = "Individual", personId = person.Id, achievements = "", form = "Huân chương", decisionNumber = "số 5", decisionDate = Date(Today.AddDays(2)) });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "achievements", "form", "decisionNumber", "decisionDate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await Send(clerk, HttpMethod.Post, "/api/v1/grassroots-commendations",
            new { kind = "Individual", personId = stranger, achievements = "Thành tích", form = "Giấy khen", decisionNumber = "05-QĐ/ĐU", decisionDate = Date(decided) })).Status);
        Assert.Equal(before, await Count());

        const string achievements = "Hoàn thành xuất sắc nhiệm vụ; sáng kiến số hóa hồ sơ khách hàng được áp dụng toàn đơn vị.";
        var (created, body) = await Send(clerk, HttpMethod.Post, "/api/v1/grassroots-commendations",
            new { kind = "Individual", personId = person.Id, achievements, form = "Giấy khen", decisionNumber = "05-QĐ/ĐU", decisionDate = Date(decided) });
        Assert.Equal(HttpStatusCode.Created, created);
        var commendation = body.GetProperty("id").GetInt32();
        var (namedOnly, _) = await Send(clerk, HttpMethod.Post, "/api/v1/grassroots-commendations",
            new { kind = "Collective", name = "Tổ Bảo vệ =CMD()", achievements = "Bảo đảm an ninh, an toàn tài sản", form = "Biểu dương", decisionNumber = "05-QĐ/ĐU", decisionDate = Date(decided) });
        Assert.Equal(HttpStatusCode.Created, namedOnly);

        // Scope: the unit sees its own, another unit none of them, the secretariat all with the unit's name; search ignores diacritics.
        var own = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/grassroots-commendations?year={decided.Year}");
        Assert.Contains(own.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt32() == commendation);
        var others = await otherClerk.GetFromJsonAsync<JsonElement>("/api/v1/grassroots-commendations");
        Assert.DoesNotContain(others.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt32() == commendation);
        var folded = Domain.Common.VietnameseText.Fold(person.FullName).ToUpperInvariant();
        var all = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/grassroots-commendations?q={Uri.EscapeDataString(folded)}");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt32() == commendation && c.GetProperty("organization").GetString()!.Length > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(otherClerk, HttpMethod.Delete, $"/api/v1/grassroots-commendations/{commendation}?version={Guid.NewGuid()}")).Status);

        // The unit's report of a period holding the decision's day counts it, without anyone typing it.
        var period = await app.WithDb(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Code == Plan);
            var existing = await db.ReportingPeriods.FirstOrDefaultAsync(p => p.PlanId == plan.Id && p.From <= decided && p.To >= decided);
            if (existing is not null)
            {
                return existing.Id;
            }

            var added = new ReportingPeriod { PlanId = plan.Id, Kind = ReportPeriodKind.HalfYear, Year = decided.Year, From = decided.AddDays(-10), To = decided.AddDays(10), Deadline = decided.AddDays(20) };
            db.ReportingPeriods.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        var expected = await app.WithDb(async db =>
        {
            var p = await db.ReportingPeriods.SingleAsync(x => x.Id == period);
            return await db.GrassrootsCommendations.CountAsync(c => c.OrganizationId == unit && c.DecisionDate >= p.From && c.DecisionDate <= p.To);
        });
        var report = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{period}/units/{unit}");
        if (report.GetProperty("status").GetString() == "Draft")
        {
            Assert.True(expected >= 2);
            Assert.Equal(expected, report.GetProperty("figures").GetProperty("commendedGrassroots").GetInt32());
        }

        // Promoted: the dossier starts with the achievements and the commendation received; the commendation points to it.
        var round = await app.WithDb(db => db.Rounds.Where(r => r.Code == "2026-2028").Select(r => r.Code).SingleAsync());
        var (mismatch, mismatchProblem) = await Send(clerk, HttpMethod.Post, "/api/v1/nominations",
            new { round, kind = "Individual", personId = stranger, category = "3.2.5", fromCommendation = commendation });
        Assert.NotEqual(HttpStatusCode.Created, mismatch);
        var (promoted, nomination) = await Send(clerk, HttpMethod.Post, "/api/v1/nominations",
            new { round, kind = "Individual", personId = person.Id, category = "3.2.5", fromCommendation = commendation });
        Assert.Equal(HttpStatusCode.Created, promoted);
        var nominationId = nomination.GetProperty("id").GetInt32();
        var dossier = await app.WithDb(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => new { n.Summary, n.CommendationsReceived }).SingleAsync());
        Assert.Equal(achievements, dossier.Summary);
        Assert.Contains("Giấy khen", dossier.CommendationsReceived, StringComparison.Ordinal);
        Assert.Contains($"Quyết định số 05-QĐ/ĐU ngày {Date(decided)}", dossier.CommendationsReceived, StringComparison.Ordinal);
        Assert.Equal(nominationId, await app.WithDb(db => db.GrassrootsCommendations.Where(c => c.Id == commendation).Select(c => c.NominationId).SingleAsync()));

        // A promoted commendation stays: it cannot be removed nor promoted again.
        var version = await app.WithDb(db => db.GrassrootsCommendations.Where(c => c.Id == commendation).Select(c => c.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Send(clerk, HttpMethod.Delete, $"/api/v1/grassroots-commendations/{commendation}?version={version}")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Send(clerk, HttpMethod.Post, "/api/v1/nominations",
            new { round = "2026-2030", kind = "Individual", personId = person.Id, category = "3.2.5", fromCommendation = commendation })).Status);

        // The other one, recorded by mistake, is removed with its version.
        var named = await app.WithDb(db => db.GrassrootsCommendations.Where(c => c.OrganizationId == unit && c.Name.StartsWith("Tổ Bảo vệ")).Select(c => new { c.Id, c.Version }).SingleAsync());
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Send(clerk, HttpMethod.Delete, $"/api/v1/grassroots-commendations/{named.Id}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(clerk, HttpMethod.Delete, $"/api/v1/grassroots-commendations/{named.Id}?version={named.Version}")).Status);

        // The page offers the promotion and shows where it went.
        var page = await (await app.SignedInAs("coso2@demo.vn")).GetStringAsync("/Commendations");
        Assert.Contains("Đã lập hồ sơ đề nghị", page, StringComparison.Ordinal);
        Assert.Contains("FromCommendation=", page, StringComparison.Ordinal);
        var readers = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/Commendations?q={Uri.EscapeDataString(person.FullName)}");
        Assert.Contains(person.FullName, readers, StringComparison.Ordinal);
    }
}

[Collection(SqliteApp.Name)]
public sealed class GrassrootsProgrammeTests_Sqlite(SqliteAppFactory app) : GrassrootsProgrammeTests(app);

[Collection(PostgresApp.Name)]
public sealed class GrassrootsProgrammeTests_Postgres(PostgresAppFactory app) : GrassrootsProgrammeTests(app);
