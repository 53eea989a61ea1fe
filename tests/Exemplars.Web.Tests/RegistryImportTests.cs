using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Exemplars.Web.Tests;

public abstract class RegistryImportTests(AppFactory app)
{
    private static byte[] Sheet(string[] headers, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => headers.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.v)).ToList());
        return stream.ToArray();
    }

    /// <summary>An exported workbook with one cell changed in the rows <paramref name="match"/> picks: what a clerk does in Excel.</summary>
    private static byte[] Edited(byte[] exported, Func<IDictionary<string, object?>, bool> match, string column, object? value)
    {
        var rows = MiniExcel.Query(new MemoryStream(exported), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => match(r));
        foreach (var row in rows.Where(match))
        {
            row[column] = value;
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => r.ToDictionary(x => x.Key, x => x.Value)).ToList());
        return stream.ToArray();
    }

    private static bool Is(IDictionary<string, object?> row, string column, object expected) =>
        string.Equals(Convert.ToString(row[column], System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static readonly string[] RatingHeaders = ["Mã người hoặc mã tổ chức", "Đối tượng xếp loại", "Năm", "Xếp loại"];

    private static readonly string[] PeopleHeaders = ["Mã người", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ", "Mã tổ chức", "Đảng viên", "Năm vào Đảng", "Lãnh đạo, quản lý", "Mã tập thể lãnh đạo", "Lĩnh vực"];

    /// <summary>Uploads through the page, then polls the status fragment (as htmx does) until the import has finished.</summary>
    private async Task<string> Import(string email, string handler, byte[] xlsx)
    {
        var client = await app.SignedInAs(email);
        var page = await Forms.GetDocumentAsync(client, "/People/Import");
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.GetAttribute("action")!.Contains($"handler={handler}", StringComparison.Ordinal));
        using var started = await Forms.SubmitAsync(client, "/People/Import", form, new Dictionary<string, string>(), ("file", "nhap.xlsx", xlsx));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var job = started.Headers.Location!.ToString().Split("job=")[1];
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetStringAsync($"/People/Import?handler=Status&job={job}");
            if (!status.Contains("hx-trigger", StringComparison.Ordinal))
            {
                using var other = await (await app.SignedInAs("admin@demo.vn")).GetAsync($"/People/Import?handler=Status&job={job}");
                Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("import did not finish");
    }

    [Fact]
    public async Task Ratings_import_is_idempotent_and_covers_people_and_collectives()
    {
        var person = await app.WithDb(db => db.People.Where(p => p.Organization!.Code == "CS005" && p.IsPartyMember && p.PartyJoinYear <= 2019).Select(p => p.Code).FirstAsync());
        var xlsx = Sheet(RatingHeaders,
            [person, "Đảng viên", 2019, "Hoàn thành xuất sắc nhiệm vụ"],
            [person, "dang vien", 2020, "HTTNV"],
            ["CS005", "Tổ chức đảng", 2019, "Hoàn thành tốt nhiệm vụ"],
            ["cs005", "Hội Liên hiệp Phụ nữ", 2019, "Excellent"]);
        var first = await Import("coso5@demo.vn", "Ratings", xlsx);
        Assert.Contains("thêm mới 4, cập nhật 0, không đổi 0", first, StringComparison.Ordinal);
        var again = await Import("coso5@demo.vn", "Ratings", xlsx);
        Assert.Contains("thêm mới 0, cập nhật 0, không đổi 4", again, StringComparison.Ordinal);
        Task<string> Rating2019() => app.WithDb(db => db.PersonRatings.Where(r => r.Year == 2019 && db.People.Any(p => p.Id == r.PersonId && p.Code == person)).Select(r => r.Rating.ToString()).SingleAsync());

        // Changing a recorded rating from a hand-made file, without the rating's version, is refused and saves nothing.
        var unversioned = await Import("coso5@demo.vn", "Ratings", Sheet(RatingHeaders, [person, "Đảng viên", 2019, "Hoàn thành tốt nhiệm vụ"]));
        Assert.Contains("không ghi phiên bản", unversioned, StringComparison.Ordinal);
        Assert.Equal("Excellent", await Rating2019());

        // The way: download the recorded ratings, change the cell, import the file back.
        var clerk = await app.SignedInAs("coso5@demo.vn");
        Assert.NotNull(Forms.Parse(await clerk.GetStringAsync("/People/Import")).QuerySelector("a[data-testid=export-ratings]"));
        var exported = await clerk.GetByteArrayAsync("/People/Import?handler=ExportRatings");
        bool Row2019(IDictionary<string, object?> r) => Is(r, "Mã người hoặc mã tổ chức", person) && Is(r, "Năm", 2019) && Is(r, "Đối tượng xếp loại", "Đảng viên");
        var changed = await Import("coso5@demo.vn", "Ratings", Edited(exported, Row2019, "Xếp loại", "Hoàn thành tốt nhiệm vụ"));
        Assert.Contains("cập nhật 1", changed, StringComparison.Ordinal);
        Assert.Equal("Good", await Rating2019());

        // The same download used again after that change is stale for that row: refused by row, nothing saved.
        var stale = await Import("coso5@demo.vn", "Ratings", Edited(exported, Row2019, "Xếp loại", "Hoàn thành nhiệm vụ"));
        Assert.Contains("đã được sửa sau khi tệp này được tải về", stale, StringComparison.Ordinal);
        Assert.Equal("Good", await Rating2019());

        // A page opened before the import writes that year from what it showed: refused, the import's value stays.
        var id = await app.WithDb(db => db.People.Where(p => p.Code == person).Select(p => p.Id).SingleAsync());
        var before = await Forms.GetDocumentAsync(clerk, $"/People/Details/{id}");
        var fresh = await clerk.GetByteArrayAsync("/People/Import?handler=ExportRatings");
        Assert.Contains("cập nhật 1", await Import("coso5@demo.vn", "Ratings", Edited(fresh, Row2019, "Xếp loại", "Hoàn thành xuất sắc nhiệm vụ")), StringComparison.Ordinal);
        using var late = await Forms.SubmitAsync(clerk, $"/People/Details/{id}", (AngleSharp.Html.Dom.IHtmlFormElement)before.QuerySelector("form[action*='Rating']")!, new Dictionary<string, string> { ["year"] = "2019", ["rating"] = "Completed" });
        Assert.Contains("Xếp loại năm 2019 vừa được người khác ghi, sửa hoặc xóa", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Excellent", await Rating2019());

        // So does a write of a year the page showed empty that someone rated meanwhile.
        var rated = await app.WithDb(db => db.PersonRatings.Where(r => r.PersonId == id).Select(r => r.Year).ToListAsync());
        var joined = await app.WithDb(db => db.People.Where(p => p.Id == id).Select(p => p.PartyJoinYear!.Value).SingleAsync());
        var empty = Enumerable.Range(joined, 2019 - joined + 1).Concat(Enumerable.Range(2020, 5)).First(y => !rated.Contains(y));
        var blank = await Forms.GetDocumentAsync(clerk, $"/People/Details/{id}");
        Assert.Contains("thêm mới 1", await Import("coso5@demo.vn", "Ratings", Sheet(RatingHeaders, [person, "Đảng viên", empty, "Hoàn thành tốt nhiệm vụ"])), StringComparison.Ordinal);
        using var overwrite = await Forms.SubmitAsync(clerk, $"/People/Details/{id}", (AngleSharp.Html.Dom.IHtmlFormElement)blank.QuerySelector("form[action*='Rating']")!, new Dictionary<string, string> { ["year"] = $"{empty}", ["rating"] = "NotCompleted" });
        Assert.Contains($"Xếp loại năm {empty} vừa được người khác ghi, sửa hoặc xóa", await overwrite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Good", await app.WithDb(db => db.PersonRatings.Where(r => r.Year == empty && r.PersonId == id).Select(r => r.Rating.ToString()).SingleAsync()));
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "RatingImport" && a.UserName == "coso5@demo.vn" && a.Changes.Contains("\"created\":4"))));
    }

    [Fact]
    public async Task Ratings_imported_in_bulk_change_the_suggestions_on_the_next_read()
    {
        // Rows written by COPY / a prepared INSERT bypass EF; the import marks their people itself (ADR 014).
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        await secretariat.GetStringAsync("/Eligibility/Suggestions?round=2021-2025");
        var round = await app.WithDb(db => db.Rounds.SingleAsync(r => r.Code == "2021-2025"));
        var found = await app.WithDb(async db =>
        {
            var clerks = await db.Users.Where(u => u.Email!.StartsWith("coso") && u.Email != "coso5@demo.vn" && u.Email != "coso3@demo.vn")
                .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new { u.Email, o.Path }).OrderBy(x => x.Email).ToListAsync();
            foreach (var clerk in clerks)
            {
                var person = await db.SuggestionRows
                    .Where(r => r.RoundId == round.Id && r.Kind == Domain.Eligibility.NomineeKind.Individual && r.Status == Features.Eligibility.SuggestionStatus.Suggested)
                    .Join(db.People, r => r.SubjectId, p => p.Id, (r, p) => p)
                    .Where(p => p.IsPartyMember && !p.IsLeader && p.Organization!.Path.StartsWith(clerk.Path))
                    .OrderBy(p => p.Id).Select(p => new { p.Id, p.Code, p.OrganizationId }).FirstOrDefaultAsync();
                if (person is not null)
                {
                    return (clerk.Email!, person.Id, person.Code, person.OrganizationId);
                }
            }

            throw new InvalidOperationException("no clerk with a suggested party member in the demo");
        });
        var (email, id, code, unit) = found;
        var url = $"/Eligibility/Suggestions?round=2021-2025&kind=Individual&organizationId={unit}";
        bool Listed(string html) => Forms.Parse(html).QuerySelector($"table[data-testid=suggestions] a[href^='/People/Details/{id}?']") is not null;
        Assert.True(Listed(await secretariat.GetStringAsync(url)));

        var year = await app.WithDb(async db =>
        {
            var rating = await db.PersonRatings.Where(r => r.PersonId == id && r.Year >= round.FirstRatingYear && r.Year <= round.LastRatingYear && r.Rating == Domain.Eligibility.Rating.Excellent).OrderBy(r => r.Year).FirstAsync();
            db.PersonRatings.Remove(rating);
            await db.SaveChangesAsync();
            return rating.Year;
        });
        Assert.False(Listed(await secretariat.GetStringAsync(url)), "a year without a rating cannot be judged");

        Assert.Contains("thêm mới 1", await Import(email, "Ratings", Sheet(RatingHeaders, [code, "Đảng viên", year, "Hoàn thành xuất sắc nhiệm vụ"])), StringComparison.Ordinal);
        Assert.True(Listed(await secretariat.GetStringAsync(url)), "the imported rating counts on the next read");
    }

    [Fact]
    public async Task Ratings_import_with_bad_rows_saves_nothing_and_names_each_row()
    {
        var own = await app.WithDb(db => db.People.Where(p => p.Organization!.Code == "CS003" && p.IsPartyMember).Select(p => p.Code).FirstAsync());
        var nonMember = await app.WithDb(db => db.People.Where(p => p.Organization!.Code == "CS003" && !p.IsPartyMember).Select(p => p.Code).FirstAsync());
        var foreign = await app.WithDb(db => db.People.Where(p => p.Organization!.Code == "CS004").Select(p => p.Code).FirstAsync());
        var before = await app.WithDb(db => db.PersonRatings.CountAsync());
        var html = await Import("coso3@demo.vn", "Ratings", Sheet(RatingHeaders,
            [own, "Đảng viên", 2023, "Hoàn thành xuất sắc nhiệm vụ"],
            [own, "Đảng viên", 2023, "Hoàn thành tốt nhiệm vụ"],
            [foreign, "Đảng viên", 2023, "Hoàn thành tốt nhiệm vụ"],
            [own, "Đảng viên", "năm ngoái", "Hoàn thành tốt nhiệm vụ"],
            [own, "Đảng viên", 2022, "Giỏi"],
            [nonMember, "Đảng viên", 2022, "Hoàn thành tốt nhiệm vụ"],
            ["CS003", "Hợp tác xã", 2022, "Hoàn thành tốt nhiệm vụ"]));
        var rows = Forms.Parse(html).QuerySelectorAll("table[data-testid=import-errors] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.StartsWith('3') && r.Contains("Trùng với dòng 2", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('4') && r.Contains($"Không có người mã {foreign}", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('5') && r.Contains("Năm \"năm ngoái\" không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('6') && r.Contains("Xếp loại \"Giỏi\" không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('7') && r.Contains("không phải là đảng viên", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('8') && r.Contains("Đối tượng xếp loại \"Hợp tác xã\" không hợp lệ", StringComparison.Ordinal));
        Assert.Contains("chưa lưu dòng nào", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDb(db => db.PersonRatings.CountAsync()));
    }

    [Fact]
    public async Task People_import_adds_then_updates_by_code_and_refuses_bad_rows()
    {
        var a = "NK" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var b = "NK" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        object?[] rowA = [a, "Phan Thị Thanh Thúy", "12/03/1986", "Nữ", "Kinh", "Kế toán trưởng", "CS002", "Có", 2011, "Không", "", "3.2.5"];
        object?[] rowB = [b, "Lê Quang Vinh", "1979-10-02", "Nam", "Kinh", "Giám đốc", "CS002", "Có", 2003, "Có", "CS002-01", "3.2.5"];
        var first = await Import("coso2@demo.vn", "People", Sheet(PeopleHeaders, rowA, rowB));
        Assert.Contains("thêm mới 2, cập nhật 0, không đổi 0", first, StringComparison.Ordinal);
        var again = await Import("coso2@demo.vn", "People", Sheet(PeopleHeaders, rowA, rowB));
        Assert.Contains("thêm mới 0, cập nhật 0, không đổi 2", again, StringComparison.Ordinal);
        Task<string?> PositionOfA() => app.WithDb(db => db.People.Where(p => p.Code == a).Select(p => p.Position).SingleAsync());

        // Changing a person from a hand-made file (no version) is refused and saves nothing.
        rowA[5] = "Phó Giám đốc";
        var unversioned = await Import("coso2@demo.vn", "People", Sheet(PeopleHeaders, rowA));
        Assert.Contains($"Người mã {a} đã có trong hệ thống và dòng này sửa thông tin của nó nhưng không ghi phiên bản", unversioned, StringComparison.Ordinal);
        Assert.Equal("Kế toán trưởng", await PositionOfA());

        // The way: download the list (the whole unit, in the import layout), change the cell, import the file back.
        var clerk = await app.SignedInAs("coso2@demo.vn");
        var exported = await clerk.GetByteArrayAsync("/People/Index?handler=Export");
        var updated = await Import("coso2@demo.vn", "People", Edited(exported, r => Is(r, "Mã người", a), "Chức vụ", "Phó Giám đốc"));
        Assert.Contains("cập nhật 1", updated, StringComparison.Ordinal);
        Assert.Equal("Phó Giám đốc", await PositionOfA());

        // The same download used again after that change is stale for that row: refused by row, nothing saved.
        var stale = await Import("coso2@demo.vn", "People", Edited(exported, r => Is(r, "Mã người", a), "Chức vụ", "Giám đốc"));
        Assert.Contains($"Người mã {a} đã được sửa sau khi tệp này được tải về", stale, StringComparison.Ordinal);
        Assert.Equal("Phó Giám đốc", await PositionOfA());
        var leader = await app.WithDb(db => db.People.Include(p => p.LedOrganization).SingleAsync(p => p.Code == b));
        Assert.Equal("CS002-01", leader.LedOrganization!.Code);

        var bad = await Import("coso2@demo.vn", "People", Sheet(PeopleHeaders,
            ["NK" + Guid.NewGuid().ToString("N")[..6], "", "31/02/1990", "Khác", "", "", "CS009", "Có", "", "Không", "", "3.1.1"]));
        var errors = Forms.Parse(bad).QuerySelectorAll("table[data-testid=import-errors] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains("Ngày sinh \"31/02/1990\" không đúng dạng", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Giới tính \"Khác\" không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Họ và tên không được để trống.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Không có tổ chức mã CS009 trong phạm vi của đồng chí.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Lĩnh vực \"3.1.1\" không phải là đối tượng cá nhân", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Đảng viên phải có năm vào Đảng.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_downloaded_list_goes_back_in_even_where_a_unit_has_closed_since_because_unchanged_rows_are_not_writes()
    {
        var unitCode = "CS002-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await app.WithDb(async db =>
        {
            var parent = await db.Organizations.SingleAsync(o => o.Code == "CS002");
            var unit = Exemplars.Domain.Organizations.Organization.Create(new Exemplars.Domain.Organizations.OrganizationDraft(unitCode, "Chi bộ Phòng Thẩm định (đã giải thể), Sở Kế hoạch và Đầu tư", Exemplars.Domain.Organizations.OrganizationKind.SubUnit, null, "CS002"), parent).Value;
            db.Organizations.Add(unit);
            await db.SaveChangesAsync();
            unit.AssignPath();
            return await db.SaveChangesAsync();
        });
        var code = "NG" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        Assert.Contains("thêm mới 1", await Import("coso2@demo.vn", "People", Sheet(PeopleHeaders, [code, "Đỗ Thị Hạnh", "01/02/1985", "Nữ", "Kinh", "Chuyên viên", unitCode, "Có", 2010, "Không", "", "3.2.5"])), StringComparison.Ordinal);
        var clerk = await app.SignedInAs("coso2@demo.vn");
        var exported = await clerk.GetByteArrayAsync("/People/Index?handler=Export");

        // The unit closes (its people stay on the registry under it).
        await app.WithDb(async db =>
        {
            var unit = await db.Organizations.SingleAsync(o => o.Code == unitCode);
            Assert.Empty(unit.Deactivate(0));
            return await db.SaveChangesAsync();
        });

        // The whole list goes back in: nothing changed, nothing refused — the closed unit's row is not a write.
        var again = await Import("coso2@demo.vn", "People", exported);
        Assert.Contains("thêm mới 0, cập nhật 0, không đổi", again, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa lưu dòng nào", again, StringComparison.Ordinal);

        // A change to that person still goes through today's rules: the closed unit is refused.
        var moved = await Import("coso2@demo.vn", "People", Edited(exported, r => Is(r, "Mã người", code), "Chức vụ", "Phó phòng"));
        Assert.Contains($"Không có tổ chức mã {unitCode} trong phạm vi của đồng chí.", moved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collective_ratings_are_recorded_on_the_organisation_page()
    {
        var clerk = await app.SignedInAs("coso1@demo.vn");
        var id = await app.WithDb(db => db.Organizations.Where(o => o.Code == "CS001-02").Select(o => o.Id).SingleAsync());
        using var response = await Forms.SubmitAsync(clerk, $"/Organizations/Details/{id}", new Dictionary<string, string> { ["year"] = "2023", ["body"] = "YouthUnion", ["rating"] = "Excellent" }, "form[action*='Rating']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var table = Forms.Parse(await clerk.GetStringAsync($"/Organizations/Details/{id}")).QuerySelector("table[data-testid=collective-ratings]")!.TextContent;
        Assert.Contains("Hoàn thành xuất sắc nhiệm vụ", table, StringComparison.Ordinal);
        using var future = await Forms.SubmitAsync(clerk, $"/Organizations/Details/{id}", new Dictionary<string, string> { ["year"] = "2099", ["body"] = "YouthUnion", ["rating"] = "Excellent" }, "form[action*='Rating']");
        Assert.Contains("Năm xếp loại 2099 không hợp lệ.", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(SqliteApp.Name)]
public sealed class RegistryImportTests_Sqlite(SqliteAppFactory app) : RegistryImportTests(app);

[Collection(PostgresApp.Name)]
public sealed class RegistryImportTests_Postgres(PostgresAppFactory app) : RegistryImportTests(app);
