using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 15, item 2 (ADR 025): optional two-step sign-in with an authenticator app (TOTP), recovery codes used once,
/// the second step on the page and in the API's login, and the administrator's requirement for admins and the
/// secretariat. Its own app: the test changes accounts and a system-wide setting.
/// </summary>
public sealed class TwoFactorTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static string WrongCode(string key) => Totp.Code(key) == "000000" ? "111111" : "000000";

    /// <summary>Turns two-step sign-in on from the page and returns the key and the recovery codes shown.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> TurnOn(HttpClient client)
    {
        var setup = await Forms.GetDocumentAsync(client, "/Account/TwoFactor");
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("[data-testid=qr-code]")!.GetAttribute("src"), StringComparison.Ordinal);
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;

        using (var wrong = await Forms.SubmitAsync(client, "/Account/TwoFactor", new Dictionary<string, string> { ["Code"] = WrongCode(key) }, "form[action*=Enable]"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Mã xác thực không đúng hoặc đã hết hạn", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var right = await Forms.SubmitAsync(client, "/Account/TwoFactor", new Dictionary<string, string> { ["Code"] = Totp.Code(key) }, "form[action*=Enable]");
        var page = Forms.Parse(await right.Content.ReadAsStringAsync());
        var codes = page.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> Password(HttpClient client, string email) =>
        await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = AppFactory.DemoPassword });

    [Fact]
    public async Task A_clerk_turns_it_on_then_signs_in_with_a_code_or_a_recovery_code_used_once()
    {
        var (key, codes) = await TurnOn(await app.SignedInAs("coso3@demo.vn"));
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Email == "coso3@demo.vn").Select(u => u.TwoFactorEnabled).SingleAsync()));

        // The password alone now leads to the second step, not in.
        var client = app.NewClient();
        using (var first = await Password(client, "coso3@demo.vn"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Contains("/Account/LoginTwoFactor", first.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        using (var home = await client.GetAsync("/Nominations"))
        {
            Assert.Contains("/Account/Login", home.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal); // not signed in yet
        }

        using (var wrong = await Forms.SubmitAsync(client, "/Account/LoginTwoFactor", new Dictionary<string, string> { ["Code"] = WrongCode(key) }))
        {
            Assert.Contains("Mã xác thực không đúng hoặc đã hết hạn", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var right = await Forms.SubmitAsync(client, "/Account/LoginTwoFactor", new Dictionary<string, string> { ["Code"] = Totp.Code(key) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }

        using (var inside = await client.GetAsync("/Nominations"))
        {
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        }

        // A recovery code signs in once.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var other = app.NewClient();
            using var step = await Password(other, "coso3@demo.vn");
            using var recovery = await Forms.SubmitAsync(other, "/Account/LoginTwoFactor", new Dictionary<string, string> { ["Code"] = codes[0], ["UseRecoveryCode"] = "true" });
            Assert.Equal(attempt == 0 ? HttpStatusCode.Redirect : HttpStatusCode.OK, recovery.StatusCode);
        }

        // The API's login asks for the code too.
        var api = app.NewClient();
        using (var without = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "coso3@demo.vn", password = AppFactory.DemoPassword }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        }

        using (var with = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "coso3@demo.vn", password = AppFactory.DemoPassword, twoFactorCode = Totp.Code(key) }))
        {
            Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        }
    }

    [Fact]
    public async Task The_admin_can_require_it_for_staff_who_then_can_only_turn_it_on()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var secretariatApi = await app.BearerAs("tgdv@demo.vn");
        var clerkApi = await app.BearerAs("coso2@demo.vn");
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        Assert.Contains("2 tài khoản chưa bật", await admin.GetStringAsync("/Users/Security"), StringComparison.Ordinal);
        using (var saved = await Forms.SubmitAsync(admin, "/Users/Security", new Dictionary<string, string> { ["RequireTwoFactorForStaff"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "SecuritySettings")));

        // The secretariat, without it: every page leads to turning it on; the API refuses with a code; clerks are not concerned.
        using (var page = await secretariat.GetAsync("/Nominations"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/Account/TwoFactor?required=true", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        using (var refused = await secretariatApi.GetAsync("/api/v1/nominations"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("two_factor_required", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var clerk = await clerkApi.GetAsync("/api/v1/nominations"))
        {
            Assert.Equal(HttpStatusCode.OK, clerk.StatusCode);
        }

        Assert.Contains("Quản trị viên yêu cầu", await secretariat.GetStringAsync("/Account/TwoFactor?required=true"), StringComparison.Ordinal);
        await TurnOn(secretariat);
        using (var after = await secretariat.GetAsync("/Nominations"))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        // Required: it cannot be turned off.
        var status = await Forms.GetDocumentAsync(secretariat, "/Account/TwoFactor");
        Assert.Null(status.QuerySelector("form[action*=Disable]"));
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Email == "tgdv@demo.vn").Select(u => u.TwoFactorEnabled).SingleAsync()));

        // The admin is staff too: led to turn it on, then the requirement can be lifted.
        using (var own = await admin.GetAsync("/Audit"))
        {
            Assert.Contains("/Account/TwoFactor", own.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        await TurnOn(admin);
        using (var lifted = await Forms.SubmitAsync(admin, "/Users/Security", new Dictionary<string, string> { ["RequireTwoFactorForStaff"] = "false" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        }

        Assert.False(await app.WithDb(db => db.SecuritySettings.Select(s => s.RequireTwoFactorForStaff).SingleAsync()));
    }
}
