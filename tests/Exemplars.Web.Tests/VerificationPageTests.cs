using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>Issue 12 points 7 and 8: verification of a dossier on one page; the 3.2.1 branch decides which criteria apply.</summary>
public abstract class VerificationPageTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly byte[] Pdf = SampleFiles.Pdf();
    private static readonly byte[] Png = SampleFiles.Png();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private Task<int> NewPerson(string unitCode, string category) => app.WithDb(async db =>
    {
        var unit = await db.Organizations.SingleAsync(o => o.Code == unitCode);
        var code = "V" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var person = new Person { Code = code, FullName = "Trần Thị Kiểm " + code[..4], SearchName = code.ToLowerInvariant(), OrganizationId = unit.Id, IsPartyMember = true, PartyJoinYear = 2008, FieldCategoryCode = category };
        person.Ratings.AddRange(Enumerable.Range(2021, 6).Select(y => new PersonRating { Year = y, Rating = Rating.Excellent }));
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    private async Task Fill(HttpClient clerk, int id, string evidenceCriterion)
    {
        using (var put = await clerk.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            summary = "Thành tích tiêu biểu năm 2026.", minutesDate = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            membersTotal = 9, membersPresent = 9, votesAgree = 9, votesDisagree = 0, votesAbstain = 0, familyLawAttested = true,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        foreach (var (name, bytes, criterion) in new[] { ("bb.png", Png, "minutes"), ("mc.pdf", Pdf, evidenceCriterion) })
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", name);
            form.Add(new StringContent(criterion), "criterionCode");
            using var upload = await clerk.PostAsync($"/api/v1/nominations/{id}/evidence", form);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }
    }

    /// <summary>A dossier sent in the demo's current round (open today, no extension needed).</summary>
    private async Task<int> Sent(HttpClient clerk)
    {
        var personId = await NewPerson("CS001", "3.2.5");
        using var created = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2026-2028", kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetInt32();
        await Fill(clerk, id, "3.2.5.1");
        using var sent = await clerk.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return id;
    }

    private static Dictionary<string, string> Answers(AngleSharp.Html.Dom.IHtmlDocument page, Func<int, (string? Result, string? Note)> answer, string outcome)
    {
        var values = new Dictionary<string, string> { ["outcome"] = outcome };
        var count = page.QuerySelectorAll("[data-testid=criterion]").Length;
        for (var i = 0; i < count; i++)
        {
            var (result, note) = answer(i);
            values[$"Entries[{i}].Result"] = result ?? string.Empty; // (the test form helper would otherwise send every radio's value)

            values[$"Entries[{i}].Note"] = note ?? string.Empty;
        }

        return values;
    }

    [Fact]
    public async Task Criteria_are_named_from_the_plan_and_the_sent_files_open_beside_them_for_the_secretariat_only()
    {
        using var clerkApi = await app.BearerAs("coso1@demo.vn");
        var id = await Sent(clerkApi);
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var page = await Forms.GetDocumentAsync(secretariat, $"/Review/Verify/{id}");

        var criteria = page.QuerySelectorAll("[data-testid=criterion]").ToList();
        var names = criteria.Select(c => c.QuerySelector("[data-testid=criterion-name]")!.TextContent.Trim()).ToList();
        Assert.DoesNotContain(names, n => System.Text.RegularExpressions.Regex.IsMatch(n, @"^Tiêu chí \d"));
        Assert.True(names.Contains("Hàng năm hoàn thành xuất sắc nhiệm vụ"), string.Join(" | ", names));
        var groups = criteria.Select(c => c.QuerySelector("[data-testid=criterion-group]")?.TextContent.Trim()).ToList();
        Assert.Contains("Tiêu chí chung", groups);
        Assert.All(groups, Assert.NotNull);
        Assert.Contains(groups, g => g is not null && g.StartsWith("Tiêu chí cụ thể – Trong các cơ quan hành chính Nhà nước", StringComparison.Ordinal));

        // The sending's files, exactly as sent: all of them above the criteria, each criterion's own beside it.
        var sentLinks = page.QuerySelectorAll("[data-testid=verify-sent-file]").Select(a => (Name: a.TextContent, Href: a.GetAttribute("href")!)).ToList();
        Assert.Equal(["bb.png", "mc.pdf"], sentLinks.Select(l => l.Name).Order().ToList());
        var first = criteria[names.IndexOf("Hàng năm hoàn thành xuất sắc nhiệm vụ")];
        var beside = Assert.Single(first.QuerySelectorAll("[data-testid=criterion-files] a"));
        Assert.Equal("mc.pdf", beside.TextContent);
        var href = beside.GetAttribute("href")!;
        Assert.Equal(sentLinks.Single(l => l.Name == "mc.pdf").Href, href);
        Assert.StartsWith($"/Nominations/SentFiles/{id}", href, StringComparison.Ordinal);
        using (var download = await secretariat.GetAsync(href))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        // The download stays scope-checked: another unit's clerk and a ballot member get nothing; the page is the secretariat's.
        using (var foreign = await (await app.SignedInAs("coso2@demo.vn")).GetAsync(href))
        {
            Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
        }

        var member = await app.SignedInAs("btv1@demo.vn");
        using (var memberFile = await member.GetAsync(href))
        {
            Assert.NotEqual(HttpStatusCode.OK, memberFile.StatusCode);
        }

        using (var memberPage = await member.GetAsync($"/Review/Verify/{id}"))
        {
            Assert.NotEqual(HttpStatusCode.OK, memberPage.StatusCode);
        }
    }

    [Fact]
    public async Task Every_criterion_is_judged_on_one_page_saved_together_kept_after_acceptance_and_shown_to_the_clerk()
    {
        using var clerkApi = await app.BearerAs("coso1@demo.vn");
        var id = await Sent(clerkApi);
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var url = $"/Review/Verify/{id}";

        var page = await Forms.GetDocumentAsync(secretariat, url);
        var criteria = page.QuerySelectorAll("[data-testid=criterion]");
        Assert.True(criteria.Length >= 3, "chung, cụ thể và đảng viên");
        Assert.All(criteria, c => Assert.Equal(3, c.QuerySelectorAll("input[type=radio]").Length));
        Assert.Empty(page.QuerySelectorAll("[data-testid=criterion] input[type=radio][checked]"));
        Assert.DoesNotContain("3.2.5.1", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await Forms.GetDocumentAsync(secretariat, $"/Nominations/Details/{id}")).QuerySelector("[data-testid=verify-link]"));

        // One criterion left unanswered, one "Cần bổ sung" without a note: refused, nothing saved.
        using (var partial = await Forms.SubmitAsync(secretariat, url, Answers(page, i => i == 0 ? (null, null) : i == 1 ? ("NeedsMore", null) : ("Pass", null), "Saved"), "[data-testid=verify-form]"))
        {
            Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
            var html = await partial.Content.ReadAsStringAsync();
            Assert.Contains("Chưa chọn kết quả cho tiêu chí", html, StringComparison.Ordinal);
            Assert.Contains("hãy ghi nhận xét", html, StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDb(db => db.VerificationItems.CountAsync(v => v.NominationId == id)));
        Assert.Equal(0, await app.WithDb(db => db.VerificationRecords.CountAsync(v => v.NominationId == id)));

        // Accepting with a criterion not passed is refused, as a whole.
        using (var refused = await Forms.SubmitAsync(secretariat, url, Answers(page, i => i == 1 ? ("NeedsMore", "Thiếu quyết định công nhận sáng kiến.") : ("Pass", null), "Accepted"), "[data-testid=verify-form]"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Chỉ tiếp nhận được khi mọi tiêu chí đều Đạt", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDb(db => db.VerificationItems.CountAsync(v => v.NominationId == id)));

        // Returned with the note, in one post.
        using (var returned = await Forms.SubmitAsync(secretariat, url, Answers(page, i => i == 1 ? ("NeedsMore", "Thiếu quyết định công nhận sáng kiến.") : ("Pass", null), "Returned"), "[data-testid=verify-form]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        Assert.Equal(NominationStatus.Returned, await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()));
        Assert.Equal(criteria.Length, await app.WithDb(db => db.VerificationItems.CountAsync(v => v.NominationId == id)));

        // The clerk sees what to fix.
        var clerk = await app.SignedInAs("coso1@demo.vn");
        var details = await Forms.GetDocumentAsync(clerk, $"/Nominations/Details/{id}");
        Assert.Contains("Thiếu quyết định công nhận sáng kiến.", details.QuerySelector("[data-testid=return-notes]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cần bổ sung", details.QuerySelector("[data-testid=verification-history]")!.TextContent, StringComparison.Ordinal);
        using (var forbidden = await clerk.GetAsync(url))
        {
            Assert.Contains("/Account/AccessDenied", forbidden.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        // Sent again: nothing pre-selected, the earlier result shown as history; all Đạt and accepted in one post.
        using (var again = await clerkApi.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        page = await Forms.GetDocumentAsync(secretariat, url);
        Assert.Empty(page.QuerySelectorAll("[data-testid=criterion] input[type=radio][checked]"));
        Assert.Contains("Lần gửi trước: Cần bổ sung", page.QuerySelector("[data-testid=verify-form]")!.TextContent, StringComparison.Ordinal);
        using (var accepted = await Forms.SubmitAsync(secretariat, url, Answers(page, _ => ("Pass", null), "Accepted"), "[data-testid=verify-form]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        Assert.Equal(NominationStatus.Verified, await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()));
        var history = (await Forms.GetDocumentAsync(secretariat, $"/Nominations/Details/{id}")).QuerySelector("[data-testid=verification-history]")!.TextContent;
        Assert.Contains("Lần gửi 2", history, StringComparison.Ordinal);
        Assert.Contains("tiếp nhận", history, StringComparison.Ordinal);
        Assert.Contains("Lần gửi 1", history, StringComparison.Ordinal);
        Assert.Contains("Thiếu quyết định công nhận sáng kiến.", history, StringComparison.Ordinal);
        Assert.Contains("Kết quả thẩm định", (await Forms.GetDocumentAsync(clerk, $"/Nominations/Details/{id}")).QuerySelector("[data-testid=verification-history]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secretariat_opens_public_comment_on_picked_verified_candidates_and_closes_it_from_the_page()
    {
        using var clerkApi = await app.BearerAs("coso1@demo.vn");
        var id = await Sent(clerkApi);
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var verify = await Forms.GetDocumentAsync(secretariat, $"/Review/Verify/{id}");
        using (var accepted = await Forms.SubmitAsync(secretariat, $"/Review/Verify/{id}", Answers(verify, _ => ("Pass", null), "Accepted"), "[data-testid=verify-form]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var name = await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.NomineeName).SingleAsync());
        var page = await Forms.GetDocumentAsync(secretariat, "/PublicComments/Periods?Round=2026-2028");
        Assert.Contains(name, page.QuerySelector("[data-testid=open-form]")!.TextContent, StringComparison.Ordinal);
        using (var none = await Forms.SubmitAsync(secretariat, "/PublicComments/Periods?Round=2026-2028", new Dictionary<string, string>(), "[data-testid=open-form]"))
        {
            Assert.Equal(HttpStatusCode.OK, none.StatusCode);
            Assert.Contains("Hãy chọn các hồ sơ đã thẩm định", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var opened = await Forms.SubmitAsync(secretariat, "/PublicComments/Periods?Round=2026-2028", new Dictionary<string, string> { ["NominationIds"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "[data-testid=open-form]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        var anonymous = app.CreateClient();
        Assert.Contains(name, await anonymous.GetStringAsync("/PublicComments/Candidates"), StringComparison.Ordinal);
        page = await Forms.GetDocumentAsync(secretariat, "/PublicComments/Periods?Round=2026-2028");
        var row = page.QuerySelectorAll("[data-testid=periods] tbody tr").First(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains("Đang lấy ý kiến", row.TextContent, StringComparison.Ordinal);
        var close = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!;
        using (var closed = await Forms.SubmitAsync(secretariat, "/PublicComments/Periods?Round=2026-2028", close, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }

        Assert.DoesNotContain(name, await anonymous.GetStringAsync("/PublicComments/Candidates"), StringComparison.Ordinal);
        using var byClerk = await (await app.SignedInAs("coso1@demo.vn")).GetAsync("/PublicComments/Periods");
        Assert.Contains("/Account/AccessDenied", byClerk.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extensions_are_granted_by_picking_units_from_a_searchable_paged_list()
    {
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var first = await Forms.GetDocumentAsync(secretariat, "/Nominations/Extensions?Round=2021-2023");
        var second = await Forms.GetDocumentAsync(secretariat, "/Nominations/Extensions?Round=2021-2023&page=2");
        static List<string> Units(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelectorAll("[data-testid=units] tbody label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(20, Units(first).Count);
        Assert.NotEmpty(Units(second));
        Assert.Empty(Units(first).Intersect(Units(second)));
        var hospitals = Units(await Forms.GetDocumentAsync(secretariat, "/Nominations/Extensions?Round=2021-2023&q=benh+vien"));
        Assert.NotEmpty(hospitals);
        Assert.All(hospitals, h => Assert.Contains("Bệnh viện", h, StringComparison.Ordinal));

        using (var nothing = await Forms.SubmitAsync(secretariat, "/Nominations/Extensions?Round=2021-2023&q=benh+vien", new Dictionary<string, string> { ["Until"] = "2023-05-01", ["Reason"] = "Thiếu hồ sơ." }, "[data-testid=grant-form]"))
        {
            Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
            Assert.Contains("Hãy chọn ít nhất một tổ chức cơ sở đảng.", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var form = (await Forms.GetDocumentAsync(secretariat, "/Nominations/Extensions?Round=2021-2023&q=benh+vien")).QuerySelector("[data-testid=grant-form]") as AngleSharp.Html.Dom.IHtmlFormElement;
        var picked = form!.QuerySelectorAll("input[name=OrganizationIds]").Take(2).Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var content = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Round", "2021-2023"), new("OrganizationIds", picked[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("OrganizationIds", picked[1].ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Until", "2023-05-02"), new("Reason", "Đơn vị đang bổ sung minh chứng."),
        ]);
        using (var granted = await secretariat.PostAsync("/Nominations/Extensions", content))
        {
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        }

        var round = await app.WithDb(db => db.Rounds.Where(r => r.Code == "2021-2023").Select(r => r.Id).SingleAsync());
        Assert.Equal(2, await app.WithDb(db => db.DeadlineExtensions.CountAsync(x => x.RoundId == round && picked.Contains(x.OrganizationId) && x.Until == new DateOnly(2023, 5, 2))));
        Assert.Contains("02/05/2023", (await Forms.GetDocumentAsync(secretariat, "/Nominations/Extensions?Round=2021-2023&q=benh+vien")).QuerySelector("[data-testid=units]")!.TextContent, StringComparison.Ordinal);
        using var byClerk = await (await app.SignedInAs("coso1@demo.vn")).GetAsync("/Nominations/Extensions");
        Assert.Contains("/Account/AccessDenied", byClerk.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "3.2.1.a.", "3.2.1.b.")]
    [InlineData(false, "3.2.1.b.", "3.2.1.a.")]
    public async Task The_chosen_3_2_1_branch_alone_applies_in_eligibility_and_verification(bool businessLeader, string applies, string excluded)
    {
        using var clerk = await app.BearerAs("coso4@demo.vn");
        var personId = await NewPerson("CS004", "3.2.1");
        using (var missing = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2026-2028", kind = "Individual", personId, category = "3.2.1" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("doanh nhân, người đứng đầu doanh nghiệp", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var created = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2026-2028", kind = "Individual", personId, category = "3.2.1", businessLeader });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetInt32();
        var codes = (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{id}")).GetProperty("judgementCriteria").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        Assert.Contains(codes, c => c.StartsWith(applies, StringComparison.Ordinal));
        Assert.DoesNotContain(codes, c => c.StartsWith(excluded, StringComparison.Ordinal));

        // The unit may change the choice on the dossier's page while it is editable; the criteria follow.
        var clerkPages = await app.SignedInAs("coso4@demo.vn");
        foreach (var choice in new[] { !businessLeader, businessLeader })
        {
            using var changed = await Forms.SubmitAsync(clerkPages, $"/Nominations/Details/{id}", new Dictionary<string, string> { ["businessLeader"] = choice ? "true" : "false" }, "[data-testid=branch-form]");
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            var now = (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{id}")).GetProperty("judgementCriteria").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
            Assert.Contains(now, c => c.StartsWith(choice == businessLeader ? applies : excluded, StringComparison.Ordinal));
            Assert.DoesNotContain(now, c => c.StartsWith(choice == businessLeader ? excluded : applies, StringComparison.Ordinal));
        }

        await Fill(clerk, id, codes.First(c => c.StartsWith(applies, StringComparison.Ordinal)));
        using (var sent = await clerk.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var page = await Forms.GetDocumentAsync(secretariat, $"/Review/Verify/{id}");
        Assert.Equal(codes.Count, page.QuerySelectorAll("[data-testid=criterion]").Length);
        using var accepted = await Forms.SubmitAsync(secretariat, $"/Review/Verify/{id}", Answers(page, _ => ("Pass", null), "Accepted"), "[data-testid=verify-form]");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(NominationStatus.Verified, await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()));
    }
}

[Collection(SqliteApp.Name)]
public sealed class VerificationPageTests_Sqlite(SqliteAppFactory app) : VerificationPageTests(app);

[Collection(PostgresApp.Name)]
public sealed class VerificationPageTests_Postgres(PostgresAppFactory app) : VerificationPageTests(app);
