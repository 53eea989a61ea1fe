using Exemplars.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Exemplars.Web.Tests;

public abstract class OrganizationsTests(AppFactory app)
{
    private static string NewCode() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private async Task<HttpResponseMessage> Create(string code, string name, string kind = "Grassroots", string host = "StateAgency", string parent = "DUK")
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        return await Forms.SubmitAsync(admin, "/Organizations/Edit", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.HostUnitType"] = host, ["Input.ParentCode"] = parent,
        });
    }

    private static byte[] Sheet(params string[][] rows)
    {
        var headers = new[] { "Mã tổ chức", "Tên tổ chức", "Loại tổ chức", "Loại hình", "Mã tổ chức cấp trên", "Địa chỉ" };
        var data = rows.Select(r => headers.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => (object?)x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data);
        return stream.ToArray();
    }

    private async Task<string> Import(byte[] xlsx, string fileName = "to-chuc.xlsx")
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var page = await Forms.GetDocumentAsync(admin, "/Organizations/Import");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!;
        using var response = await Forms.SubmitAsync(admin, "/Organizations/Import", form, new Dictionary<string, string>(), ("file", fileName, xlsx));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Demo_bloc_has_at_least_40_grassroots_of_all_three_host_types()
    {
        var grassroots = await app.WithDb(db => db.Organizations.Where(o => o.Kind == OrganizationKind.Grassroots && o.Code.StartsWith("CS")).ToListAsync());
        Assert.True(grassroots.Count >= 40, $"{grassroots.Count} grassroots");
        Assert.All(Enum.GetValues<HostUnitType>(), h => Assert.Contains(grassroots, o => o.HostUnitType == h));
        Assert.Contains(grassroots, o => o.Name.Contains("Bệnh viện", StringComparison.Ordinal));
        Assert.Contains(grassroots, o => o.Name.Contains("Ngân hàng", StringComparison.Ordinal) && o.Name.Contains("Chi nhánh", StringComparison.Ordinal));
        Assert.Contains(grassroots, o => o.Name.Contains("Trường", StringComparison.Ordinal));
        var bloc = await app.WithDb(db => db.Organizations.SingleAsync(o => o.Code == "DUK"));
        Assert.Equal("Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh", bloc.Name);
        Assert.All(grassroots, o => Assert.StartsWith(bloc.Path, o.Path, StringComparison.Ordinal));
        Assert.Equal("Đảng bộ Sở Tài chính", grassroots.Single(o => o.Code == "CS001").Name);
    }

    [Fact]
    public async Task Admin_creates_and_edits_an_organisation_through_the_form()
    {
        var code = NewCode();
        using var created = await Create(code, "Chi bộ Công ty TNHH Thử Nghiệm");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var organization = await app.WithDb(db => db.Organizations.Include(o => o.Parent).SingleAsync(o => o.Code == code));
        Assert.Equal("DUK", organization.Parent!.Code);
        Assert.Equal(organization.Parent.Path + organization.Id + "/", organization.Path);

        var admin = await app.SignedInAs("admin@demo.vn");
        using var edited = await Forms.SubmitAsync(admin, $"/Organizations/Edit/{organization.Id}", new Dictionary<string, string> { ["Input.Name"] = "Chi bộ Công ty TNHH Thử Nghiệm Mới" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Chi bộ Công ty TNHH Thử Nghiệm Mới", await app.WithDb(db => db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_and_nothing_is_saved()
    {
        var code = NewCode();
        using var noHost = await Create(code, "Chi bộ Thiếu Loại Hình", host: "");
        Assert.Equal(HttpStatusCode.OK, noHost.StatusCode);
        Assert.Contains("phải có loại hình", await noHost.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrongParent = await Create(code, "Chi bộ Sai Cấp Trên", parent: "CS001");
        Assert.Contains("không thể trực thuộc", await wrongParent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var duplicate = await Create("CS001", "Trùng mã");
        Assert.Contains("đã tồn tại", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Organizations.AnyAsync(o => o.Code == code)));
    }

    [Fact]
    public async Task Unreadable_form_values_are_refused_in_Vietnamese()
    {
        var code = NewCode();
        using var response = await Create(code, "Chi bộ Loại Lạ", kind: "HopTacXa");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("không hợp lệ cho trường Loại tổ chức", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Organizations.AnyAsync(o => o.Code == code)));
    }

    [Fact]
    public async Task Stale_edit_is_a_conflict_not_a_silent_overwrite()
    {
        var code = NewCode();
        using (await Create(code, "Chi bộ Sửa Đồng Thời"))
        {
        }

        var id = await app.WithDb(db => db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());
        var admin = await app.SignedInAs("admin@demo.vn");
        var stale = await Forms.GetDocumentAsync(admin, $"/Organizations/Edit/{id}");
        using (await Forms.SubmitAsync(admin, $"/Organizations/Edit/{id}", new Dictionary<string, string> { ["Input.Name"] = "Tên thứ nhất" }))
        {
        }

        using var second = await Forms.SubmitAsync(admin, $"/Organizations/Edit/{id}", (AngleSharp.Html.Dom.IHtmlFormElement)stale.QuerySelector("main form")!, new Dictionary<string, string> { ["Input.Name"] = "Tên thứ hai" });
        Assert.Contains("vừa được người khác sửa", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Tên thứ nhất", await app.WithDb(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Deactivation_is_refused_while_children_are_active_and_never_deletes()
    {
        var parent = NewCode();
        var child = NewCode();
        using (await Create(parent, "Đảng bộ Có Chi Bộ Con"))
        using (await Create(child, "Chi bộ Con", kind: "SubUnit", parent: parent))
        {
        }

        var ids = await app.WithDb(db => db.Organizations.Where(o => o.Code == parent || o.Code == child).ToDictionaryAsync(o => o.Code, o => o.Id));
        var admin = await app.SignedInAs("admin@demo.vn");
        using var refused = await Forms.SubmitAsync(admin, $"/Organizations/Details/{ids[parent]}", new Dictionary<string, string>(), "form[action*='SetActive']");
        Assert.Contains("tổ chức trực thuộc đang hoạt động", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Deactivating takes the version the page showed: a missing one or a stale one is refused and nothing changes.
        using (var noVersion = await Forms.SubmitAsync(admin, $"/Organizations/Details/{ids[child]}", new Dictionary<string, string> { ["version"] = "" }, "form[action*='SetActive']"))
        {
            Assert.Contains("Thiếu phiên bản", await noVersion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var stale = await Forms.SubmitAsync(admin, $"/Organizations/Details/{ids[child]}", new Dictionary<string, string> { ["version"] = Guid.NewGuid().ToString() }, "form[action*='SetActive']"))
        {
            Assert.Contains("vừa được người khác thay đổi", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(await app.WithDb(db => db.Organizations.AnyAsync(o => o.Id == ids[child] && o.IsActive)));
        using var childOff = await Forms.SubmitAsync(admin, $"/Organizations/Details/{ids[child]}", new Dictionary<string, string>(), "form[action*='SetActive']");
        Assert.Equal(HttpStatusCode.Redirect, childOff.StatusCode);
        using var parentOff = await Forms.SubmitAsync(admin, $"/Organizations/Details/{ids[parent]}", new Dictionary<string, string>(), "form[action*='SetActive']");
        Assert.Equal(HttpStatusCode.Redirect, parentOff.StatusCode);
        Assert.Equal(2, await app.WithDb(db => db.Organizations.CountAsync(o => (o.Code == parent || o.Code == child) && !o.IsActive)));
    }

    [Fact]
    public async Task Search_ignores_diacritics_and_case_and_lists_are_paged()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var html = await admin.GetStringAsync("/Organizations?search=so%20tai%20CHINH");
        Assert.Contains("Đảng bộ Sở Tài chính", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Y tế", html, StringComparison.Ordinal);

        var page1 = Forms.Parse(await admin.GetStringAsync("/Organizations"));
        Assert.Equal(50, page1.QuerySelectorAll("table[data-testid=organizations] tbody tr").Length);
        Assert.NotNull(page1.QuerySelector("nav[aria-label='Phân trang']"));
        var page2 = Forms.Parse(await admin.GetStringAsync("/Organizations?page=2"));
        Assert.NotEmpty(page2.QuerySelectorAll("table[data-testid=organizations] tbody tr"));
    }

    [Fact]
    public async Task Xlsx_import_creates_parents_and_children_in_any_row_order()
    {
        var parent = NewCode();
        var child = NewCode();
        var html = await Import(Sheet(
            [child, "Chi bộ Phân xưởng Một", "Đơn vị trực thuộc", "Doanh nghiệp ngoài nhà nước", parent],
            [parent, "Đảng bộ Công ty Cổ phần Nhập Khẩu", "Tổ chức cơ sở đảng", "doanh nghiep ngoai nha nuoc", "duk", "Số 5 Lê Lợi"]));
        Assert.Contains("thêm mới 2", html, StringComparison.Ordinal);
        var rows = await app.WithDb(db => db.Organizations.Include(o => o.Parent).Where(o => o.Code == parent || o.Code == child).ToListAsync());
        Assert.Equal(2, rows.Count);
        var childRow = rows.Single(o => o.Code == child);
        Assert.Equal(parent, childRow.Parent!.Code);
        Assert.Equal(childRow.Parent.Path + childRow.Id + "/", childRow.Path);
    }

    [Fact]
    public async Task Xlsx_import_with_any_bad_row_saves_nothing_and_reports_each_row()
    {
        var good = NewCode();
        var before = await app.WithDb(db => db.Organizations.CountAsync());
        var html = await Import(Sheet(
            [good, "Chi bộ Hợp Lệ", "Tổ chức cơ sở đảng", "Cơ quan, đơn vị hành chính sự nghiệp", "DUK"],
            ["X", "Mã quá ngắn", "Tổ chức cơ sở đảng", "Cơ quan, đơn vị hành chính sự nghiệp", "DUK"],
            [NewCode(), "Loại sai", "Hợp tác xã", "", "DUK"],
            [NewCode(), "Cấp trên không có", "Tổ chức cơ sở đảng", "Doanh nghiệp nhà nước", "KHONGCO"],
            [good, "Trùng mã trong tệp", "Tổ chức cơ sở đảng", "Doanh nghiệp nhà nước", "DUK"]));
        var document = Forms.Parse(html);
        var errors = document.QuerySelectorAll("table[data-testid=import-errors] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(errors, e => e.StartsWith('3') && e.Contains("Mã tổ chức phải có", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith('4') && e.Contains("Loại tổ chức \"Hợp tác xã\" không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith('6') && e.Contains("trùng với dòng 2", StringComparison.Ordinal));
        Assert.Contains("chưa lưu dòng nào", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDb(db => db.Organizations.CountAsync()));

        var parentMissing = await Import(Sheet([NewCode(), "Cấp trên không có", "Tổ chức cơ sở đảng", "Doanh nghiệp nhà nước", "KHONGCO"]));
        Assert.Contains("Không có tổ chức cấp trên mã KHONGCO", parentMissing, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDb(db => db.Organizations.CountAsync()));
    }

    [Theory]
    [InlineData("to-chuc.xlsx", "not a zip file", "không phải là tệp Excel")]
    [InlineData("to-chuc.csv", "a,b", "Chỉ nhận tệp Excel")]
    [InlineData("to-chuc.xlsx", "", "rỗng")]
    public async Task Xlsx_import_refuses_files_that_are_not_xlsx(string name, string content, string message)
    {
        var html = await Import(System.Text.Encoding.UTF8.GetBytes(content), name);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_downloaded_list_edited_and_imported_back_changes_its_rows_once_and_a_stale_download_is_refused_by_row()
    {
        var code = NewCode();
        Assert.Contains("thêm mới 1", await Import(Sheet([code, "Chi bộ Tải Về Sửa", "Tổ chức cơ sở đảng", "Doanh nghiệp nhà nước", "DUK"])), StringComparison.Ordinal);
        Task<string> Name() => app.WithDb(db => db.Organizations.Where(o => o.Code == code).Select(o => o.Name).SingleAsync());
        var admin = await app.SignedInAs("admin@demo.vn");
        Assert.NotNull(Forms.Parse(await admin.GetStringAsync("/Organizations/Import")).QuerySelector("a[data-testid=export-organizations]"));
        var exported = await admin.GetByteArrayAsync("/Organizations?handler=Export");

        byte[] Edited(string name)
        {
            var rows = new MemoryStream(exported).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            rows.Single(r => (string?)r["Mã tổ chức"] == code)["Tên tổ chức"] = name;
            using var stream = new MemoryStream();
            stream.SaveAs(rows.Select(r => r.ToDictionary(x => x.Key, x => x.Value)).ToList());
            return stream.ToArray();
        }

        // Changing it from a hand-made file without the version is refused.
        var unversioned = await Import(Sheet([code, "Chi bộ Sửa Tay", "Tổ chức cơ sở đảng", "Doanh nghiệp nhà nước", "DUK"]));
        Assert.Contains($"Tổ chức mã {code} đã có trong hệ thống và dòng này sửa thông tin của nó nhưng không ghi phiên bản", unversioned, StringComparison.Ordinal);
        Assert.Equal("Chi bộ Tải Về Sửa", await Name());

        // The whole downloaded list goes back in: only the edited row is an update, every other row is left as it was.
        var versions = await app.WithDb(db => db.Organizations.Where(o => o.Code != code).ToDictionaryAsync(o => o.Code, o => o.Version));
        var applied = await Import(Edited("Chi bộ Đã Sửa Từ Tệp"));
        Assert.True(applied.Contains("cập nhật 1", StringComparison.Ordinal), Forms.Parse(applied).QuerySelector("main")!.TextContent);
        Assert.Equal("Chi bộ Đã Sửa Từ Tệp", await Name());
        Assert.Equal(versions, await app.WithDb(db => db.Organizations.Where(o => o.Code != code).ToDictionaryAsync(o => o.Code, o => o.Version)));

        // The same download again, with another change to that row: stale, refused by row, nothing saved.
        var stale = await Import(Edited("Chi bộ Ghi Đè"));
        Assert.Contains($"Tổ chức mã {code} đã được sửa sau khi tệp này được tải về", stale, StringComparison.Ordinal);
        Assert.Equal("Chi bộ Đã Sửa Từ Tệp", await Name());
    }

    [Fact]
    public async Task Template_and_export_are_real_xlsx_with_Vietnamese_headers_and_neutralised_formulas()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var template = await admin.GetByteArrayAsync("/Organizations/Import?handler=Template");
        var templateRows = new MemoryStream(template).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains("Mã tổ chức cấp trên", templateRows[0].Keys);

        var evil = NewCode();
        var html = await Import(Sheet([evil, "=HYPERLINK(\"http://evil\",\"x\")", "Tổ chức cơ sở đảng", "Doanh nghiệp nhà nước", "DUK"]));
        Assert.Contains("thêm mới 1", html, StringComparison.Ordinal);

        var export = await admin.GetByteArrayAsync("/Organizations?handler=Export");
        var rows = new MemoryStream(export).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["Mã tổ chức"] == "CS001" && (string)r["Tên tổ chức"] == "Đảng bộ Sở Tài chính" && (string)r["Loại hình"] == "Cơ quan, đơn vị hành chính sự nghiệp");
        var evilRow = rows.Single(r => (string)r["Mã tổ chức"] == evil);
        Assert.Equal("=HYPERLINK(\"http://evil\",\"x\")", evilRow["Tên tổ chức"]);
        SpreadsheetFormulaTests.AssertQuotedText(export, "=HYPERLINK(\"http://evil\",\"x\")");
    }
}

[Collection(SqliteApp.Name)]
public sealed class OrganizationsTests_Sqlite(SqliteAppFactory app) : OrganizationsTests(app);

[Collection(PostgresApp.Name)]
public sealed class OrganizationsTests_Postgres(PostgresAppFactory app) : OrganizationsTests(app);
