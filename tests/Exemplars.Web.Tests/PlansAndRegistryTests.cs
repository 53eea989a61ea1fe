using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

public abstract class PlansAndRegistryTests(AppFactory app)
{
    private async Task<int> PlanId(string code) => await app.WithDb(db => db.Plans.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    /// <summary>
    /// Tests that send dossiers in the shared 2021–2025 round move its deadline ahead of the clock; these tests read the
    /// plan as shipped, so they put the shipped deadline back first (tests of one database run one class at a time).
    /// </summary>
    private Task<int> RestoreShippedDeadline() => app.WithDb(async db =>
    {
        (await db.Rounds.SingleAsync(r => r.Code == "2021-2025")).GrassrootsDeadline = new DateOnly(2025, 3, 30);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Built_in_plan_is_served_with_rounds_categories_and_criteria()
    {
        await RestoreShippedDeadline();
        using var api = await app.BearerAs("tgdv@demo.vn");
        using var doc = JsonDocument.Parse(await api.GetStringAsync("/api/v1/plans/2021-2025"));
        var plan = doc.RootElement;
        Assert.True(plan.GetProperty("isBuiltIn").GetBoolean());
        var rounds = plan.GetProperty("rounds").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal("2025-03-30", rounds["2021-2025"].GetProperty("grassrootsDeadline").GetString());
        Assert.Equal("2023-03-30", rounds["2021-2023"].GetProperty("grassrootsDeadline").GetString());
        Assert.Equal(2, rounds["2021-2025"].GetProperty("minExcellentYears").GetInt32());
        Assert.Equal(7, plan.GetProperty("categories").GetArrayLength());

        var admin = await app.SignedInAs("admin@demo.vn");
        var html = await admin.GetStringAsync($"/Plans/Details/{await PlanId("2021-2025")}");
        Assert.Contains("30/03/2025", html, StringComparison.Ordinal);
        Assert.Contains("19/05/2023", html, StringComparison.Ordinal);
        Assert.Contains("Đối với học sinh, sinh viên là những gương tiêu biểu ham học hỏi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_clones_the_plan_into_the_next_term_and_edits_a_round()
    {
        const int start = 2036; // the demo already has 2026–2030 (the current plan) and another test clones 2031–2035
        const string code = "2036-2040";
        await RestoreShippedDeadline();

        var admin = await app.SignedInAs("admin@demo.vn");
        var source = await PlanId("2021-2025");
        using var cloned = await Forms.SubmitAsync(admin, $"/Plans/Details/{source}", new Dictionary<string, string> { ["code"] = code, ["name"] = $"Kế hoạch giai đoạn {code}" }, "form[action*='Clone']");
        Assert.Equal(HttpStatusCode.Redirect, cloned.StatusCode);
        var plan = await app.WithDb(db => db.Plans.Include(p => p.Rounds).Include(p => p.Criteria).SingleAsync(p => p.Code == code));
        var final = plan.Rounds.Single(r => r.Code == $"{start}-{start + 4}");
        Assert.Equal(new DateOnly(start + 4, 3, 30), final.GrassrootsDeadline);
        Assert.Equal(start + 3, final.LastRatingYear);
        Assert.Contains(plan.Rounds, r => r.Code == $"{start}-{start + 2}");
        Assert.Equal(await app.WithDb(db => db.Criteria.CountAsync(c => c.PlanId == source && c.RetiredInVersion == null)), plan.Criteria.Count);

        using var bad = await Forms.SubmitAsync(admin, $"/Plans/EditRound/{final.Id}", new Dictionary<string, string> { ["Input.CeremonyDate"] = $"{start + 4}-01-01" });
        Assert.Contains("Ngày tuyên dương phải sau hạn nộp của cơ sở.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var opened = await Forms.GetDocumentAsync(admin, $"/Plans/EditRound/{final.Id}");
        using var good = await Forms.SubmitAsync(admin, $"/Plans/EditRound/{final.Id}", new Dictionary<string, string> { ["Input.QuotaIndividuals"] = "7" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(7, await app.WithDb(db => db.Rounds.Where(r => r.Id == final.Id).Select(r => r.QuotaIndividuals).SingleAsync()));

        // A second administrator's page, opened before that edit, does not overwrite it.
        using var stale = await Forms.SubmitAsync(admin, $"/Plans/EditRound/{final.Id}", (AngleSharp.Html.Dom.IHtmlFormElement)opened.QuerySelector("main form")!, new Dictionary<string, string> { ["Input.QuotaCollectives"] = "9" });
        Assert.Contains("Đợt bình xét này vừa được người khác sửa", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var kept = await app.WithDb(db => db.Rounds.Where(r => r.Id == final.Id).Select(r => new { r.QuotaIndividuals, r.QuotaCollectives }).SingleAsync());
        Assert.Equal((7, final.QuotaCollectives), (kept.QuotaIndividuals, kept.QuotaCollectives));

        using var again = await Forms.SubmitAsync(admin, $"/Plans/Details/{source}", new Dictionary<string, string> { ["code"] = code, ["name"] = "Trùng" }, "form[action*='Clone']");
        Assert.Contains($"Đã có kế hoạch mã {code}", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Criteria_edit_in_place_until_a_round_is_frozen_then_a_new_version_keeps_the_old_text()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var source = await PlanId("2021-2025");
        const string code = "2031-2035";
        using (await Forms.SubmitAsync(admin, $"/Plans/Details/{source}", new Dictionary<string, string> { ["code"] = code, ["name"] = "Kế hoạch thử tiêu chí" }, "form[action*='Clone']"))
        {
        }

        var planId = await PlanId(code);
        async Task Edit(string text)
        {
            var page = await Forms.GetDocumentAsync(admin, $"/Plans/Details/{planId}");
            var form = page.QuerySelectorAll("form[action*='Criterion']").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.QuerySelector("input[name=code]")!.GetAttribute("value") == "3.2.3.2");
            using var response = await Forms.SubmitAsync(admin, $"/Plans/Details/{planId}", form, new Dictionary<string, string> { ["text"] = text });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await Edit("Là những nhân tố tích cực trong công tác phòng, chống dịch bệnh (sửa lần 1).");
        var inPlace = await app.WithDb(db => db.Criteria.Where(c => c.PlanId == planId && c.Code == "3.2.3.2").ToListAsync());
        Assert.Equal("Là những nhân tố tích cực trong công tác phòng, chống dịch bệnh (sửa lần 1).", Assert.Single(inPlace).Text);

        await app.WithDb(async db =>
        {
            var round = await db.Rounds.Where(r => r.PlanId == planId).OrderBy(r => r.LastRatingYear).FirstAsync();
            round.CriteriaFrozen = true;
            return await db.SaveChangesAsync();
        });
        await Edit("Sửa lần 2 sau khi đã có hồ sơ.");
        var versions = await app.WithDb(db => db.Criteria.Where(c => c.PlanId == planId && c.Code == "3.2.3.2").OrderBy(c => c.Version).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal(2, versions[0].RetiredInVersion);
        Assert.Equal("Sửa lần 2 sau khi đã có hồ sơ.", versions[1].Text);
        var rounds = await app.WithDb(db => db.Rounds.Where(r => r.PlanId == planId).OrderBy(r => r.LastRatingYear).ToListAsync());
        Assert.Equal(1, rounds[0].CriteriaVersion);
        Assert.Equal(2, rounds[1].CriteriaVersion);
    }

    [Fact]
    public async Task Only_admins_change_plans()
    {
        var clerk = await app.SignedInAs("tgdv@demo.vn");
        var source = await PlanId("2021-2025");
        var page = await Forms.GetDocumentAsync(clerk, $"/Plans/Details/{source}");
        Assert.Null(page.QuerySelector("form[action*='Clone']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await Forms.GetDocumentAsync(clerk, "/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "2091-2095", ["name"] = "x", ["__RequestVerificationToken"] = token });
        using var post = await clerk.PostAsync($"/Plans/Details/{source}?handler=Clone", content);
        Assert.Contains("/Account/AccessDenied", post.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Plans.AnyAsync(p => p.Code == "2091-2095")));
        using var round = await clerk.GetAsync("/Plans/EditRound/1");
        Assert.Contains("/Account/AccessDenied", round.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clerk_adds_a_person_records_ratings_and_sees_the_verdict_explained()
    {
        var clerk = await app.SignedInAs("coso2@demo.vn");
        var code = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using var created = await Forms.SubmitAsync(clerk, "/People/Edit", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.FullName"] = "Đoàn Thị Quỳnh Như", ["Input.BirthDate"] = "1985-04-12", ["Input.Gender"] = "Female",
            ["Input.Ethnicity"] = "Kinh", ["Input.Position"] = "Phó Trưởng phòng", ["Input.OrganizationCode"] = "CS002",
            ["Input.IsPartyMember"] = "true", ["Input.PartyJoinYear"] = "2012", ["Input.FieldCategoryCode"] = "3.2.5",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (year, rating) in new[] { (2021, "Excellent"), (2022, "Good"), (2023, "Excellent"), (2024, "Good") })
        {
            using var r = await Forms.SubmitAsync(clerk, $"/People/Details/{id}", new Dictionary<string, string> { ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["rating"] = rating }, "form[action*='Rating']");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        var page = Forms.Parse(await clerk.GetStringAsync($"/People/Details/{id}"));
        var final = page.QuerySelector("[data-testid='eligibility-2021-2025']")!.TextContent;
        Assert.Contains("có 2 năm hoàn thành xuất sắc nhiệm vụ (yêu cầu ít nhất 2)", final, StringComparison.Ordinal);
        Assert.Contains("Chưa có cam kết thành viên trong gia đình", final, StringComparison.Ordinal);
        Assert.Contains("Chưa đủ dữ liệu để kết luận", final, StringComparison.Ordinal);

        using var weak = await Forms.SubmitAsync(clerk, $"/People/Details/{id}", new Dictionary<string, string> { ["year"] = "2022", ["rating"] = "Completed" }, "form[action*='Rating']");
        var after = Forms.Parse(await clerk.GetStringAsync($"/People/Details/{id}")).QuerySelector("[data-testid='eligibility-2021-2025']")!.TextContent;
        Assert.Contains("Không đủ điều kiện", after, StringComparison.Ordinal);

        using var beforeJoin = await Forms.SubmitAsync(clerk, $"/People/Details/{id}", new Dictionary<string, string> { ["year"] = "2010", ["rating"] = "Good" }, "form[action*='Rating']");
        Assert.Contains("trước năm vào Đảng", await beforeJoin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var list = await clerk.GetStringAsync("/People?search=doan%20thi%20quynh");
        Assert.Contains("Đoàn Thị Quỳnh Như", list, StringComparison.Ordinal);
        var other = await app.SignedInAs("coso3@demo.vn");
        using var hidden = await other.GetAsync($"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("Đoàn Thị Quỳnh Như", await other.GetStringAsync("/People?search=doan%20thi%20quynh"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discipline_in_the_review_period_makes_a_person_ineligible_until_removed()
    {
        var clerk = await app.SignedInAs("coso4@demo.vn");
        var id = await app.WithDb(db => db.People.Where(p => p.Organization!.Code == "CS004" && p.Disciplines.Count == 0).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        using var added = await Forms.SubmitAsync(clerk, $"/People/Details/{id}", new Dictionary<string, string> { ["year"] = "2023", ["form"] = "Khiển trách" }, "form[action*='handler=Discipline']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = Forms.Parse(await clerk.GetStringAsync($"/People/Details/{id}"));
        var final = page.QuerySelector("[data-testid='eligibility-2021-2025']")!.TextContent;
        Assert.Contains("Bị kỷ luật năm 2023, trong thời gian bình xét 2021–2025.", final, StringComparison.Ordinal);
        Assert.Contains("Không đủ điều kiện", final, StringComparison.Ordinal);

        using var empty = await Forms.SubmitAsync(clerk, $"/People/Details/{id}", new Dictionary<string, string> { ["year"] = "2023", ["form"] = "" }, "form[action*='handler=Discipline']");
        Assert.Contains("Hãy ghi hình thức kỷ luật", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var removed = await Forms.SubmitAsync(clerk, $"/People/Details/{id}", new Dictionary<string, string>(), "form[action*='RemoveDiscipline']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDb(db => db.DisciplineRecords.AnyAsync(d => d.PersonId == id)));
    }

    [Fact]
    public async Task Person_form_refuses_bad_input_in_Vietnamese()
    {
        var clerk = await app.SignedInAs("coso2@demo.vn");
        var code = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using var response = await Forms.SubmitAsync(clerk, "/People/Edit", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.FullName"] = "", ["Input.OrganizationCode"] = "CS003",
            ["Input.IsPartyMember"] = "true", ["Input.PartyJoinYear"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Họ và tên không được để trống.", html, StringComparison.Ordinal);
        Assert.Contains("Đảng viên phải có năm vào Đảng.", html, StringComparison.Ordinal);
        Assert.Contains("Không có tổ chức mã CS003 trong phạm vi của đồng chí.", html, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.People.AnyAsync(p => p.Code == code)));
    }

    [Fact]
    public async Task Units_and_mass_organisations_record_discovered_and_nurtured_exemplars_in_their_own_scope()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var youth = await app.BearerAs("doankhoi@demo.vn");
        using var other = await app.BearerAs("coso2@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var person = await app.WithDb(db => db.People.Where(p => p.Organization!.Code == "CS001").Select(p => p.Id).FirstAsync());
        var foreign = await app.WithDb(db => db.People.Where(p => p.Organization!.Code == "CS002").Select(p => p.Id).FirstAsync());
        async Task<(HttpStatusCode Status, int Id)> Record(HttpClient client, object body)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/discovered", body);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32() : 0);
        }

        var (ok, id) = await Record(clerk, new { kind = "Individual", personId = person, achievements = "Sáng kiến số hóa kho lưu trữ." });
        Assert.Equal(HttpStatusCode.Created, ok);
        Assert.Equal(HttpStatusCode.BadRequest, (await Record(clerk, new { kind = "Individual", personId = foreign, achievements = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Record(clerk, new { kind = "Collective", name = "", achievements = "" })).Status);
        var (youthOk, _) = await Record(youth, new { kind = "Individual", name = "Đoàn viên Trần Minh Khang", unit = "Chi đoàn Sở Y tế", achievements = "Hiến máu 15 lần." });
        Assert.Equal(HttpStatusCode.Created, youthOk);
        Assert.Equal(HttpStatusCode.Forbidden, (await Record(secretariat, new { kind = "Individual", name = "x", achievements = "y" })).Status);

        using (var foreignNurture = await other.PostAsJsonAsync($"/api/v1/discovered/{id}/nurture", new { note = "Không phải của tôi" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreignNurture.StatusCode);
        }

        using (var unversioned = await clerk.PostAsJsonAsync($"/api/v1/discovered/{id}/nurture", new { note = "Cử đi tập huấn chuyển đổi số." }))
        {
            Assert.Equal((HttpStatusCode)428, unversioned.StatusCode);
        }

        var read = (await clerk.GetFromJsonAsync<JsonElement>("/api/v1/discovered?pageSize=200")).GetProperty("items").EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == id).GetProperty("version").GetGuid();
        using (var nurtured = await clerk.PostAsJsonAsync($"/api/v1/discovered/{id}/nurture", new { note = "Cử đi tập huấn chuyển đổi số.", version = read }))
        {
            Assert.Equal(HttpStatusCode.NoContent, nurtured.StatusCode);
        }

        // A second note written from the same reading would overwrite the first unseen: refused.
        using (var stale = await clerk.PostAsJsonAsync($"/api/v1/discovered/{id}/nurture", new { note = "Ghi đè.", version = read }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var own = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/discovered?stage=Nurtured");
        Assert.Contains(own.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetInt32() == id);
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/discovered");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetInt32() == id);
        var bloc = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/discovered?pageSize=200");
        Assert.Contains(bloc.GetProperty("items").EnumerateArray(), d => d.GetProperty("name").GetString() == "Đoàn viên Trần Minh Khang");
        var page = Forms.Parse(await (await app.SignedInAs("coso1@demo.vn")).GetStringAsync("/Discovery"));
        Assert.NotNull(page.QuerySelector($"a[href='/Nominations/Create?Kind=Individual&PersonId={person}']"));
    }

    [Fact]
    public async Task Suggestions_list_only_candidates_whose_checkable_rules_pass()
    {
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var page = Forms.Parse(await secretariat.GetStringAsync("/Eligibility/Suggestions?round=2021-2025&kind=Individual"));
        var rows = page.QuerySelectorAll("table[data-testid=suggestions] tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("Cá nhân", r, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("Không đạt", StringComparison.Ordinal) || r.Contains("Chưa có xếp loại", StringComparison.Ordinal));

        var clerk = await app.SignedInAs("coso4@demo.vn");
        var own = Forms.Parse(await clerk.GetStringAsync("/Eligibility/Suggestions?round=2021-2025"));
        Assert.All(own.QuerySelectorAll("table[data-testid=suggestions] tbody tr td:nth-child(3)").Select(td => td.TextContent),
            t => Assert.Contains("Công ty Điện lực tỉnh", t, StringComparison.Ordinal));
    }
}

[Collection(SqliteApp.Name)]
public sealed class PlansAndRegistryTests_Sqlite(SqliteAppFactory app) : PlansAndRegistryTests(app);

[Collection(PostgresApp.Name)]
public sealed class PlansAndRegistryTests_Postgres(PostgresAppFactory app) : PlansAndRegistryTests(app);
