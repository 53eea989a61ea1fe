using System.Text.Json;
using Exemplars.Web.Features.Users;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 17 point 1: the accounts pages' actions have API twins calling the same handlers, administrator only as the
/// /Users pages are: create an account, deactivate or reactivate one, import accounts (XLSX and JSON rows, all or
/// nothing), read and change the security settings.
/// </summary>
public abstract class UsersApiTests(AppFactory app)
{
    private const string Passphrase = "Sóng biển vỗ bờ Cửa Lò 1975!";

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task The_administrator_creates_deactivates_and_reactivates_an_account_with_the_pages_rules()
    {
        var email = $"api-{Tag()}@donvi.vn";
        using var admin = await app.BearerAs("admin@demo.vn");
        var account = new { email, fullName = "Nguyễn Văn Giao Diện", role = "GrassrootsClerk", organizationCode = "CS002", password = Passphrase };
        var (status, body) = await Read(await admin.PostAsJsonAsync("/api/v1/users/", account));
        Assert.Equal(HttpStatusCode.Created, status);
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal("GrassrootsClerk", await app.WithDb(db => db.Users.Where(u => u.Id == id).Select(u => u.Role).SingleAsync()));

        // The page's refusals, in Vietnamese: the same address again, a weak password, a clerk bound to the bloc.
        (status, body) = await Read(await admin.PostAsJsonAsync("/api/v1/users/", account));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"Đã có tài khoản {email}", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, body) = await Read(await admin.PostAsJsonAsync("/api/v1/users/", account with { email = $"x{email}", password = "123" }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Mật khẩu", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == $"x{email}")));

        // Deactivation ends the account's tokens; twice is a conflict; the administrator cannot deactivate themself.
        using var user = await app.BearerAs(email, Passphrase);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/people/")).StatusCode);
        (status, _) = await Read(await admin.PostAsJsonAsync($"/api/v1/users/{id}/active", new { active = false }));
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/people/")).StatusCode);
        (status, body) = await Read(await admin.PostAsJsonAsync($"/api/v1/users/{id}/active", new { active = false }));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Tài khoản đã ngừng hoạt động", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var adminId = await app.WithDb(db => db.Users.Where(u => u.Email == "admin@demo.vn").Select(u => u.Id).SingleAsync());
        (status, body) = await Read(await admin.PostAsJsonAsync($"/api/v1/users/{adminId}/active", new { active = false }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Không thể tự ngừng kích hoạt", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, _) = await Read(await admin.PostAsJsonAsync($"/api/v1/users/{id}/active", new { active = true }));
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
        (status, _) = await Read(await admin.PostAsJsonAsync("/api/v1/users/no-such-account/active", new { active = true }));
        Assert.Equal(HttpStatusCode.NotFound, status);

        // Nobody but the administrator: the secretariat and a clerk are refused, and nothing changes.
        foreach (var who in new[] { "tgdv@demo.vn", "coso1@demo.vn" })
        {
            using var caller = await app.BearerAs(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostAsJsonAsync("/api/v1/users/", account with { email = $"y{email}" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostAsJsonAsync($"/api/v1/users/{id}/active", new { active = false })).StatusCode);
        }

        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == $"y{email}")));
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Accounts_import_as_the_pages_workbook_and_as_json_rows_all_or_nothing_administrator_only()
    {
        var tag = Tag();
        using var admin = await app.BearerAs("admin@demo.vn");
        var first = new { email = $"nhap1-{tag}@donvi.vn", fullName = "Lê Thị Nhập Một", role = "Cán bộ cấp ủy cơ sở", organizationCode = "CS002", password = (string?)null };
        var second = new { email = $"nhap2-{tag}@donvi.vn", fullName = "Lê Thị Nhập Hai", role = "GrassrootsClerk", organizationCode = "KHONG-CO", password = (string?)null };

        // One wrong row: no account is created, the problem names the row and why.
        var (status, problem) = await Read(await admin.PostAsJsonAsync("/api/v1/users/import/json", new { rows = new object[] { first, second } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("import_rows_refused", problem.GetProperty("code").GetString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "Không có tổ chức mã KHONG-CO."), (error.GetProperty("row").GetInt32(), error.GetProperty("message").GetString()));
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email!.Contains(tag))));

        // Right rows: created, with the generated password shown once.
        var (okStatus, report) = await Read(await admin.PostAsJsonAsync("/api/v1/users/import/json", new { rows = new object[] { first, second with { organizationCode = "CS002" } } }));
        Assert.Equal(HttpStatusCode.OK, okStatus);
        var created = report.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(2, created.Count);
        Assert.All(created, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("generatedPassword").GetString())));
        Assert.Equal(2, await app.WithDb(db => db.Users.CountAsync(u => u.Email!.Contains(tag))));

        // The page's workbook, as multipart.
        var workbook = Spreadsheet.Write(ImportUsers.Headers, [[$"nhap3-{tag}@donvi.vn", "Lê Thị Nhập Ba", "Cán bộ cấp ủy cơ sở", "CS003", Passphrase]]);
        using (var content = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "nguoi-dung.xlsx" } })
        {
            (okStatus, report) = await Read(await admin.PostAsync("/api/v1/users/import", content));
            Assert.Equal(HttpStatusCode.OK, okStatus);
            Assert.Equal(JsonValueKind.Null, Assert.Single(report.GetProperty("users").EnumerateArray()).GetProperty("generatedPassword").ValueKind);
        }

        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.PostAsJsonAsync("/api/v1/users/import/json", new { rows = new object[] { first with { email = $"nhap4-{tag}@donvi.vn" } } })).StatusCode);
        Assert.Equal(3, await app.WithDb(db => db.Users.CountAsync(u => u.Email!.Contains(tag))));
    }

    [Fact]
    public async Task The_security_settings_are_read_and_saved_by_the_administrator_only()
    {
        using var admin = await app.BearerAs("admin@demo.vn");
        var (status, state) = await Read(await admin.GetAsync("/api/v1/users/security"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(state.GetProperty("staff").GetInt32() >= 2);
        (status, state) = await Read(await admin.PutAsJsonAsync("/api/v1/users/security", new { requireTwoFactorForStaff = false }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(state.GetProperty("requireTwoFactorForStaff").GetBoolean());
        Assert.False(await app.WithDb(db => db.SecuritySettings.Select(s => s.RequireTwoFactorForStaff).SingleAsync()));

        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync("/api/v1/users/security")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.PutAsJsonAsync("/api/v1/users/security", new { requireTwoFactorForStaff = true })).StatusCode);
        Assert.False(await app.WithDb(db => db.SecuritySettings.Select(s => s.RequireTwoFactorForStaff).SingleAsync()));
    }
}

[Collection(SqliteApp.Name)]
public sealed class UsersApiTests_Sqlite(SqliteAppFactory app) : UsersApiTests(app);

[Collection(PostgresApp.Name)]
public sealed class UsersApiTests_Postgres(PostgresAppFactory app) : UsersApiTests(app);
