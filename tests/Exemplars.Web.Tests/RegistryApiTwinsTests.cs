using System.Net.Http.Headers;
using System.Text.Json;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 17 point 1: the people and organisation pages' writes have API twins calling the same handlers, with the same
/// scope and role rules: a person's add and edit, disciplinary records, a collective's rating, an organisation's add, edit
/// and activation, and the imports, each as the page's XLSX and as JSON rows (all or nothing, row errors in the problem).
/// </summary>
public abstract class RegistryApiTwinsTests(AppFactory app)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private static object Person(string code, string name, string unit, string? position = "Chuyên viên", Guid? version = null) => new
    {
        code, fullName = name, birthDate = "1987-06-15", gender = "Male", ethnicity = "Kinh", position, organizationCode = unit,
        isPartyMember = true, partyJoinYear = 2012, isLeader = false, ledOrganizationCode = (string?)null, fieldCategoryCode = "3.2.5", version,
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<string> UnitOf(string email) => app.WithDb(db => db.Users.Where(u => u.Email == email)
        .Select(u => db.Organizations.Where(o => o.Id == u.OrganizationId).Select(o => o.Code).Single()).SingleAsync());

    [Fact]
    public async Task A_clerk_adds_and_edits_a_person_in_scope_with_the_forms_rules_and_another_unit_or_a_viewer_cannot()
    {
        var tag = Tag();
        var code = $"AP{tag}";
        var unit = await UnitOf("coso3@demo.vn");
        using var clerk = await app.BearerAs("coso3@demo.vn");
        var (status, body) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/", Person(code, "Lê Văn Thêm", unit)));
        Assert.Equal(HttpStatusCode.Created, status);
        var id = body.GetProperty("id").GetInt32();
        var added = await app.WithDb(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(("Lê Văn Thêm", "3.2.5"), (added.FullName, added.FieldCategoryCode));

        // The form's refusals, in Vietnamese: the same code again, a unit out of scope, a join year before birth.
        (status, body) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/", Person(code, "Lê Văn Trùng", unit)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "duplicate_code"), (status, body.GetProperty("code").GetString()));
        Assert.Contains($"Mã người {code} đã có trong sổ theo dõi", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, body) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/", Person($"AQ{tag}", "Ngoài Phạm Vi", "CS001")));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Không có tổ chức mã CS001 trong phạm vi", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.People.AnyAsync(p => p.Code == $"AQ{tag}")));

        // A position longer than its column is a refusal on both databases (PostgreSQL used to fail it as a concurrent edit).
        (status, body) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/", Person($"AL{tag}", "Chức Vụ Dài", unit, position: new string('x', 201))));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Chức vụ dài tối đa 200 ký tự", body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // An edit carries the version read (body or If-Match): none is 428, an old one 409, the current one saves.
        var version = await app.WithDb(db => db.People.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        (status, _) = await Read(await clerk.PutAsJsonAsync($"/api/v1/people/{id}", Person(code, "Lê Văn Sửa", unit)));
        Assert.Equal((HttpStatusCode)428, status);
        (status, _) = await Read(await clerk.PutAsJsonAsync($"/api/v1/people/{id}", Person(code, "Lê Văn Sửa", unit, version: Guid.NewGuid())));
        Assert.Equal(HttpStatusCode.Conflict, status);
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/people/{id}") { Content = JsonContent.Create(Person(code, "Lê Văn Sửa", unit, position: "Phó phòng")) })
        {
            put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
            (status, _) = await Read(await clerk.SendAsync(put));
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var edited = await app.WithDb(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(("Lê Văn Sửa", "Phó phòng"), (edited.FullName, edited.Position));
        version = await app.WithDb(db => db.People.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

        // Another unit's clerk does not find the person; a viewer may not write the registry at all.
        using var other = await app.BearerAs("coso4@demo.vn");
        (status, _) = await Read(await other.PutAsJsonAsync($"/api/v1/people/{id}", Person(code, "Người Khác Sửa", unit, version: version)));
        Assert.Equal(HttpStatusCode.NotFound, status);
        using var viewer = await app.BearerAs("tinhuy@demo.vn");
        (status, body) = await Read(await viewer.PostAsJsonAsync("/api/v1/people/", Person($"AV{tag}", "Không Được", unit)));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("không được sửa sổ theo dõi", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Lê Văn Sửa", await app.WithDb(db => db.People.Where(p => p.Id == id).Select(p => p.FullName).SingleAsync()));
        Assert.False(await app.WithDb(db => db.People.AnyAsync(p => p.Code == $"AV{tag}")));
    }

    [Fact]
    public async Task A_disciplinary_record_is_added_and_removed_as_on_the_person_page_and_only_in_scope()
    {
        var tag = Tag();
        var unit = await UnitOf("coso3@demo.vn");
        using var clerk = await app.BearerAs("coso3@demo.vn");
        var (_, created) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/", Person($"KL{tag}", "Trần Văn Kỷ", unit)));
        var id = created.GetProperty("id").GetInt32();

        var (status, body) = await Read(await clerk.PostAsJsonAsync($"/api/v1/people/{id}/discipline", new { year = 2025, form = "Khiển trách", note = "Quyết định 12-QĐ/ĐU" }));
        Assert.Equal(HttpStatusCode.Created, status);
        var recordId = body.GetProperty("id").GetInt32();
        (status, body) = await Read(await clerk.GetAsync($"/api/v1/people/{id}"));
        Assert.Equal("Khiển trách", Assert.Single(body.GetProperty("disciplines").EnumerateArray(), d => d.GetProperty("id").GetInt32() == recordId).GetProperty("form").GetString());

        // The page's refusals: no form, a year out of range.
        (status, body) = await Read(await clerk.PostAsJsonAsync($"/api/v1/people/{id}/discipline", new { year = 2025, form = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Hãy ghi hình thức kỷ luật", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, body) = await Read(await clerk.PostAsJsonAsync($"/api/v1/people/{id}/discipline", new { year = 1900, form = "Cảnh cáo" }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Năm kỷ luật 1900 không hợp lệ", body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another unit's clerk can neither add nor remove; a viewer is refused by role.
        using var other = await app.BearerAs("coso4@demo.vn");
        (status, _) = await Read(await other.PostAsJsonAsync($"/api/v1/people/{id}/discipline", new { year = 2025, form = "Cảnh cáo" }));
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _) = await Read(await other.DeleteAsync($"/api/v1/people/{id}/discipline/{recordId}"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        using var viewer = await app.BearerAs("tinhuy@demo.vn");
        (status, _) = await Read(await viewer.DeleteAsync($"/api/v1/people/{id}/discipline/{recordId}"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(1, await app.WithDb(db => db.DisciplineRecords.CountAsync(d => d.PersonId == id)));

        (status, _) = await Read(await clerk.DeleteAsync($"/api/v1/people/{id}/discipline/{recordId}"));
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(0, await app.WithDb(db => db.DisciplineRecords.CountAsync(d => d.PersonId == id)));
        (status, _) = await Read(await clerk.DeleteAsync($"/api/v1/people/{id}/discipline/{recordId}"));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task People_and_ratings_import_as_the_pages_workbook_and_as_json_rows_all_or_nothing()
    {
        var tag = Tag();
        var unit = await UnitOf("coso3@demo.vn");
        using var clerk = await app.BearerAs("coso3@demo.vn");

        // The page's workbook, as multipart.
        var workbook = Spreadsheet.Write(ImportPeople.Headers, [[$"IX{tag}", "Phạm Tệp Một", "05/09/1980", "Nam", "Kinh", "Chuyên viên", unit, "Có", 2010, "Không", "", "3.2.5"]]);
        using (var content = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "nguoi.xlsx" } })
        {
            var (status, report) = await Read(await clerk.PostAsync("/api/v1/people/import", content));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(1, report.GetProperty("created").GetInt32());
        }

        // JSON rows: one wrong row saves nothing and says which row and why, in the problem details.
        var good = new { code = $"IJ{tag}", fullName = "Phạm Json Hai", birthDate = "1991-03-04", gender = "Female", position = "Chuyên viên", organizationCode = unit, isPartyMember = true, partyJoinYear = 2015, isLeader = false };
        var bad = new { code = $"IK{tag}", fullName = "Phạm Json Ba", birthDate = "1991-03-04", gender = "Female", organizationCode = unit, isPartyMember = true, partyJoinYear = 1950, isLeader = false };
        var (refusedStatus, problem) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/import/json", new { rows = new object[] { good, bad } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStatus);
        Assert.Equal("import_rows_refused", problem.GetProperty("code").GetString());
        Assert.Contains("chưa lưu dòng nào", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.False(await app.WithDb(db => db.People.AnyAsync(p => p.Code == $"IJ{tag}" || p.Code == $"IK{tag}")));

        // No rows at all is a malformed request, as for the syncs.
        (refusedStatus, problem) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/import/json", new { rows = Array.Empty<object>() }));
        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Contains("Hãy gửi từ 1 đến 50.000 dòng", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // A null row is a row error; a text a workbook could not hold (NUL) or longer than its column never fails the database.
        (refusedStatus, problem) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/import/json", new { rows = new object?[] { good, null, good with { code = $"IN{tag}", fullName = "Nul\u0000Trong Tên", position = "A\u0000" } } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStatus);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("row").GetInt32() == 2);
        (refusedStatus, problem) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/import/json", new { rows = new object?[] { good with { code = $"IN{tag}", fullName = "Nul\u0000Trong Tên", position = new string('x', 300) } } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStatus);
        Assert.Contains("Chức vụ dài tối đa 200 ký tự", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.People.AnyAsync(p => p.Code == $"IJ{tag}" || p.Code == $"IN{tag}")));

        var (okStatus, saved) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/import/json", new { rows = new object[] { good } }));
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal(1, saved.GetProperty("created").GetInt32());
        (okStatus, saved) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/import/json", new { rows = new object[] { good } }));
        Assert.Equal((1, 0), (saved.GetProperty("unchanged").GetInt32(), saved.GetProperty("created").GetInt32()));

        // A row that changes a person needs the person's version, as a file row does.
        (refusedStatus, problem) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/import/json", new { rows = new object[] { good with { fullName = "Phạm Json Đổi" } } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStatus);
        Assert.Contains("không ghi phiên bản", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        // Ratings as JSON rows: the person's and the unit's party organisation's; a code out of scope is a row error.
        var ratings = new object[]
        {
            new { code = $"IJ{tag}", year = 2025, rating = "Good", score = 85 },
            new { code = $"IX{tag}", body = (string?)null, year = 2024, rating = "Excellent" },
        };
        (okStatus, saved) = await Read(await clerk.PostAsJsonAsync("/api/v1/people/ratings/import/json", new { rows = ratings }));
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal(2, saved.GetProperty("created").GetInt32());
        Assert.Equal(85, await app.WithDb(db => db.PersonRatings.Where(r => db.People.Any(p => p.Id == r.PersonId && p.Code == $"IJ{tag}") && r.Year == 2025).Select(r => r.Score).SingleAsync()));
        using var other = await app.BearerAs("coso4@demo.vn");
        (refusedStatus, problem) = await Read(await other.PostAsJsonAsync("/api/v1/people/ratings/import/json", new { rows = new object[] { new { code = $"IJ{tag}", year = 2023, rating = "Good" } } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStatus);
        Assert.Equal(1, problem.GetProperty("errors")[0].GetProperty("row").GetInt32());
        Assert.False(await app.WithDb(db => db.PersonRatings.AnyAsync(r => db.People.Any(p => p.Id == r.PersonId && p.Code == $"IJ{tag}") && r.Year == 2023)));

        // A viewer may not import either way.
        using var viewer = await app.BearerAs("tinhuy@demo.vn");
        (refusedStatus, _) = await Read(await viewer.PostAsJsonAsync("/api/v1/people/import/json", new { rows = new object[] { good } }));
        Assert.Equal(HttpStatusCode.Forbidden, refusedStatus);
        (refusedStatus, _) = await Read(await viewer.PostAsJsonAsync("/api/v1/people/ratings/import/json", new { rows = ratings }));
        Assert.Equal(HttpStatusCode.Forbidden, refusedStatus);
    }

    [Fact]
    public async Task A_collectives_rating_is_written_with_its_version_as_on_the_organisation_page_and_only_in_scope()
    {
        var unit = await UnitOf("coso3@demo.vn");
        var id = await app.WithDb(db => db.Organizations.Where(o => o.Code == unit).Select(o => o.Id).SingleAsync());
        using var clerk = await app.BearerAs("coso3@demo.vn");
        await app.WithDb(async db => await db.CollectiveRatings.Where(r => r.OrganizationId == id && r.Year == 2020 && r.Body == Domain.People.CollectiveBody.WomenUnion).ExecuteDeleteAsync());

        var (status, _) = await Read(await clerk.PostAsJsonAsync($"/api/v1/organizations/{id}/ratings", new { year = 2020, body = "WomenUnion", rating = "Good" }));
        Assert.Equal(HttpStatusCode.NoContent, status);
        var (_, list) = await Read(await clerk.GetAsync($"/api/v1/organizations/{id}/ratings"));
        var row = Assert.Single(list.EnumerateArray(), r => r.GetProperty("year").GetInt32() == 2020 && r.GetProperty("body").GetString() == "WomenUnion");
        var version = row.GetProperty("version").GetGuid();

        // A year already rated needs its version: none 428, an old one 409; the current one changes it.
        (status, _) = await Read(await clerk.PostAsJsonAsync($"/api/v1/organizations/{id}/ratings", new { year = 2020, body = "WomenUnion", rating = "Excellent" }));
        Assert.Equal((HttpStatusCode)428, status);
        (status, _) = await Read(await clerk.PostAsJsonAsync($"/api/v1/organizations/{id}/ratings", new { year = 2020, body = "WomenUnion", rating = "Excellent", version = Guid.NewGuid() }));
        Assert.Equal(HttpStatusCode.Conflict, status);
        (status, _) = await Read(await clerk.PostAsJsonAsync($"/api/v1/organizations/{id}/ratings", new { year = 2020, body = "WomenUnion", rating = "Excellent", version }));
        Assert.Equal(HttpStatusCode.NoContent, status);

        // The page's refusal of a year to come, in Vietnamese.
        var (yearStatus, problem) = await Read(await clerk.PostAsJsonAsync($"/api/v1/organizations/{id}/ratings", new { year = 2100, body = "TradeUnion", rating = "Good" }));
        Assert.NotEqual(HttpStatusCode.NoContent, yearStatus);
        Assert.Contains("2100", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another unit's clerk does not find the unit; a viewer may not write ratings.
        using var other = await app.BearerAs("coso4@demo.vn");
        (status, _) = await Read(await other.PostAsJsonAsync($"/api/v1/organizations/{id}/ratings", new { year = 2020, body = "WomenUnion", rating = "Completed" }));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty((await Read(await other.GetAsync($"/api/v1/organizations/{id}/ratings"))).Body.EnumerateArray());
        using var viewer = await app.BearerAs("tinhuy@demo.vn");
        (status, _) = await Read(await viewer.PostAsJsonAsync($"/api/v1/organizations/{id}/ratings", new { year = 2020, body = "WomenUnion", rating = "Completed" }));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(Domain.Eligibility.Rating.Excellent, await app.WithDb(db => db.CollectiveRatings
            .Where(r => r.OrganizationId == id && r.Year == 2020 && r.Body == Domain.People.CollectiveBody.WomenUnion).Select(r => r.Rating).SingleAsync()));
    }

    [Fact]
    public async Task The_administrator_adds_edits_closes_and_imports_organisations_and_a_clerk_cannot()
    {
        var tag = Tag();
        using var admin = await app.BearerAs("admin@demo.vn");
        var unit = new { code = $"G{tag}", name = "Đảng bộ Công ty Giao Diện", kind = "Grassroots", hostUnitType = "StateEnterprise", parentCode = "DUK", address = "Số 1 đường Trần Phú" };
        var (status, body) = await Read(await admin.PostAsJsonAsync("/api/v1/organizations/", unit));
        Assert.Equal(HttpStatusCode.Created, status);
        var id = body.GetProperty("id").GetInt32();
        (status, body) = await Read(await admin.PostAsJsonAsync("/api/v1/organizations/", unit));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"Mã tổ chức G{tag} đã tồn tại", body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Edit with the version read (If-Match from the GET's ETag); an old version is 409.
        using var get = await admin.GetAsync($"/api/v1/organizations/{id}");
        var etag = get.Headers.ETag!;
        (status, _) = await Read(await admin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { unit.code, name = "Đảng bộ Công ty Giao Diện (đổi tên)", unit.kind, unit.hostUnitType, unit.parentCode, unit.address, version = Guid.NewGuid() }));
        Assert.Equal(HttpStatusCode.Conflict, status);
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organizations/{id}") { Content = JsonContent.Create(unit with { name = "Đảng bộ Công ty Giao Diện (đổi tên)" }) })
        {
            put.Headers.IfMatch.Add(etag);
            (status, _) = await Read(await admin.SendAsync(put));
            Assert.Equal(HttpStatusCode.OK, status);
        }

        Assert.Equal("Đảng bộ Công ty Giao Diện (đổi tên)", await app.WithDb(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));

        // Imports: JSON rows with a wrong row save nothing; right ones add the sub-units; the workbook of the page too.
        var child = new { code = $"G{tag}-01", name = "Chi bộ Phòng Kỹ thuật", kind = "SubUnit", parentCode = $"G{tag}" };
        var (refused, problem) = await Read(await admin.PostAsJsonAsync("/api/v1/organizations/import/json", new { rows = new object[] { child, new { code = $"G{tag}-02", name = "", kind = "SubUnit", parentCode = $"G{tag}" } } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Equal(2, problem.GetProperty("errors")[0].GetProperty("row").GetInt32());
        Assert.False(await app.WithDb(db => db.Organizations.AnyAsync(o => o.Code == $"G{tag}-01")));
        (status, body) = await Read(await admin.PostAsJsonAsync("/api/v1/organizations/import/json", new { rows = new object[] { child } }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("created").GetInt32());
        var workbook = Spreadsheet.Write(OrganizationSheet.ImportHeaders, [[$"G{tag}-03", "Chi bộ Phòng Tài vụ", "Đơn vị trực thuộc", "", $"G{tag}", ""]]);
        using (var content = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "to-chuc.xlsx" } })
        {
            (status, body) = await Read(await admin.PostAsync("/api/v1/organizations/import", content));
            Assert.True(status == HttpStatusCode.OK, body.ToString());
        }

        // Closing a unit with open sub-units is refused as on its page; closed sub-units first, then the unit.
        var version = await app.WithDb(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Version).SingleAsync());
        (status, body) = await Read(await admin.PostAsJsonAsync($"/api/v1/organizations/{id}/active", new { active = false, version }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("tổ chức trực thuộc đang hoạt động", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var sub in await app.WithDb(db => db.Organizations.AsNoTracking().Where(o => o.ParentId == id).ToListAsync()))
        {
            var (childId, childVersion) = (sub.Id, sub.Version);
            (status, _) = await Read(await admin.PostAsJsonAsync($"/api/v1/organizations/{childId}/active", new { active = false, version = childVersion }));
            Assert.Equal(HttpStatusCode.NoContent, status);
        }

        (status, _) = await Read(await admin.PostAsJsonAsync($"/api/v1/organizations/{id}/active", new { active = false, version }));
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.False(await app.WithDb(db => db.Organizations.Where(o => o.Id == id).Select(o => o.IsActive).SingleAsync()));

        // A clerk (or the secretariat) is refused every administrator's operation, and nothing changes.
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        version = await app.WithDb(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Version).SingleAsync());
        foreach (var caller in new[] { clerk, secretariat })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostAsJsonAsync("/api/v1/organizations/", unit with { code = $"H{tag}" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostAsJsonAsync($"/api/v1/organizations/{id}/active", new { active = true, version })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostAsJsonAsync("/api/v1/organizations/import/json", new { rows = new object[] { child with { code = $"H{tag}-01" } } })).StatusCode);
        }

        Assert.False(await app.WithDb(db => db.Organizations.AnyAsync(o => o.Code.StartsWith($"H{tag}"))));
        Assert.False(await app.WithDb(db => db.Organizations.Where(o => o.Id == id).Select(o => o.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task A_nul_character_in_a_text_is_refused_or_kept_as_a_replacement_never_a_database_failure()
    {
        var tag = Tag();
        using var admin = await app.BearerAs("admin@demo.vn");
        var calls = new (HttpMethod Method, string Url, object Body)[]
        {
            (HttpMethod.Post, "/api/v1/people/", Person($"NU{tag}", "Nul\u0000Tên", "CS\u0000001")),
            (HttpMethod.Put, "/api/v1/people/sync", new { full = false, people = new object?[] { null, Person($"NV{tag}\u0000", "Nul\u0000Tên", "CS001") } }),
            (HttpMethod.Put, "/api/v1/people/ratings/sync", new { full = false, ratings = new object[] { new { personCode = $"NU{tag}\u0000", year = 2024, rating = "Good" } } }),
            (HttpMethod.Post, "/api/v1/organizations/", new { code = $"N{tag}", name = "Chi bộ\u0000Nul", kind = "SubUnit", parentCode = "CS001\u0000" }),
            (HttpMethod.Put, "/api/v1/organizations/sync", new { full = false, organizations = new object[] { new { code = $"N{tag}\u0000", name = "A", kind = "SubUnit", parentCode = "CS001" } } }),
            (HttpMethod.Post, "/api/v1/organizations/import/json", new { rows = new object[] { new { code = $"N{tag}", name = "Chi bộ\u0000Nul", kind = "SubUnit", parentCode = "CS001\u0000" } } }),
            (HttpMethod.Post, "/api/v1/users/", new { email = $"nul{tag}@donvi.vn", fullName = "Nul\u0000", role = "GrassrootsClerk", organizationCode = "CS\u0000001", password = "Sóng biển vỗ bờ Cửa Lò 1975!" }),
            (HttpMethod.Post, "/api/v1/users/import/json", new { rows = new object[] { new { email = $"nul{tag}@donvi.vn", fullName = "Nul\u0000", role = "GrassrootsClerk", organizationCode = "CS\u0000001" } } }),
        };
        foreach (var (method, url, body) in calls)
        {
            using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
            using var response = await admin.SendAsync(request);
            Assert.True((int)response.StatusCode is >= 200 and < 500, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.False(await app.WithDb(db => db.People.AnyAsync(p => p.Code.StartsWith($"NU{tag}") || p.Code.StartsWith($"NV{tag}"))));
        Assert.False(await app.WithDb(db => db.Organizations.AnyAsync(o => o.Code.StartsWith($"N{tag}"))));
    }
}

[Collection(SqliteApp.Name)]
public sealed class RegistryApiTwinsTests_Sqlite(SqliteAppFactory app) : RegistryApiTwinsTests(app);

[Collection(PostgresApp.Name)]
public sealed class RegistryApiTwinsTests_Postgres(PostgresAppFactory app) : RegistryApiTwinsTests(app);

/// <summary>
/// Any API body's text with NUL or another control character is stored with U+FFFD in its place on both databases
/// (PostgreSQL refused NUL with a 500 before <c>CleanStringJsonConverter</c>), here through a write no area cleans itself.
/// </summary>
public abstract class ControlCharactersTests(AppFactory app)
{
    [Fact]
    public async Task A_nul_in_any_api_text_is_stored_as_a_replacement_character_not_a_server_error()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var response = await clerk.PostAsJsonAsync("/api/v1/discovered", new { kind = "Individual", name = $"Nul\u0000Tên {tag}", achievements = "Có ký tự\u0001 điều khiển\tvà tab." });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var stored = await app.WithDb(db => db.DiscoveredExemplars.Where(d => d.Name.EndsWith(tag)).Select(d => new { d.Name, d.Achievements }).SingleAsync());
        Assert.Equal($"Nul\uFFFDTên {tag}", stored.Name);
        Assert.Equal("Có ký tự\uFFFD điều khiển\tvà tab.", stored.Achievements);
    }

    [Fact]
    public async Task A_control_character_typed_into_a_page_form_is_stored_as_a_replacement_character_and_a_nul_is_refused_whole()
    {
        var clerk = await app.SignedInAs("coso1@demo.vn");
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var response = await Forms.SubmitAsync(clerk, "/Discovery", new Dictionary<string, string>
        {
            ["Kind"] = "Collective", ["Name"] = $"Tổ\u0002Nul {tag}", ["Unit"] = "Phòng\u0001 Một", ["Achievements"] = "Dòng một\ndòng hai.",
        }, "form[action*='handler=Record']");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var stored = await app.WithDb(db => db.DiscoveredExemplars.Where(d => d.Name.EndsWith(tag)).Select(d => new { d.Name, d.Unit, d.Achievements }).SingleAsync());
        Assert.Equal(($"Tổ\uFFFDNul {tag}", "Phòng\uFFFD Một"), (stored.Name, stored.Unit));
        Assert.Contains("\n", stored.Achievements, StringComparison.Ordinal);

        // A NUL never reaches a page: the form reader refuses the request (400), nothing is saved.
        using var nul = await Forms.SubmitAsync(clerk, "/Discovery", new Dictionary<string, string> { ["Kind"] = "Collective", ["Name"] = $"Nul\u0000 {tag}" }, "form[action*='handler=Record']");
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.False(await app.WithDb(db => db.DiscoveredExemplars.AnyAsync(d => d.Name.StartsWith("Nul") && d.Name.EndsWith(tag))));
    }
}

[Collection(SqliteApp.Name)]
public sealed class ControlCharactersTests_Sqlite(SqliteAppFactory app) : ControlCharactersTests(app);

[Collection(PostgresApp.Name)]
public sealed class ControlCharactersTests_Postgres(PostgresAppFactory app) : ControlCharactersTests(app);
