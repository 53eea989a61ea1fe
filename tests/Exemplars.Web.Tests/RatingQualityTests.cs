using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 16 point 5 (ADR 026): the optional 100-point score of 366-QĐ/TW, the warning (never a refusal) where a grassroots
/// organisation's excellent ratings exceed 20 % of its good ones — on import, on entry, in a scoped list — and the
/// regulation of each year named in the eligibility explanation.
/// </summary>
public abstract class RatingQualityTests(AppFactory app)
{
    private static readonly string[] Headers = ["Mã người hoặc mã tổ chức", "Đối tượng xếp loại", "Năm", "Xếp loại", "Điểm"];

    /// <summary>A grassroots organisation of its own (with a sub-unit, party members in both and its own clerk), so counts are exact.</summary>
    private sealed record Unit(int Id, string Code, string Name, string ClerkEmail, IReadOnlyList<(int Id, string Code)> Members);

    private async Task<Unit> NewUnit(int members)
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var code = "QL" + tag;
        var name = $"Đảng bộ Công ty Thử nghiệm {tag}";
        var email = $"ql{tag.ToLowerInvariant()}@demo.vn";
        var id = await app.WithScope(async services =>
        {
            var db = services.GetRequiredService<Exemplars.Web.Infrastructure.Data.AppDbContext>();
            var bloc = await db.Organizations.SingleAsync(o => o.Kind == OrganizationKind.BlocCommittee);
            var grassroots = Organization.Create(new OrganizationDraft(code, name, OrganizationKind.Grassroots, HostUnitType.StateEnterprise, bloc.Code), bloc).Value;
            db.Organizations.Add(grassroots);
            await db.SaveChangesAsync();
            grassroots.AssignPath();
            await db.SaveChangesAsync();
            var sub = Organization.Create(new OrganizationDraft(code + "-01", $"Chi bộ Phân xưởng {tag}", OrganizationKind.SubUnit, null, code), grassroots).Value;
            db.Organizations.Add(sub);
            await db.SaveChangesAsync();
            sub.AssignPath();
            for (var i = 0; i < members; i++)
            {
                var full = $"Đảng viên Thử {tag} {i:00}";
                db.People.Add(new Person
                {
                    Code = $"{code}P{i:00}", FullName = full, SearchName = Domain.Common.VietnameseText.Fold(full),
                    OrganizationId = i % 2 == 0 ? grassroots.Id : sub.Id, IsPartyMember = true, PartyJoinYear = 2010,
                });
            }

            await db.SaveChangesAsync();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, FullName = "Cán bộ Thử " + tag, SearchName = "can bo thu " + tag.ToLowerInvariant(),
                Role = Roles.GrassrootsClerk, OrganizationId = grassroots.Id, LockoutEnabled = true, CreatedAtUtc = DateTime.UtcNow,
            }, AppFactory.DemoPassword);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Code)));
            return grassroots.Id;
        });
        var people = await app.WithDb(db => db.People.Where(p => p.Code.StartsWith(code)).OrderBy(p => p.Code).Select(p => new { p.Id, p.Code }).ToListAsync());
        return new Unit(id, code, name, email, people.Select(p => (p.Id, p.Code)).ToList());
    }

    private Task<int> Rate(Unit unit, int year, params Rating[] ratings) => app.WithDb(async db =>
    {
        for (var i = 0; i < ratings.Length; i++)
        {
            db.PersonRatings.Add(new PersonRating { PersonId = unit.Members[i].Id, Year = year, Rating = ratings[i] });
        }

        return await db.SaveChangesAsync();
    });

    private static byte[] Sheet(string[] headers, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => headers.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.v)).ToList());
        return stream.ToArray();
    }

    /// <summary>Uploads through the page and polls the status fragment until the import has finished.</summary>
    private async Task<string> Import(string email, byte[] xlsx)
    {
        var client = await app.SignedInAs(email);
        var page = await Forms.GetDocumentAsync(client, "/People/Import");
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.GetAttribute("action")!.Contains("handler=Ratings", StringComparison.Ordinal));
        using var started = await Forms.SubmitAsync(client, "/People/Import", form, new Dictionary<string, string>(), ("file", "xep-loai.xlsx", xlsx));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var job = started.Headers.Location!.ToString().Split("job=")[1];
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetStringAsync($"/People/Import?handler=Status&job={job}");
            if (!status.Contains("hx-trigger", StringComparison.Ordinal))
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("import did not finish");
    }

    private static string Cap(Unit unit, int year, int excellent, int good, string regulation) =>
        $"Năm {year}, {unit.Name} có {excellent} đảng viên hoàn thành xuất sắc nhiệm vụ, vượt 20% số đảng viên hoàn thành tốt nhiệm vụ ({good} đảng viên → tối đa {good / 5}) theo Quy định {regulation}.";

    [Fact]
    public async Task An_import_over_the_cap_is_saved_and_warned_per_organisation_and_year_on_the_page_and_in_the_api()
    {
        var unit = await NewUnit(13);
        // 2025: 3 excellent (members of the grassroots organisation and of its sub-unit), 10 good — 20 % of 10 is 2.
        var rows = unit.Members.Select((m, i) => new object?[] { m.Code, "Đảng viên", 2025, i < 3 ? "Hoàn thành xuất sắc nhiệm vụ" : "Hoàn thành tốt nhiệm vụ", i switch { 0 => 95, 1 => 92, 2 => 85, _ => 80 } }).ToList();
        var status = await Import(unit.ClerkEmail, Sheet(Headers, rows));
        Assert.Contains("Đã nhập 13 dòng: thêm mới 13, cập nhật 0, không đổi 0.", status, StringComparison.Ordinal);
        var html = Forms.Parse(status);
        var warned = html.QuerySelector("[data-testid=rating-warnings]")!.TextContent;
        Assert.Contains(Cap(unit, 2025, 3, 10, "366-QĐ/TW"), warned, StringComparison.Ordinal);
        Assert.Contains("85 điểm thuộc mức “Hoàn thành tốt nhiệm vụ”", html.QuerySelector("[data-testid=score-warnings]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(13, await app.WithDb(db => db.PersonRatings.CountAsync(r => r.Year == 2025 && db.People.Any(p => p.Id == r.PersonId && p.Code.StartsWith(unit.Code)))));
        Assert.Equal(95, await app.WithDb(db => db.PersonRatings.Where(r => r.PersonId == unit.Members[0].Id && r.Year == 2025).Select(r => r.Score).SingleAsync()));

        // A file made before the score column (old template) still goes in, and leaves the recorded scores as they were.
        var old = Sheet(Headers[..4], rows.Select(r => r[..4]));
        var again = await Import(unit.ClerkEmail, old);
        Assert.Contains("thêm mới 0, cập nhật 0, không đổi 13", again, StringComparison.Ordinal);
        Assert.Contains(Cap(unit, 2025, 3, 10, "366-QĐ/TW"), again, StringComparison.Ordinal);
        Assert.Equal(95, await app.WithDb(db => db.PersonRatings.Where(r => r.PersonId == unit.Members[0].Id && r.Year == 2025).Select(r => r.Score).SingleAsync()));

        // The export writes the score; the rows within the cap bring no warning.
        var clerk = await app.SignedInAs(unit.ClerkEmail);
        var exported = MiniExcel.Query(new MemoryStream(await clerk.GetByteArrayAsync("/People/Import?handler=ExportRatings")), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(95, Convert.ToInt32(exported.Single(r => Equals(r["Mã người hoặc mã tổ chức"], unit.Members[0].Code))["Điểm"], System.Globalization.CultureInfo.InvariantCulture));
        var fine = await Import(unit.ClerkEmail, Sheet(Headers, unit.Members.Select((m, i) => new object?[] { m.Code, "Đảng viên", 2024, i < 2 ? "Hoàn thành xuất sắc nhiệm vụ" : "Hoàn thành tốt nhiệm vụ" })));
        Assert.Contains("thêm mới 13", fine, StringComparison.Ordinal);
        Assert.Null(Forms.Parse(fine).QuerySelector("[data-testid=rating-warnings]"));

        // The API imports the same way and answers with the report and its warnings.
        using var api = await app.BearerAs(unit.ClerkEmail);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Sheet(Headers, rows)), "file", "xep-loai.xlsx" } };
        using var response = await api.PostAsync("/api/v1/people/ratings/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(13, report.GetProperty("unchanged").GetInt32());
        var warning = Assert.Single(report.GetProperty("warnings").EnumerateArray());
        Assert.Equal(unit.Id, warning.GetProperty("organizationId").GetInt32());
        Assert.Equal(2025, warning.GetProperty("year").GetInt32());
        Assert.Equal(3, warning.GetProperty("excellent").GetInt32());
        Assert.Equal(10, warning.GetProperty("good").GetInt32());
        Assert.Equal(2, warning.GetProperty("allowed").GetInt32());
        Assert.Equal("366-QĐ/TW", warning.GetProperty("regulation").GetString());
        Assert.Equal(Cap(unit, 2025, 3, 10, "366-QĐ/TW"), warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_import_with_a_score_out_of_range_or_before_366_saves_nothing()
    {
        var unit = await NewUnit(3);
        var status = await Import(unit.ClerkEmail, Sheet(Headers,
        [
            [unit.Members[0].Code, "Đảng viên", 2025, "Hoàn thành tốt nhiệm vụ", 150],
            [unit.Members[1].Code, "Đảng viên", 2024, "Hoàn thành tốt nhiệm vụ", 80],
            [unit.Members[2].Code, "Đảng viên", 2025, "Hoàn thành tốt nhiệm vụ", "tám mươi"],
        ]));
        var errors = Forms.Parse(status).QuerySelector("table[data-testid=import-errors]")!.TextContent;
        Assert.Contains("Điểm đánh giá 150 không hợp lệ: điểm phải là số nguyên từ 0 đến 100.", errors, StringComparison.Ordinal);
        Assert.Contains("Năm 2024 xếp loại theo Quy định 124-QĐ/TW, không chấm điểm theo thang 100 điểm", errors, StringComparison.Ordinal);
        Assert.Contains("Điểm \"tám mươi\" không hợp lệ", errors, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.PersonRatings.AnyAsync(r => db.People.Any(p => p.Id == r.PersonId && p.Code.StartsWith(unit.Code)))));
    }

    [Fact]
    public async Task An_entry_that_breaks_the_cap_is_saved_with_a_warning_on_the_page_and_in_the_api()
    {
        var unit = await NewUnit(8);
        await Rate(unit, 2025, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good);
        var clerk = await app.SignedInAs(unit.ClerkEmail);

        // 1 excellent of 5 good is within 20 %: saved, no warning.
        var first = unit.Members[5];
        using (var ok = await Forms.SubmitAsync(clerk, $"/People/Details/{first.Id}", new Dictionary<string, string> { ["year"] = "2025", ["rating"] = "Excellent", ["score"] = "95" }, "form[action*='Rating']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var page = Forms.Parse(await clerk.GetStringAsync($"/People/Details/{first.Id}"));
        Assert.Null(page.QuerySelector("[data-testid=rating-warnings]"));
        Assert.Contains("95", page.QuerySelector("table[data-testid=ratings]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("366-QĐ/TW", page.QuerySelector("table[data-testid=ratings]")!.TextContent, StringComparison.Ordinal);

        // A second one breaks it (a member of the sub-unit): saved anyway, and the page says so, with the score's own warning.
        var second = unit.Members[6];
        using (var saved = await Forms.SubmitAsync(clerk, $"/People/Details/{second.Id}", new Dictionary<string, string> { ["year"] = "2025", ["rating"] = "Excellent", ["score"] = "85" }, "form[action*='Rating']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var warned = Forms.Parse(await clerk.GetStringAsync($"/People/Details/{second.Id}")).QuerySelector("[data-testid=rating-warnings]")!.TextContent;
        Assert.Contains(Cap(unit, 2025, 2, 5, "366-QĐ/TW"), warned, StringComparison.Ordinal);
        Assert.Contains("85 điểm thuộc mức “Hoàn thành tốt nhiệm vụ”", warned, StringComparison.Ordinal);
        Assert.Equal("Excellent", await app.WithDb(db => db.PersonRatings.Where(r => r.PersonId == second.Id && r.Year == 2025).Select(r => r.Rating.ToString()).SingleAsync()));

        // The API: saved, with the warning as data.
        using var api = await app.BearerAs(unit.ClerkEmail);
        var third = unit.Members[7];
        using var response = await api.PostAsJsonAsync($"/api/v1/people/{third.Id}/ratings", new { year = 2025, rating = "Excellent", score = 91 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(91, body.GetProperty("score").GetInt32());
        Assert.Equal(3, body.GetProperty("excellentShare").GetProperty("excellent").GetInt32());
        Assert.Equal(Cap(unit, 2025, 3, 5, "366-QĐ/TW"), body.GetProperty("excellentShare").GetProperty("message").GetString());
        Assert.Contains(Cap(unit, 2025, 3, 5, "366-QĐ/TW"), body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));

        // Changing a recorded year through the API needs its version (428), then takes it.
        using var unversioned = await api.PostAsJsonAsync($"/api/v1/people/{third.Id}/ratings", new { year = 2025, rating = "Good", score = 80 });
        Assert.Equal((HttpStatusCode)428, unversioned.StatusCode);
        var version = await app.WithDb(db => db.PersonRatings.Where(r => r.PersonId == third.Id && r.Year == 2025).Select(r => r.Version).SingleAsync());
        using var versioned = await api.PostAsJsonAsync($"/api/v1/people/{third.Id}/ratings", new { year = 2025, rating = "Good", score = 80, version });
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        // 2 excellent, 6 good now: still over (20 % of 6 is 1.2, so at most 1).
        Assert.Contains(Cap(unit, 2025, 2, 6, "366-QĐ/TW"), JsonDocument.Parse(await versioned.Content.ReadAsStringAsync()).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task A_score_out_of_range_or_before_2025_is_refused_in_vietnamese_with_nothing_saved()
    {
        var unit = await NewUnit(2);
        var person = unit.Members[0];
        using var api = await app.BearerAs(unit.ClerkEmail);
        using var high = await api.PostAsJsonAsync($"/api/v1/people/{person.Id}/ratings", new { year = 2025, rating = "Good", score = 150 });
        Assert.Equal(HttpStatusCode.BadRequest, high.StatusCode);
        Assert.Contains("Điểm đánh giá 150 không hợp lệ: điểm phải là số nguyên từ 0 đến 100.", await high.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var early = await api.PostAsJsonAsync($"/api/v1/people/{person.Id}/ratings", new { year = 2024, rating = "Good", score = 80 });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Năm 2024 xếp loại theo Quy định 124-QĐ/TW, không chấm điểm theo thang 100 điểm", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var clerk = await app.SignedInAs(unit.ClerkEmail);
        using var form = await Forms.SubmitAsync(clerk, $"/People/Details/{person.Id}", new Dictionary<string, string> { ["year"] = "2025", ["rating"] = "Good", ["score"] = "-5" }, "form[action*='Rating']");
        Assert.Contains("Điểm đánh giá -5 không hợp lệ", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.PersonRatings.AnyAsync(r => r.PersonId == person.Id)));
    }

    [Fact]
    public async Task The_quality_list_is_scoped_filtered_and_paged()
    {
        var unit = await NewUnit(2);
        foreach (var year in Enumerable.Range(2019, 6))
        {
            await Rate(unit, year, Rating.Excellent); // one excellent, none good: over the cap every year
        }

        // The unit's own clerk sees its six organisation-years and nothing else.
        var clerk = await app.SignedInAs(unit.ClerkEmail);
        var own = Forms.Parse(await clerk.GetStringAsync("/People/RatingQuality")).QuerySelectorAll("table[data-testid=rating-quality] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(6, own.Count);
        Assert.All(own, r => Assert.Contains(unit.Name, r, StringComparison.Ordinal));
        Assert.Contains(own, r => r.Contains("(chưa có đảng viên nào hoàn thành tốt nhiệm vụ → tối đa 0) theo Quy định 132-QĐ/TW.", StringComparison.Ordinal));
        var year2023 = Forms.Parse(await clerk.GetStringAsync("/People/RatingQuality?year=2023")).QuerySelectorAll("table[data-testid=rating-quality] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("theo Quy định 124-QĐ/TW", Assert.Single(year2023), StringComparison.Ordinal);

        // Another unit's clerk does not see it, on the page or through the API.
        var other = await app.SignedInAs("coso1@demo.vn");
        var otherRows = Forms.Parse(await other.GetStringAsync($"/People/RatingQuality?q={Uri.EscapeDataString(unit.Name)}")).QuerySelector("table[data-testid=rating-quality] tbody")!.TextContent;
        Assert.DoesNotContain(unit.Name, otherRows, StringComparison.Ordinal);
        Assert.Contains("Không có tổ chức nào vượt tỷ lệ.", otherRows, StringComparison.Ordinal);
        using var otherApi = await app.BearerAs("coso1@demo.vn");
        var hidden = JsonDocument.Parse(await otherApi.GetStringAsync($"/api/v1/people/rating-quality?search={Uri.EscapeDataString(unit.Code[2..])}")).RootElement;
        Assert.Equal(0, hidden.GetProperty("total").GetInt32());

        // The secretariat sees the whole bloc and finds the unit by name (without diacritics too), page by page.
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var first = JsonDocument.Parse(await secretariat.GetStringAsync($"/api/v1/people/rating-quality?search={Uri.EscapeDataString("dang bo cong ty thu nghiem " + unit.Code[2..].ToLowerInvariant())}&pageSize=4")).RootElement;
        Assert.Equal(6, first.GetProperty("total").GetInt32());
        Assert.Equal(4, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2024, first.GetProperty("items")[0].GetProperty("year").GetInt32()); // newest first
        var second = JsonDocument.Parse(await secretariat.GetStringAsync($"/api/v1/people/rating-quality?search={Uri.EscapeDataString(unit.Name)}&pageSize=4&page=2")).RootElement;
        Assert.Equal(2, second.GetProperty("items").GetArrayLength());
        Assert.Equal(2019, second.GetProperty("items")[1].GetProperty("year").GetInt32());
        var secretariatPage = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/People/RatingQuality?q={Uri.EscapeDataString(unit.Name)}");
        Assert.Equal(6, Forms.Parse(secretariatPage).QuerySelectorAll("table[data-testid=rating-quality] tbody tr").Count(r => r.TextContent.Contains(unit.Name, StringComparison.Ordinal)));
        Assert.Contains("Chất lượng dữ liệu xếp loại", Forms.Parse(secretariatPage).QuerySelector("[data-testid=main-menu]")!.TextContent, StringComparison.Ordinal);

        // The round's dashboard counts the unit among those over the cap in the round's rating years (2021–2024).
        var dashboard = JsonDocument.Parse(await secretariat.GetStringAsync("/api/v1/dashboard/rounds/2021-2025")).RootElement;
        Assert.True(dashboard.GetProperty("unitsOverExcellentCap").GetInt32() >= 1);
        var dashboardPage = Forms.Parse(await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync("/Dashboard?round=2021-2025"));
        Assert.Contains("Đơn vị có tỷ lệ xuất sắc vượt 20%", dashboardPage.QuerySelector("[data-testid=dashboard-rating-quality]")!.TextContent, StringComparison.Ordinal);

        // A role that keeps no registry is refused.
        using var member = await app.BearerAs("btv1@demo.vn");
        using var refused = await member.GetAsync("/api/v1/people/rating-quality");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_eligibility_explanation_names_the_regulation_of_each_counted_year()
    {
        var unit = await NewUnit(1);
        await Rate(unit, 2021, Rating.Good);
        using var api = await app.BearerAs(unit.ClerkEmail);
        var body = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/people/{unit.Members[0].Id}/eligibility?round=2021-2025&category=3.2.5")).RootElement;
        var message = body.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "party_member_ratings").GetProperty("message").GetString()!;
        Assert.Contains("Năm 2021–2022 xếp loại theo Quy định 132-QĐ/TW; năm 2023–2024 theo Quy định 124-QĐ/TW.", message, StringComparison.Ordinal);
    }
}

[Collection(SqliteApp.Name)]
public sealed class RatingQualityTests_Sqlite(SqliteAppFactory app) : RatingQualityTests(app);

[Collection(PostgresApp.Name)]
public sealed class RatingQualityTests_Postgres(PostgresAppFactory app) : RatingQualityTests(app);
