using System.Text.RegularExpressions;
using Exemplars.Web.Features.Audit;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>Error pages in Vietnamese inside the layout with their status codes; the audit log in Vietnamese, field by field.</summary>
public abstract partial class VietnameseScreensTests(AppFactory app)
{
    [Fact]
    public async Task An_unknown_address_or_a_missing_record_gets_a_Vietnamese_404_page_inside_the_layout()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        foreach (var url in new[] { "/khong-co-trang-nay", "/Nominations/Details/987654", "/Organizations/Details/987654" })
        {
            using var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
            Assert.Contains("aria-label=\"Điều hướng chính\"", html, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        }

        // The API keeps answering with problem details.
        using var api = await (await app.BearerAs("admin@demo.vn")).GetAsync("/api/v1/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("Điều hướng chính", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_and_failures_keep_their_status_codes_on_Vietnamese_pages()
    {
        var clerk = await app.SignedInAs("coso1@demo.vn");
        using var denied = await clerk.GetAsync("/Account/AccessDenied");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Không có quyền truy cập", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var failed = await clerk.GetAsync("/Error/500");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var html = await failed.Content.ReadAsStringAsync();
        Assert.Contains("Đã xảy ra lỗi", html, StringComparison.Ordinal);
        Assert.Contains("Dữ liệu chưa được lưu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_shows_each_changed_field_by_its_Vietnamese_name_before_and_after()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var id = await app.WithDb(db => db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        var before = await app.WithDb(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Name).FirstAsync());
        var renamed = before + " (đổi tên)";
        var edited = await Forms.SubmitAsync(admin, $"/Organizations/Edit/{id}", new Dictionary<string, string> { ["Input.Name"] = renamed });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var document = await Forms.GetDocumentAsync(admin, $"/Audit?entityType=Organization&entityId={id}");
        var row = document.QuerySelector("table[data-testid=audit] tbody tr")!;
        var text = Regex.Replace(row.TextContent, @"\s+", " ");
        Assert.Contains("Tổ chức", text, StringComparison.Ordinal);
        Assert.Contains("Sửa", text, StringComparison.Ordinal);
        Assert.Contains(Regex.Replace($"Tên{before}→đổi thành{renamed}", @"\s+", string.Empty), Regex.Replace(text, @"\s+", string.Empty), StringComparison.Ordinal);

        var page = await admin.GetStringAsync("/Audit");
        var main = Forms.Parse(page).QuerySelector("main")!;
        Assert.DoesNotContain("{\"", main.TextContent, StringComparison.Ordinal);
        var fields = main.QuerySelectorAll("dl.audit-changes dt").Select(d => d.TextContent.Trim()).Distinct().ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.Contains(f, AuditLabels.Fields.Values));
    }

    [Fact]
    public async Task Every_audited_field_and_kind_of_data_has_a_Vietnamese_name()
    {
        var missing = await app.WithDb(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned())
            .SelectMany(t => t.GetProperties().Select(p => p.Name).Prepend("type:" + t.ClrType.Name))
            .Where(n => n.StartsWith("type:", StringComparison.Ordinal) ? !AuditLabels.Entities.ContainsKey(n[5..]) : !AuditLabels.Fields.ContainsKey(n))
            .Distinct()
            .ToList()));
        Assert.True(missing.Count == 0, "Without a Vietnamese name: " + string.Join(", ", missing));
        Assert.Equal("Tên", AuditChanges.Read("{\"Name\":[\"A\",\"B\"]}")[0].Field);
        Assert.Equal(new AuditChanges.Change("Đang hoạt động", "Có", "Không"), AuditChanges.Read("{\"IsActive\":[true,false]}")[0]);
        Assert.Equal("24/11/2026", AuditChanges.Read("{\"Deadline\":[null,\"2026-11-24\"]}")[0].After);
        Assert.Empty(AuditChanges.Read("không phải JSON"));
        Assert.Equal("Ban Tuyên giáo – Dân vận", AuditChanges.Read("{\"Role\":[null,\"Secretariat\"]}")[0].After);
        Assert.Equal("(mã định danh)", AuditChanges.Read("{\"UserId\":[null,\"3b6a3c9d-8a6f-4c1e-9d2a-12240df42202\"]}")[0].After);
        Assert.Equal("(mã kiểm tra)", AuditChanges.Read($"{{\"Sha256\":[null,\"{new string('a', 64)}\"]}}")[0].After);
        Assert.Equal("(dữ liệu lưu kèm)", AuditChanges.Read("{\"Snapshot\":[null,\"{\\\"NomineeName\\\":\\\"Lê Hoa\\\"}\"]}")[0].After);
        Assert.Equal("{ghi chú", AuditChanges.Read("{\"Note\":[null,\"{ghi chú\"]}")[0].After);
    }
}

[Collection(SqliteApp.Name)]
public sealed class VietnameseScreensTests_Sqlite(SqliteAppFactory app) : VietnameseScreensTests(app);

[Collection(PostgresApp.Name)]
public sealed class VietnameseScreensTests_Postgres(PostgresAppFactory app) : VietnameseScreensTests(app);
