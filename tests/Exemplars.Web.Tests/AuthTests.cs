using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

public abstract class AuthTests(AppFactory app)
{
    private async Task<(string Email, string Password)> NewClerk(string organizationCode = "CS010")
    {
        var email = $"u{Guid.NewGuid():N}"[..13] + "@test.vn";
        const string password = "Khoi@2025-abc";
        var admin = await app.SignedInAs("admin@demo.vn");
        using var response = await Forms.SubmitAsync(admin, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.FullName"] = "Nguyễn Văn Thử",
            ["Input.Role"] = "GrassrootsClerk",
            ["Input.OrganizationCode"] = organizationCode,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (email, password);
    }

    private static async Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task Login_page_is_Vietnamese_and_wrong_password_is_refused_in_Vietnamese()
    {
        using var client = app.CreateClient();
        var page = await client.GetStringAsync("/Account/Login");
        Assert.Contains("<html lang=\"vi\">", page, StringComparison.Ordinal);
        using var response = await Login(client, "coso2@demo.vn", "Sai@12345");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_clerk_home_says_what_to_do_first()
    {
        // CS042 is a unit no other test nominates from or moves units under: its clerk's home has no dossier yet.
        var (email, password) = await NewClerk("CS042");
        var client = await app.SignedInAs(email, password);
        var home = Forms.Parse(await client.GetStringAsync("/"));
        var nominations = home.QuerySelector("[data-testid=home-nominations]")!;
        Assert.Contains("Chưa có hồ sơ nào trong đợt này.", nominations.TextContent, StringComparison.Ordinal);
        Assert.NotNull(nominations.QuerySelector("a[href='/Nominations/Create']"));
        Assert.NotNull(nominations.QuerySelector("a[href='/Eligibility/Suggestions']"));
        Assert.DoesNotContain("Cán bộ cấp ủy cơ sở · Cán bộ", home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_without_antiforgery_token_is_rejected()
    {
        using var client = app.CreateClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "admin@demo.vn", ["Input.Password"] = AppFactory.DemoPassword });
        using var response = await client.PostAsync("/Account/Login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Five_failures_pause_that_account_from_that_address_with_the_same_answer_and_never_lock_it()
    {
        var (email, password) = await NewClerk();
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Login(client, email, "Sai@12345x");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(AppSignInManager.Refusal, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Paused: even the right password gets the one neutral answer, not a word about a lock.
        using var right = await Login(client, email, password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var text = await right.Content.ReadAsStringAsync();
        Assert.Contains(AppSignInManager.Refusal, text, StringComparison.Ordinal);
        Assert.DoesNotContain("bị khóa", text, StringComparison.Ordinal);

        // The account itself is not locked: Identity counted nothing and set no lock-out end.
        var account = await app.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => new { u.AccessFailedCount, u.LockoutEnd }).SingleAsync());
        Assert.Equal(0, account.AccessFailedCount);
        Assert.Null(account.LockoutEnd);
    }

    [Fact]
    public async Task Wrong_password_unknown_account_and_deactivated_account_get_the_same_answer_on_the_page_and_the_api()
    {
        var (email, password) = await NewClerk();
        await app.WithDb(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.IsActive = false;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            return await db.SaveChangesAsync();
        });

        using var client = app.CreateClient();
        var answers = new List<string>();
        foreach (var (account, secret) in new[] { ("coso2@demo.vn", "Sai@12345y"), ($"khong{Guid.NewGuid():N}@test.vn", "Sai@12345y"), (email, password) })
        {
            using var page = await Login(client, account, secret);
            var document = Forms.Parse(await page.Content.ReadAsStringAsync());
            answers.Add(document.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? "(không có)");
            using var api = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account, password = secret });
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            answers.Add((await api.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString()!);
        }

        Assert.Equal(AppSignInManager.Refusal, answers[0]);
        Assert.Equal([answers[0], answers[0], answers[0]], new[] { answers[0], answers[2], answers[4] });
        Assert.Equal([answers[1], answers[1], answers[1]], new[] { answers[1], answers[3], answers[5] });
        Assert.DoesNotContain("LockedOut", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fourth_failure_does_not_lock()
    {
        var (email, password) = await NewClerk();
        using var client = app.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await Login(client, email, "Sai@12345x");
        }

        using var right = await Login(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task Api_login_gives_a_bearer_token_that_opens_the_api_and_cookies_do_not()
    {
        using var bearer = await app.BearerAs("coso1@demo.vn");
        using var ok = await bearer.GetAsync("/api/v1/organizations");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var cookie = await app.SignedInAs("coso1@demo.vn");
        using var refused = await cookie.GetAsync("/api/v1/organizations");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/auth/register")]
    [InlineData("/api/v1/auth/forgotPassword")]
    [InlineData("/api/v1/auth/resetPassword")]
    public async Task Self_registration_and_email_flows_are_closed(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync(path, new { email = "la@test.vn", password = "Khoi@2025-abc", resetCode = "x", newPassword = "Khoi@2025b" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == "la@test.vn")));
    }

    [Fact]
    public async Task Change_password_needs_the_current_one_and_then_the_new_one_works()
    {
        var (email, password) = await NewClerk();
        var client = await app.SignedInAs(email, password);
        using var wrong = await Forms.SubmitAsync(client, "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Sai@12345x", ["Input.NewPassword"] = "Moi@2025-xyzw", ["Input.ConfirmPassword"] = "Moi@2025-xyzw",
        });
        Assert.Contains("Mật khẩu hiện tại không đúng.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var weak = await Forms.SubmitAsync(client, "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = "abc", ["Input.ConfirmPassword"] = "abc",
        });
        Assert.Contains("ít nhất 12 ký tự", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var ok = await Forms.SubmitAsync(client, "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = "Moi@2025-xyzw", ["Input.ConfirmPassword"] = "Moi@2025-xyzw",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var again = app.CreateClient();
        using var login = await Login(again, email, "Moi@2025-xyzw");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);

    private async Task<Tokens> ApiLogin(string email, string password)
    {
        using var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<Tokens>())!;
    }

    private async Task<HttpResponseMessage> Refresh(string refreshToken)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
    }

    private async Task<HttpStatusCode> Call(string accessToken)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.GetAsync("/api/v1/organizations?page=1&pageSize=1");
        return response.StatusCode;
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_replay_ends_every_session_of_the_account()
    {
        var (email, password) = await NewClerk();
        var first = await ApiLogin(email, password);
        Tokens second;
        using (var refreshed = await Refresh(first.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            second = (await refreshed.Content.ReadFromJsonAsync<Tokens>())!;
        }

        Assert.Equal(HttpStatusCode.OK, await Call(second.AccessToken));
        var session = await app.SignedInAs(email, password);

        // The first token again (a thief's copy, or the thief racing the owner): refused, and everything of the account ends.
        using (var replay = await Refresh(first.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
            Assert.Contains("đã được dùng", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var next = await Refresh(second.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Call(second.AccessToken));
        using var home = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);

        // Signing in again starts afresh.
        var fresh = await ApiLogin(email, password);
        using var ok = await Refresh(fresh.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Logout_on_the_api_or_the_page_and_a_password_change_revoke_the_tokens_on_the_server()
    {
        var (email, password) = await NewClerk();

        var api = await ApiLogin(email, password);
        using (var client = app.CreateClient())
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", api.AccessToken);
            using var logout = await client.PostAsync("/api/v1/auth/logout", null);
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Call(api.AccessToken));
        using (var refused = await Refresh(api.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // The page's logout form ends the account's API tokens too.
        var tokens = await ApiLogin(email, password);
        using var pageClient = app.CreateClient();
        using (var signIn = await Login(pageClient, email, password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using (var pageLogout = await Forms.SubmitAsync(pageClient, "/", new Dictionary<string, string>(), "form[action='/Account/Logout']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, pageLogout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Call(tokens.AccessToken));
        using (var refused = await Refresh(tokens.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // A password change ends the tokens issued before it.
        var before = await ApiLogin(email, password);
        using var changer = app.CreateClient();
        using (var signIn = await Login(changer, email, password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using (var changed = await Forms.SubmitAsync(changer, "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = "Moi@2025-xyzw", ["Input.ConfirmPassword"] = "Moi@2025-xyzw",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        using (var refused = await Refresh(before.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Call(before.AccessToken));
    }

    [Fact]
    public async Task Deactivated_user_cannot_sign_in_and_loses_open_sessions_and_tokens()
    {
        var (email, password) = await NewClerk();
        var session = await app.SignedInAs(email, password);
        using var token = await app.BearerAs(email, password);
        var id = await app.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var admin = await app.SignedInAs("admin@demo.vn");
        var page = await Forms.GetDocumentAsync(admin, "/Users?search=" + Uri.EscapeDataString(email));
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.QuerySelector($"input[value='{id}']") is not null);
        using var deactivate = await Forms.SubmitAsync(admin, "/Users", form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);

        using var home = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", home.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var api = await token.GetAsync("/api/v1/organizations");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var fresh = app.CreateClient();
        using var login = await Login(fresh, email, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == email && !u.IsActive)), "deactivated, never deleted");
    }

    [Fact]
    public async Task The_signed_in_user_is_not_read_from_the_database_on_every_request_yet_a_saved_change_counts_at_once()
    {
        var (email, password) = await NewClerk();
        using var token = await app.BearerAs(email, password);
        var cache = app.Services.GetRequiredService<SignedInUserCache>();
        using (var warm = await token.GetAsync("/api/v1/organizations"))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var reads = cache.Reads;
        for (var i = 0; i < 5; i++)
        {
            using var again = await token.GetAsync("/api/v1/organizations");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.True(cache.Reads - reads <= 1, $"{cache.Reads - reads} reads of the user for 5 requests");

        // Any save of the user through the app (here not through the users page) empties the cache: the next request is refused.
        await app.WithDb(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.IsActive = false;
            return await db.SaveChangesAsync();
        });
        using var refused = await token.GetAsync("/api/v1/organizations");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var (email, password) = await NewClerk();
        using var client = app.CreateClient();
        using (await Login(client, email, password))
        {
        }

        using var logout = await Forms.SubmitAsync(client, "/", new Dictionary<string, string>(), "form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Demo_accounts_exist_with_their_roles_and_organisations()
    {
        var users = await app.WithDb(db => db.Users.Select(u => new { Email = u.Email!, u.Role, u.Organization!.Code }).ToListAsync());
        Assert.Contains(users, u => u is { Email: "admin@demo.vn", Role: "Admin" });
        Assert.Contains(users, u => u is { Email: "tgdv@demo.vn", Role: "Secretariat", Code: "DUK-TGDV" });
        Assert.Equal(9, users.Count(u => u.Email.StartsWith("btv", StringComparison.Ordinal) && u.Role == "StandingCommittee"));
        for (var i = 1; i <= 5; i++)
        {
            Assert.Contains(users, u => u.Email == $"coso{i}@demo.vn" && u.Role == "GrassrootsClerk" && u.Code == $"CS{i:000}");
        }

        Assert.Contains(users, u => u is { Email: "doankhoi@demo.vn", Role: "MassOrganisationClerk", Code: "DOAN-KHOI" });
        Assert.Contains(users, u => u is { Email: "hoiccb@demo.vn", Role: "MassOrganisationClerk", Code: "CCB-KHOI" });
        Assert.Contains(users, u => u is { Email: "tinhuy@demo.vn", Role: "ProvinceViewer", Code: "TU" });
    }

    [Fact]
    public async Task Password_policy_refuses_weak_passwords()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var weak in new[] { "Ab@1234", "abcd@1234", "ABCD@1234", "Abcd12345", "Abcd@efgh" })
        {
            var results = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, new AppUser(), weak)));
            Assert.Contains(results, r => !r.Succeeded);
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class AuthTests_Sqlite(SqliteAppFactory app) : AuthTests(app);

[Collection(PostgresApp.Name)]
public sealed class AuthTests_Postgres(PostgresAppFactory app) : AuthTests(app);
