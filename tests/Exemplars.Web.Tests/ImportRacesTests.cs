using Exemplars.Domain.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Exemplars.Web.Tests;

/// <summary>
/// ADR 012, imports: they take no version, so an import that collides with a concurrent edit of its rows, or with another
/// import adding the same codes, is applied whole or refused whole as a 409 <c>concurrent_edit</c> in Vietnamese — never an
/// unhandled error, never half-saved. The collisions are forced at the exact moment between the reading of the rows and
/// their saving (the "Đang lưu" progress report), then run loose in parallel through the pages.
/// </summary>
public abstract class ImportRacesTests(AppFactory app)
{
    private const string ConflictText = "vừa được người khác sửa hoặc nhập";

    /// <summary>A row changing a record whose version moved on after the file was made (ADR 012).</summary>
    private const string StaleRowText = "đã được sửa sau khi tệp này được tải về";

    /// <summary>A row changing a record that another import created after this file was made, so it carries no version.</summary>
    private const string UnversionedRowText = "không ghi phiên bản";

    private static readonly string[] PeopleHeaders = ["Mã người", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ", "Mã tổ chức", "Đảng viên", "Năm vào Đảng", "Lãnh đạo, quản lý", "Mã tập thể lãnh đạo", "Lĩnh vực", "Phiên bản"];

    private static readonly string[] OrganizationHeaders = ["Mã tổ chức", "Tên tổ chức", "Loại tổ chức", "Loại hình", "Mã tổ chức cấp trên", "Địa chỉ", "Phiên bản"];

    private static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private static object?[] PersonRow(string code, string position, string name = "Trần Văn Đua", Guid? version = null) =>
        [code, name, "12/03/1986", "Nam", "Kinh", position, "CS002", "Có", 2011, "Không", "", "3.2.5", version?.ToString()];

    private static object?[] OrganizationRow(string code, string name, string parent = "DUK", Guid? version = null) =>
        [code, name, parent == "DUK" ? "Tổ chức cơ sở đảng" : "Đơn vị trực thuộc", "Doanh nghiệp nhà nước", parent, "", version?.ToString()];

    private async Task<Guid> PersonVersion(string code) => await app.WithDb(db => db.People.Where(p => p.Code == code).Select(p => p.Version).SingleAsync());

    private async Task<Guid> OrganizationVersion(string code) => await app.WithDb(db => db.Organizations.Where(o => o.Code == code).Select(o => o.Version).SingleAsync());

    /// <summary>The person form as its page shows it (check boxes are not sent by the form helper, so they are given here).</summary>
    private static Dictionary<string, string> PersonEdit(string position) => new() { ["Input.Position"] = position, ["Input.IsPartyMember"] = "true" };

    private static byte[] Sheet(string[] headers, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => headers.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.v)).ToList());
        return stream.ToArray();
    }

    /// <summary>Runs <paramref name="collide"/> when the import has read its rows and is about to save them.</summary>
    private sealed class AtSaving(Func<Task>? collide) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Stage == "Đang lưu" && collide is not null)
            {
                collide().GetAwaiter().GetResult();
            }
        }
    }

    private async Task<Result<ImportPeople.Report>> ImportPeople(string email, byte[] xlsx, string fileName, Func<Task>? collide = null) =>
        await Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Users.Include(u => u.Organization).SingleAsync(u => u.Email == email);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(account.Id, email, account.FullName, account.Role, account.Organization!);
            using var stream = new MemoryStream(xlsx);
            return await scope.ServiceProvider.GetRequiredService<ImportPeople.Handler>().Handle(stream, fileName, new AtSaving(collide), CancellationToken.None);
        });

    private async Task<Result<ImportRatings.Report>> ImportRatings(string email, byte[] xlsx, Func<Task>? collide = null) =>
        await Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Users.Include(u => u.Organization).SingleAsync(u => u.Email == email);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(account.Id, email, account.FullName, account.Role, account.Organization!);
            using var stream = new MemoryStream(xlsx);
            return await scope.ServiceProvider.GetRequiredService<ImportRatings.Handler>().Handle(stream, "xep-loai.xlsx", new AtSaving(collide), CancellationToken.None);
        });

    [Fact]
    public async Task A_ratings_import_whose_new_rating_another_import_added_first_is_a_409_with_nothing_saved()
    {
        string[] headers = ["Mã người hoặc mã tổ chức", "Đối tượng xếp loại", "Năm", "Xếp loại"];
        var code = NewCode("NX");
        Assert.True((await ImportPeople("coso2@demo.vn", Sheet(PeopleHeaders, PersonRow(code, "Chuyên viên")), "nguoi.xlsx")).IsSuccess);
        Task<int> Count() => app.WithDb(db => db.PersonRatings.CountAsync(r => db.People.Any(p => p.Id == r.PersonId && p.Code == code)));

        // The file adds 2019 and 2020 in bulk; between its reading and its saving another import adds 2020.
        var collided = await ImportRatings("coso2@demo.vn", Sheet(headers, [code, "Đảng viên", 2019, "Hoàn thành tốt nhiệm vụ"], [code, "Đảng viên", 2020, "Hoàn thành tốt nhiệm vụ"]), async () =>
            Assert.True((await ImportRatings("coso2@demo.vn", Sheet(headers, [code, "Đảng viên", 2020, "Hoàn thành xuất sắc nhiệm vụ"]))).IsSuccess));
        AssertConflict(collided);
        Assert.Equal(1, await Count());
        Assert.Equal("Excellent", await app.WithDb(db => db.PersonRatings.Where(r => db.People.Any(p => p.Id == r.PersonId && p.Code == code)).Select(r => r.Rating.ToString()).SingleAsync()));

        // Imported again, the file adds 2019 and leaves 2020 as it is now (it differs, and the file has no version for it: refused by row).
        var again = await ImportRatings("coso2@demo.vn", Sheet(headers, [code, "Đảng viên", 2019, "Hoàn thành tốt nhiệm vụ"]));
        Assert.True(again.IsSuccess);
        Assert.Equal(2, await Count());
    }

    private async Task<Result<ImportOrganizations.Report>> ImportOrganizations(byte[] xlsx, Func<Task>? collide = null) =>
        await Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            using var stream = new MemoryStream(xlsx);
            return await scope.ServiceProvider.GetRequiredService<ImportOrganizations.Handler>().Handle(stream, CancellationToken.None, new AtSaving(collide));
        });

    private static void AssertConflict<T>(Result<T> result)
    {
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal("concurrent_edit", error.Code);
        Assert.Contains(ConflictText, error.Message, StringComparison.Ordinal);
    }

    private async Task<bool> PersonExists(string code) => await app.WithDb(db => db.People.AnyAsync(p => p.Code == code));

    private async Task<bool> OrganizationExists(string code) => await app.WithDb(db => db.Organizations.AnyAsync(o => o.Code == code));

    [Fact]
    public async Task A_people_import_meeting_an_edit_of_its_rows_or_another_import_of_its_codes_is_a_409_with_nothing_saved()
    {
        var edited = NewCode("NR");
        var created = await ImportPeople("coso2@demo.vn", Sheet(PeopleHeaders, PersonRow(edited, "Chuyên viên")), "dau.xlsx");
        Assert.True(created.IsSuccess);
        var id = await app.WithDb(db => db.People.Where(p => p.Code == edited).Select(p => p.Id).SingleAsync());
        var clerk = await app.SignedInAs("coso2@demo.vn");

        // An edit through the form commits between the import's reading and its saving.
        var added = NewCode("NR");
        var file = "dua-sua-" + added + ".xlsx";
        var collided = await ImportPeople("coso2@demo.vn", Sheet(PeopleHeaders, PersonRow(edited, "Trưởng phòng", version: await PersonVersion(edited)), PersonRow(added, "Kế toán")), file, async () =>
        {
            using var saved = await Forms.SubmitAsync(clerk, $"/People/Edit/{id}", PersonEdit("Phó phòng"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        });
        AssertConflict(collided);
        Assert.Equal("Phó phòng", await app.WithDb(db => db.People.Where(p => p.Id == id).Select(p => p.Position).SingleAsync()));
        Assert.False(await PersonExists(added));
        Assert.False(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PeopleImport" && a.EntityId == file)));

        // Another import adds one of its codes first.
        var shared = NewCode("NR");
        var own = NewCode("NR");
        var beaten = await ImportPeople("coso2@demo.vn", Sheet(PeopleHeaders, PersonRow(shared, "Kế toán", "Nguyễn Văn Sau"), PersonRow(own, "Kế toán")), "sau.xlsx", async () =>
        {
            var first = await ImportPeople("coso2@demo.vn", Sheet(PeopleHeaders, PersonRow(shared, "Thủ quỹ", "Nguyễn Văn Trước")), "truoc.xlsx");
            Assert.True(first.IsSuccess);
        });
        AssertConflict(beaten);
        Assert.Equal("Nguyễn Văn Trước", await app.WithDb(db => db.People.Where(p => p.Code == shared).Select(p => p.FullName).SingleAsync()));
        Assert.False(await PersonExists(own));

        // Another import updates one of its rows first (both files made from the same export).
        var exported = await PersonVersion(edited);
        var overtaken = await ImportPeople("coso2@demo.vn", Sheet(PeopleHeaders, PersonRow(edited, "Giám đốc", version: exported), PersonRow(own, "Kế toán")), "sau-nua.xlsx", async () =>
        {
            var first = await ImportPeople("coso2@demo.vn", Sheet(PeopleHeaders, PersonRow(edited, "Phó giám đốc", version: exported)), "truoc-nua.xlsx");
            Assert.True(first.IsSuccess);
        });
        AssertConflict(overtaken);
        Assert.Equal("Phó giám đốc", await app.WithDb(db => db.People.Where(p => p.Id == id).Select(p => p.Position).SingleAsync()));
        Assert.False(await PersonExists(own));

        // The file made before that import is now stale for that row: refused by row, nothing saved.
        var stale = await ImportPeople("coso2@demo.vn", Sheet(PeopleHeaders, PersonRow(edited, "Giám đốc", version: exported), PersonRow(own, "Kế toán")), "cu.xlsx");
        Assert.True(stale.IsSuccess);
        Assert.False(stale.Value.Applied);
        Assert.Contains(stale.Value.Errors, e => e.Row == 2 && e.Message.Contains(StaleRowText, StringComparison.Ordinal));
        Assert.False(await PersonExists(own));

        // Nothing in the way: the file made from the current list goes in whole.
        var again = await ImportPeople("coso2@demo.vn", Sheet(PeopleHeaders, PersonRow(edited, "Giám đốc", version: await PersonVersion(edited)), PersonRow(own, "Kế toán")), "lai.xlsx");
        Assert.True(again.IsSuccess);
        Assert.True(await PersonExists(own));
    }

    [Fact]
    public async Task An_organisation_import_meeting_an_edit_of_its_rows_or_another_import_of_its_codes_is_a_409_with_nothing_saved()
    {
        var edited = NewCode("TR");
        Assert.True((await ImportOrganizations(Sheet(OrganizationHeaders, OrganizationRow(edited, "Đảng bộ Công ty Đua Một")))).IsSuccess);
        var id = await app.WithDb(db => db.Organizations.Where(o => o.Code == edited).Select(o => o.Id).SingleAsync());
        var admin = await app.SignedInAs("admin@demo.vn");

        var added = NewCode("TR");
        var collided = await ImportOrganizations(Sheet(OrganizationHeaders, OrganizationRow(edited, "Đảng bộ Công ty Đua Nhập", version: await OrganizationVersion(edited)), OrganizationRow(added, "Chi bộ Mới Thêm", edited)), async () =>
        {
            using var saved = await Forms.SubmitAsync(admin, $"/Organizations/Edit/{id}", new Dictionary<string, string> { ["Input.Name"] = "Đảng bộ Công ty Đua Sửa" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        });
        AssertConflict(collided);
        Assert.Equal("Đảng bộ Công ty Đua Sửa", await app.WithDb(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
        Assert.False(await OrganizationExists(added));

        // The parent of a new row is moved meanwhile: the child would be saved under the old path.
        var sub = NewCode("TR");
        Assert.True((await ImportOrganizations(Sheet(OrganizationHeaders, OrganizationRow(sub, "Chi bộ Phân Xưởng Sẽ Chuyển", edited)))).IsSuccess);
        var subId = await app.WithDb(db => db.Organizations.Where(o => o.Code == sub).Select(o => o.Id).SingleAsync());
        var moved = NewCode("TR");
        var collidedParent = await ImportOrganizations(Sheet(OrganizationHeaders, OrganizationRow(moved, "Tổ Dưới Chi Bộ Bị Chuyển", sub)), async () =>
        {
            using var saved = await Forms.SubmitAsync(admin, $"/Organizations/Edit/{subId}", new Dictionary<string, string> { ["Input.ParentCode"] = "CS044" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        });
        AssertConflict(collidedParent);
        Assert.False(await OrganizationExists(moved));

        var shared = NewCode("TR");
        var child = NewCode("TR");
        var beaten = await ImportOrganizations(Sheet(OrganizationHeaders, OrganizationRow(shared, "Đảng bộ Công ty Đến Sau"), OrganizationRow(child, "Chi bộ Con Đến Sau", shared)), async () =>
            Assert.True((await ImportOrganizations(Sheet(OrganizationHeaders, OrganizationRow(shared, "Đảng bộ Công ty Đến Trước")))).IsSuccess));
        AssertConflict(beaten);
        Assert.Equal("Đảng bộ Công ty Đến Trước", await app.WithDb(db => db.Organizations.Where(o => o.Code == shared).Select(o => o.Name).SingleAsync()));
        Assert.False(await OrganizationExists(child));
    }

    /// <summary>Uploads through the people page and polls the status fragment until the import has finished.</summary>
    private static async Task<string> ImportThroughPage(HttpClient client, byte[] xlsx)
    {
        var page = await Forms.GetDocumentAsync(client, "/People/Import");
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.GetAttribute("action")!.Contains("handler=People", StringComparison.Ordinal));
        using var started = await Forms.SubmitAsync(client, "/People/Import", form, new Dictionary<string, string>(), ("file", "nhap.xlsx", xlsx));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var job = started.Headers.Location!.ToString().Split("job=")[1];
        for (var i = 0; i < 600; i++)
        {
            var status = await client.GetStringAsync($"/People/Import?handler=Status&job={job}");
            if (!status.Contains("hx-trigger", StringComparison.Ordinal))
            {
                var document = Forms.Parse(status);
                return document.QuerySelector("[data-testid=import-result]")!.TextContent + " " + document.QuerySelector("table[data-testid=import-errors]")?.TextContent;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("import did not finish");
    }

    [Fact]
    public async Task Parallel_people_imports_and_edits_through_the_pages_each_land_whole_or_say_so_in_Vietnamese()
    {
        var rows = Enumerable.Range(0, 4).Select(_ => NewCode("NP")).ToList();
        var clerk = await app.SignedInAs("coso2@demo.vn");
        Assert.StartsWith("Đã nhập", await ImportThroughPage(clerk, Sheet(PeopleHeaders, [.. rows.Select(c => PersonRow(c, "Chuyên viên"))])), StringComparison.Ordinal);
        var ids = await app.WithDb(db => db.People.Where(p => rows.Contains(p.Code!)).Select(p => p.Id).ToListAsync());
        var versions = await app.WithDb(db => db.People.Where(p => rows.Contains(p.Code!)).ToDictionaryAsync(p => p.Code!, p => p.Version));
        var shared = NewCode("NP");
        var owns = Enumerable.Range(0, 4).Select(_ => NewCode("NP")).ToList();
        var imports = owns.Select(async (own, i) =>
        {
            var client = await app.SignedInAs("coso2@demo.vn");
            object?[][] file = [.. rows.Select(c => PersonRow(c, $"Chức vụ nhập {i}", version: versions[c])), PersonRow(shared, "Kế toán", $"Người chung {i}"), PersonRow(own, "Kế toán")];
            return (Own: own, Text: await ImportThroughPage(client, Sheet(PeopleHeaders, file)));
        }).ToList();
        var edits = ids.Select(async (id, i) =>
        {
            var client = await app.SignedInAs("coso2@demo.vn");
            using var saved = await Forms.SubmitAsync(client, $"/People/Edit/{id}", PersonEdit($"Chức vụ sửa {i}"));
            return saved.StatusCode == HttpStatusCode.Redirect || (await saved.Content.ReadAsStringAsync()).Contains("vừa được người khác sửa", StringComparison.Ordinal);
        }).ToList();
        Assert.All(await Task.WhenAll(edits), Assert.True);
        var landed = 0;
        foreach (var (own, text) in await Task.WhenAll(imports))
        {
            Assert.DoesNotContain("lỗi hệ thống", text, StringComparison.Ordinal);
            var applied = text.StartsWith("Đã nhập", StringComparison.Ordinal);
            Assert.True(applied || new[] { ConflictText, StaleRowText, UnversionedRowText }.Any(t => text.Contains(t, StringComparison.Ordinal)), text);
            Assert.Equal(applied, await PersonExists(own));
            landed += applied ? 1 : 0;
        }

        // Each file carries the versions it was made from: the edits racing them may leave every one of them stale.
        Assert.Equal(landed > 0 ? 1 : 0, await app.WithDb(db => db.People.CountAsync(p => p.Code == shared)));
    }

    [Fact]
    public async Task Parallel_organisation_imports_and_edits_through_the_page_each_land_whole_or_say_so_in_Vietnamese()
    {
        var existing = NewCode("TP");
        var admin = await app.SignedInAs("admin@demo.vn");
        Assert.True((await ImportOrganizations(Sheet(OrganizationHeaders, OrganizationRow(existing, "Đảng bộ Công ty Song Song")))).IsSuccess);
        var id = await app.WithDb(db => db.Organizations.Where(o => o.Code == existing).Select(o => o.Id).SingleAsync());
        var version = await OrganizationVersion(existing);
        var shared = NewCode("TP");
        var owns = Enumerable.Range(0, 4).Select(_ => NewCode("TP")).ToList();
        var imports = owns.Select(async (own, i) =>
        {
            var client = await app.SignedInAs("admin@demo.vn");
            var page = await Forms.GetDocumentAsync(client, "/Organizations/Import");
            var xlsx = Sheet(OrganizationHeaders, OrganizationRow(existing, $"Đảng bộ Công ty Song Song {i}", version: version), OrganizationRow(shared, $"Đảng bộ Chung {i}"), OrganizationRow(own, $"Chi bộ Riêng {i}", shared));
            using var response = await Forms.SubmitAsync(client, "/Organizations/Import", (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!, new Dictionary<string, string>(), ("file", "to-chuc.xlsx", xlsx));
            return (Own: own, Status: response.StatusCode, Html: await response.Content.ReadAsStringAsync());
        }).ToList();
        var edits = Enumerable.Range(0, 4).Select(async i =>
        {
            using var saved = await Forms.SubmitAsync(admin, $"/Organizations/Edit/{id}", new Dictionary<string, string> { ["Input.Name"] = $"Đảng bộ Công ty Sửa Song Song {i}" });
            return saved.StatusCode == HttpStatusCode.Redirect || (await saved.Content.ReadAsStringAsync()).Contains("vừa được người khác sửa", StringComparison.Ordinal);
        }).ToList();
        Assert.All(await Task.WhenAll(edits), Assert.True);
        var landed = 0;
        foreach (var (own, status, html) in await Task.WhenAll(imports))
        {
            Assert.Equal(HttpStatusCode.OK, status);
            var applied = html.Contains("thêm mới", StringComparison.Ordinal);
            Assert.True(applied || new[] { ConflictText, StaleRowText, UnversionedRowText }.Any(t => html.Contains(t, StringComparison.Ordinal)), html);
            Assert.Equal(applied, await OrganizationExists(own));
            landed += applied ? 1 : 0;
        }

        // Each file carries the version it was made from: the edits racing them may leave every one of them stale.
        Assert.Equal(landed > 0, await OrganizationExists(shared));
    }
}

[Collection(SqliteApp.Name)]
public sealed class ImportRacesTests_Sqlite(SqliteAppFactory app) : ImportRacesTests(app);

[Collection(PostgresApp.Name)]
public sealed class ImportRacesTests_Postgres(PostgresAppFactory app) : ImportRacesTests(app);
