using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 17 point 5 (ADR 030): another system pushes the people it keeps by code; the same push twice changes nothing,
/// a bad row is refused with its reasons while the rest land, nobody is deleted, and a full push reports who it left out.
/// Scoped like the registry: a grassroots clerk pushes only into their own unit.
/// </summary>
public abstract class RegistrySyncTests(AppFactory app)
{
    private static object Person(string code, string name, string unit = "CS004", string? position = "Chuyên viên", int? joinYear = 2012) => new
    {
        code, fullName = name, birthDate = "1988-04-02", gender = "Female", ethnicity = "Kinh", position, organizationCode = unit,
        isPartyMember = joinYear is not null, partyJoinYear = joinYear, isLeader = false, fieldCategoryCode = "3.2.5",
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Push(HttpClient api, bool full, params object[] people)
    {
        using var response = await api.PutAsJsonAsync("/api/v1/people/sync", new { full, people });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task A_push_creates_updates_and_refuses_row_by_row_and_the_same_push_again_changes_nothing()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var clerk = await app.BearerAs("coso4@demo.vn");
        var people = new[] { Person($"SY{tag}A", "Đồng Bộ Một"), Person($"SY{tag}B", "Đồng Bộ Hai"), Person($"SY{tag}C", "Ngoài Phạm Vi", unit: "CS001") };
        var (status, report) = await Push(clerk, false, people);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((3, 2, 0, 0, 1), (report.GetProperty("rows").GetInt32(), report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(),
            report.GetProperty("unchanged").GetInt32(), report.GetProperty("refused").GetInt32()));
        var refusal = Assert.Single(report.GetProperty("refusals").EnumerateArray());
        Assert.Equal(2, refusal.GetProperty("index").GetInt32());
        Assert.Contains("Không có tổ chức mã CS001 trong phạm vi", refusal.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.People.AnyAsync(p => p.Code == $"SY{tag}C")));
        var version = await app.WithDb(db => db.People.Where(p => p.Code == $"SY{tag}A").Select(p => p.Version).SingleAsync());

        // Idempotent: the same push changes nothing, not even a version.
        (status, report) = await Push(clerk, false, people[..2]);
        Assert.Equal((2, 0, 0, 2), (report.GetProperty("rows").GetInt32(), report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()));
        Assert.Equal(version, await app.WithDb(db => db.People.Where(p => p.Code == $"SY{tag}A").Select(p => p.Version).SingleAsync()));

        // A changed position updates the one person; a row with a bad join year and a duplicated code are refused.
        (status, report) = await Push(clerk, false, Person($"SY{tag}A", "Đồng Bộ Một", position: "Phó trưởng phòng"), Person($"SY{tag}B", "Đồng Bộ Hai", joinYear: 1800), Person($"SY{tag}A", "Đồng Bộ Một"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1, 2), (report.GetProperty("updated").GetInt32(), report.GetProperty("refused").GetInt32()));
        Assert.Contains(report.GetProperty("refusals").EnumerateArray(), r => r.GetProperty("reasons").EnumerateArray().Any(m => m.GetString()!.Contains("trùng với dòng 0", StringComparison.Ordinal)));
        Assert.Equal("Phó trưởng phòng", await app.WithDb(db => db.People.Where(p => p.Code == $"SY{tag}A").Select(p => p.Position).SingleAsync()));
        Assert.Equal(2012, await app.WithDb(db => db.People.Where(p => p.Code == $"SY{tag}B").Select(p => p.PartyJoinYear).SingleAsync()));

        // One audit summary per push, with its counts.
        Assert.True(await app.WithDb(db => db.AuditEntries.CountAsync(a => a.EntityType == "PeopleSync" && a.UserName == "coso4@demo.vn")) >= 3);
    }

    [Fact]
    public async Task A_full_push_reports_the_people_it_left_out_and_deletes_nobody_and_a_viewer_cannot_push()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var clerk = await app.BearerAs("coso5@demo.vn");
        var (unit, path) = await app.WithDb(async db =>
        {
            var id = await db.Users.Where(u => u.Email == "coso5@demo.vn").Select(u => u.OrganizationId).SingleAsync();
            var own = await db.Organizations.SingleAsync(o => o.Id == id);
            return (own.Code, own.Path);
        });
        Task<int> InScope() => app.WithDb(db => db.People.CountAsync(p => p.IsActive && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path))));
        var before = await InScope();
        var (status, report) = await Push(clerk, true, Person($"FU{tag}", "Toàn Bộ Một", unit));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(before, report.GetProperty("missing").GetInt32());
        Assert.Equal(Math.Min(before, 1000), report.GetProperty("missingCodes").GetArrayLength());
        Assert.DoesNotContain(report.GetProperty("missingCodes").EnumerateArray(), c => c.GetString() == $"FU{tag}");
        Assert.Equal(before + 1, await InScope());

        using var viewer = await app.BearerAs("tinhuy@demo.vn");
        using var refused = await viewer.PutAsJsonAsync("/api/v1/people/sync", new { full = false, people = new[] { Person($"VW{tag}", "Không Được") } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var empty = await clerk.PutAsJsonAsync("/api/v1/people/sync", new { full = true, people = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Ratings_are_pushed_by_person_code_and_year_idempotently_with_refusals_and_missing_ones_reported()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var clerk = await app.BearerAs("coso4@demo.vn");
        var (status, _) = await Push(clerk, false, Person($"RT{tag}A", "Xếp Loại Một"), Person($"RT{tag}B", "Xếp Loại Hai"), Person($"RT{tag}N", "Quần Chúng", joinYear: null));
        Assert.Equal(HttpStatusCode.OK, status);

        async Task<JsonElement> Ratings(bool full, params object[] ratings)
        {
            using var response = await clerk.PutAsJsonAsync("/api/v1/people/ratings/sync", new { full, ratings });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        object[] push =
        [
            new { personCode = $"RT{tag}A", year = 2024, rating = "Excellent" },
            new { personCode = $"RT{tag}A", year = 2025, rating = "Good", score = 85 },
            new { personCode = $"RT{tag}B", year = 2025, rating = "Good", score = 80 },
            new { personCode = $"RT{tag}B", year = 2023, rating = "Good", score = 80 }, // no score before 366-QĐ/TW
            new { personCode = $"RT{tag}N", year = 2025, rating = "Good" },             // not a party member
            new { personCode = "KHONG-CO", year = 2025, rating = "Good" },              // not in the registry
        ];
        var report = await Ratings(false, push);
        Assert.Equal((6, 3, 0, 0, 3), (report.GetProperty("rows").GetInt32(), report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(),
            report.GetProperty("unchanged").GetInt32(), report.GetProperty("refused").GetInt32()));
        Assert.Equal([3, 4, 5], report.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        Assert.Contains("đảng viên", report.GetProperty("refusals")[1].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);

        report = await Ratings(false, push[..3]);
        Assert.Equal((0, 0, 3), (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()));

        // A full push of 2025 with one rating changed and one left out: one update, the other reported missing, still there.
        report = await Ratings(true, new { personCode = $"RT{tag}A", year = 2025, rating = "Excellent", score = 95 });
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        Assert.Contains(report.GetProperty("missingKeys").EnumerateArray(), k => k.GetString() == $"RT{tag}B/2025");
        Assert.True(report.GetProperty("missing").GetInt32() >= 1);
        Assert.Equal(Domain.Eligibility.Rating.Good, await app.WithDb(db => db.PersonRatings.Where(r => r.Year == 2025 && db.People.Any(p => p.Id == r.PersonId && p.Code == $"RT{tag}B")).Select(r => r.Rating).SingleAsync()));
    }

    [Fact]
    public async Task The_administrator_pushes_the_tree_parents_first_and_a_move_or_a_clerk_is_refused()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var admin = await app.BearerAs("admin@demo.vn");
        async Task<(HttpStatusCode, JsonElement)> Tree(HttpClient api, bool full, params object[] organizations)
        {
            using var response = await api.PutAsJsonAsync("/api/v1/organizations/sync", new { full, organizations });
            return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default);
        }

        object[] push =
        [
            new { code = $"G{tag}", name = "Đảng bộ Công ty Đồng Bộ", kind = "Grassroots", hostUnitType = "StateEnterprise", parentCode = "DUK" },
            new { code = $"G{tag}-01", name = "Chi bộ Phân xưởng", kind = "SubUnit", hostUnitType = "StateEnterprise", parentCode = $"G{tag}" },
            new { code = $"G{tag}-CD", name = "Chi đoàn Công ty Đồng Bộ", kind = "YouthUnionBranch", parentCode = $"G{tag}" },
            new { code = $"X{tag}", name = "Mồ côi", kind = "SubUnit", hostUnitType = "StateEnterprise", parentCode = $"KHONG{tag}" },
        ];
        var (status, report) = await Tree(admin, false, push);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((3, 1), (report.GetProperty("created").GetInt32(), report.GetProperty("refused").GetInt32()));
        var paths = await app.WithDb(db => db.Organizations.Where(o => o.Code.StartsWith($"G{tag}")).OrderBy(o => o.Code).Select(o => o.Path).ToListAsync());
        Assert.Equal(3, paths.Count);
        Assert.All(paths.Skip(1), p => Assert.StartsWith(paths[0], p, StringComparison.Ordinal));

        // Again: unchanged; a new name updates; a move to another parent is refused, the subtree stays where it was.
        (_, report) = await Tree(admin, false, push[..3]);
        Assert.Equal(3, report.GetProperty("unchanged").GetInt32());
        (_, report) = await Tree(admin, false,
            new { code = $"G{tag}", name = "Đảng bộ Công ty Đồng Bộ (đổi tên)", kind = "Grassroots", hostUnitType = "StateEnterprise", parentCode = "DUK" },
            new { code = $"G{tag}-01", name = "Chi bộ Phân xưởng", kind = "SubUnit", hostUnitType = "StateEnterprise", parentCode = "CS001" });
        Assert.Equal((1, 1), (report.GetProperty("updated").GetInt32(), report.GetProperty("refused").GetInt32()));
        Assert.Contains("trên trang Tổ chức", report.GetProperty("refusals")[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(paths, await app.WithDb(db => db.Organizations.Where(o => o.Code.StartsWith($"G{tag}")).OrderBy(o => o.Code).Select(o => o.Path).ToListAsync()));

        // A full push reports every active organisation it left out and closes none.
        (_, report) = await Tree(admin, true, push[..3]);
        Assert.Contains(report.GetProperty("missingCodes").EnumerateArray(), c => c.GetString() == "CS001");
        Assert.True(await app.WithDb(db => db.Organizations.Where(o => o.Code == "CS001").Select(o => o.IsActive).SingleAsync()));

        using var clerk = await app.BearerAs("coso1@demo.vn");
        var (refused, _) = await Tree(clerk, false, push[0]);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
    }

    [Fact]
    public async Task Collective_ratings_are_pushed_by_organisation_code_body_and_year_in_the_callers_scope_and_never_deleted()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var code = $"CR{tag}";
        using (var admin = await app.BearerAs("admin@demo.vn"))
        using (var made = await admin.PutAsJsonAsync("/api/v1/organizations/sync", new { full = false, organizations = new[] { new { code, name = "Chi bộ Đồng Bộ Tập Thể", kind = "SubUnit", hostUnitType = "StateEnterprise", parentCode = "CS004" } } }))
        {
            Assert.Equal(1, (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        }

        using var clerk = await app.BearerAs("coso4@demo.vn");
        async Task<JsonElement> Push(bool full, params object[] ratings)
        {
            using var response = await clerk.PutAsJsonAsync("/api/v1/organizations/ratings/sync", new { full, ratings });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
            return body;
        }

        var report = await Push(false,
            new { organizationCode = code, body = "PartyOrganisation", year = 2024, rating = "Good" },
            new { organizationCode = code.ToLowerInvariant(), body = "TradeUnion", year = 2024, rating = "Excellent" },
            new { organizationCode = "CS001", body = "PartyOrganisation", year = 2024, rating = "Good" },
            new { organizationCode = code, body = (string?)null, year = 2024, rating = "Good" },
            new { organizationCode = code, body = "YouthUnion", year = 2099, rating = "Good" });
        Assert.Equal((5, 2, 0, 0, 3), (report.GetProperty("rows").GetInt32(), report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(),
            report.GetProperty("unchanged").GetInt32(), report.GetProperty("refused").GetInt32()));
        var reasons = report.GetProperty("refusals").EnumerateArray().ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("reasons")[0].GetString()!);
        Assert.Contains("Không có tổ chức mã CS001 thuộc phạm vi", reasons[2], StringComparison.Ordinal);
        Assert.Contains("Thiếu đối tượng xếp loại", reasons[3], StringComparison.Ordinal);
        Assert.Contains("2099", reasons[4], StringComparison.Ordinal);

        // The same push again changes nothing; a new level updates that one rating and its version.
        var before = await app.WithDb(db => db.CollectiveRatings.Where(r => db.Organizations.Any(o => o.Id == r.OrganizationId && o.Code == code)).OrderBy(r => r.Body).Select(r => new { r.Body, r.Rating, r.Version }).ToListAsync());
        Assert.Equal([CollectiveBody.PartyOrganisation, CollectiveBody.TradeUnion], before.Select(r => r.Body));
        report = await Push(false,
            new { organizationCode = code, body = "PartyOrganisation", year = 2024, rating = "Good" },
            new { organizationCode = code, body = "TradeUnion", year = 2024, rating = "Excellent" });
        Assert.Equal((0, 0, 2), (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()));
        report = await Push(false, new { organizationCode = code, body = "PartyOrganisation", year = 2024, rating = "Excellent" });
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        var after = await app.WithDb(db => db.CollectiveRatings.Where(r => db.Organizations.Any(o => o.Id == r.OrganizationId && o.Code == code)).OrderBy(r => r.Body).Select(r => new { r.Body, r.Rating, r.Version }).ToListAsync());
        Assert.Equal((Rating.Excellent, Rating.Excellent), (after[0].Rating, after[1].Rating));
        Assert.NotEqual(before[0].Version, after[0].Version);
        Assert.Equal(before[1].Version, after[1].Version);

        // A full push of one rating reports the one of the same year it left out and deletes nothing.
        report = await Push(true, new { organizationCode = code, body = "PartyOrganisation", year = 2024, rating = "Excellent" });
        Assert.Contains(report.GetProperty("missingKeys").EnumerateArray(), k => k.GetString() == $"{code}/TradeUnion/2024");
        Assert.Equal(2, await app.WithDb(db => db.CollectiveRatings.CountAsync(r => db.Organizations.Any(o => o.Id == r.OrganizationId && o.Code == code))));

        using var viewer = await app.BearerAs("tinhuy@demo.vn");
        using var refused = await viewer.PutAsJsonAsync("/api/v1/organizations/ratings/sync", new { full = false, ratings = new[] { new { organizationCode = code, body = "TradeUnion", year = 2024, rating = "Good" } } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

[Collection(SqliteApp.Name)]
public sealed class RegistrySyncTests_Sqlite(SqliteAppFactory app) : RegistrySyncTests(app);

[Collection(PostgresApp.Name)]
public sealed class RegistrySyncTests_Postgres(PostgresAppFactory app) : RegistrySyncTests(app);
