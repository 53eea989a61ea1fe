using Exemplars.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Exemplars.Web.Tests;

public abstract class AuditAndUsersTests(AppFactory app)
{
    [Fact]
    public async Task Every_write_is_audited_with_who_what_and_before_after()
    {
        var code = "A" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var admin = await app.SignedInAs("admin@demo.vn");
        using (await Forms.SubmitAsync(admin, "/Organizations/Edit", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Chi bộ Kiểm Tra Nhật Ký", ["Input.Kind"] = "Grassroots", ["Input.HostUnitType"] = "StateAgency", ["Input.ParentCode"] = "DUK",
        }))
        {
        }

        var id = await app.WithDb(db => db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());
        using (await Forms.SubmitAsync(admin, $"/Organizations/Edit/{id}", new Dictionary<string, string> { ["Input.Name"] = "Chi bộ Đã Đổi Tên" }))
        {
        }

        var entries = await app.WithDb(db => db.AuditEntries.Where(a => a.EntityType == "Organization" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(entries, e => e.Action == "Created" && e.UserName == "admin@demo.vn" && e.Changes.Contains("Chi bộ Kiểm Tra Nhật Ký", StringComparison.Ordinal));
        var rename = Assert.Single(entries, e => e.Action == "Updated" && e.Changes.Contains("\"Name\"", StringComparison.Ordinal));
        Assert.Contains("Chi bộ Kiểm Tra Nhật Ký", rename.Changes, StringComparison.Ordinal);
        Assert.Contains("Chi bộ Đã Đổi Tên", rename.Changes, StringComparison.Ordinal);
        Assert.NotNull(rename.OrganizationId);

        var page = await admin.GetStringAsync($"/Audit?entityType=Organization&entityId={id}&user=admin@demo.vn");
        var rows = Forms.Parse(page).QuerySelectorAll("table[data-testid=audit] tbody tr");
        Assert.Equal(entries.Count, rows.Length);
        Assert.Contains("Sửa", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", rows[0].TextContent);

        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var future = await admin.GetStringAsync($"/Audit?entityType=Organization&entityId={id}&from={tomorrow}");
        Assert.Empty(Forms.Parse(future).QuerySelectorAll("table[data-testid=audit] tbody tr"));
    }

    [Fact]
    public async Task Audit_log_is_append_only_and_never_holds_password_hashes()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Exemplars.Web.Infrastructure.Data.AppDbContext>();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        entry.Changes = "{}";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // The database refuses too, for anyone who goes around the application.
        var count = await db.AuditEntries.CountAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Changes\" = 'x'"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        Assert.Equal(count, await db.AuditEntries.CountAsync());

        var userEntries = await db.AuditEntries.Where(a => a.EntityType == "AppUser").Select(a => a.Changes).ToListAsync();
        Assert.NotEmpty(userEntries);
        Assert.All(userEntries, c => Assert.DoesNotContain("AQAAAA", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_creates_a_user_bound_to_an_organisation_and_role_and_wrong_bindings_are_refused()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var email = $"n{Guid.NewGuid():N}"[..12] + "@test.vn";
        using var wrongOrg = await Forms.SubmitAsync(admin, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.FullName"] = "Trần Thị Bình", ["Input.Role"] = "GrassrootsClerk", ["Input.OrganizationCode"] = "DUK", ["Input.Password"] = "Khoi@2025-abc",
        });
        Assert.Contains("chỉ gắn với", await wrongOrg.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var weak = await Forms.SubmitAsync(admin, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.FullName"] = "Trần Thị Bình", ["Input.Role"] = "GrassrootsClerk", ["Input.OrganizationCode"] = "CS003", ["Input.Password"] = "yeu",
        });
        Assert.Contains("ít nhất 12 ký tự", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));

        // Long enough and of every kind of character, but a common password in disguise (the shipped list, issue 15).
        foreach (var common in new[] { "Password2026!", "P@ssw0rd-2026", "Matkhau@2026!", "Anhyeuem-123456" })
        {
            using var disguised = await Forms.SubmitAsync(admin, "/Users/Create", new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.FullName"] = "Trần Thị Bình", ["Input.Role"] = "GrassrootsClerk", ["Input.OrganizationCode"] = "CS003", ["Input.Password"] = common,
            });
            Assert.Contains("Mật khẩu quá phổ biến hoặc dễ đoán", await disguised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));

        using var ok = await Forms.SubmitAsync(admin, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.FullName"] = "Trần Thị Bình", ["Input.Role"] = "GrassrootsClerk", ["Input.OrganizationCode"] = "cs003", ["Input.Password"] = "Khoi@2025-abc",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var list = await admin.GetStringAsync("/Users?search=tran%20thi%20binh");
        Assert.Contains(email, list, StringComparison.Ordinal);
        var client = await app.SignedInAs(email, "Khoi@2025-abc");
        Assert.Contains("Cán bộ cấp ủy cơ sở", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_user_import_is_all_or_nothing_and_generates_missing_passwords()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var a = $"b{Guid.NewGuid():N}"[..12] + "@test.vn";
        var b = $"c{Guid.NewGuid():N}"[..12] + "@test.vn";
        byte[] Sheet(params object?[][] rows)
        {
            var headers = new[] { "Thư điện tử", "Họ và tên", "Vai trò", "Mã tổ chức", "Mật khẩu ban đầu" };
            using var stream = new MemoryStream();
            stream.SaveAs(rows.Select(r => headers.Select((h, i) => (h, v: r[i])).ToDictionary(x => x.h, x => x.v)).ToList());
            return stream.ToArray();
        }

        async Task<string> Upload(byte[] xlsx)
        {
            var page = await Forms.GetDocumentAsync(admin, "/Users/Import");
            using var response = await Forms.SubmitAsync(admin, "/Users/Import", (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!, new Dictionary<string, string>(), ("file", "nguoi-dung.xlsx", xlsx));
            return await response.Content.ReadAsStringAsync();
        }

        var bad = await Upload(Sheet(
            [a, "Lê Văn An", "Cán bộ cấp ủy cơ sở", "CS004", ""],
            [b, "Phạm Thị Bé", "Vai trò lạ", "CS004", ""]));
        Assert.Contains("chưa tạo tài khoản nào", bad, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == a)));

        var good = await Upload(Sheet(
            [a, "Lê Văn An", "Cán bộ cấp ủy cơ sở", "CS004", ""],
            [b, "Phạm Thị Bé", "GrassrootsClerk", "CS004", "Khoi@2025-abc"]));
        Assert.Contains("Đã tạo 2 tài khoản", good, StringComparison.Ordinal);
        var generated = Forms.Parse(good).QuerySelectorAll("main table code").Select(c => c.TextContent).First();
        await app.SignedInAs(a, generated);
        await app.SignedInAs(b, "Khoi@2025-abc");
    }
}

[Collection(SqliteApp.Name)]
public sealed class AuditAndUsersTests_Sqlite(SqliteAppFactory app) : AuditAndUsersTests(app);

[Collection(PostgresApp.Name)]
public sealed class AuditAndUsersTests_Postgres(PostgresAppFactory app) : AuditAndUsersTests(app);
