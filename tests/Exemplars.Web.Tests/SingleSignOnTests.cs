using AngleSharp.Html.Dom;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 17 point 4 (ADR 031): officials sign in with the province's single sign-on, here a real OpenID Connect provider
/// (OpenIddict on Kestrel, <see cref="OidcTestProvider"/>) that the app reaches over HTTP for its discovery document, keys
/// and token endpoint, while the test drives the two browsers' redirects as a browser would. The provider only says who
/// it is; the account, role and scope are this app's, found by e-mail and never created.
/// </summary>
public abstract class SingleSignOnTests(AppFactory app)
{
    private OidcTestProvider Provider => ((ISsoApp)app).Oidc;

    private HttpClient NewAppBrowser() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = OidcTestProvider.AppBase, AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Signed in at the provider's portal as <paramref name="email"/>, the official presses the single sign-on button on
    /// the app's sign-in page; the answer of the app's callback is returned.
    /// </summary>
    private async Task<(HttpClient App, HttpClient Portal, HttpResponseMessage Answer)> SignInThroughProvider(string email, bool verified = true)
    {
        var browser = NewAppBrowser();
        var portal = Provider.NewBrowser();
        using (var login = await portal.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["verified"] = verified ? "true" : "false" })))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var challenge = await Forms.SubmitAsync(browser, "/Account/Login", new Dictionary<string, string>(), "form[action*='ExternalLogin']");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(new Uri(Provider.Authority, "connect/authorize").ToString(), authorize.ToString(), StringComparison.Ordinal);

        // The provider answers with a form that posts the code back to the app (response_mode=form_post).
        using var answer = await portal.GetAsync(authorize);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode} {answer.Headers.Location} {html}");
        var form = (IHtmlFormElement)Forms.Parse(html).QuerySelector("form")!;
        var action = new Uri(form.GetAttribute("action")!);
        Assert.Equal(new Uri(OidcTestProvider.AppBase, "signin-oidc"), action);
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        using var posted = await browser.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(fields));
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
        Assert.StartsWith("/Account/ExternalLogin", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return (browser, portal, await browser.GetAsync(posted.Headers.Location));
    }

    private static string PathOf(HttpResponseMessage redirect) => new Uri(OidcTestProvider.AppBase, redirect.Headers.Location!).AbsolutePath;

    private async Task<string> NewAccount(bool active = true, bool twoFactor = false)
    {
        var email = $"sso{Guid.NewGuid():N}"[..14] + "@tinh.vn";
        await app.WithDb(async db =>
        {
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var unit = await db.Organizations.SingleAsync(o => o.Code == "CS003");
            var user = new AppUser { UserName = email, Email = email, FullName = "Phạm Thị Một Lần", SearchName = "pham thi mot lan", CreatedAtUtc = DateTime.UtcNow, Role = Roles.GrassrootsClerk, OrganizationId = unit.Id, IsActive = active };
            var created = await users.CreateAsync(user, "Khoi@2025-" + Guid.NewGuid().ToString("N")[..6]);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            if (twoFactor)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
            }

            return 0;
        });
        return email;
    }

    [Fact]
    public async Task An_official_signs_in_through_the_provider_to_their_own_account_and_signing_out_ends_both()
    {
        var email = await NewAccount();
        var (browser, portal, answer) = await SignInThroughProvider(email);
        using (browser)
        using (portal)
        using (answer)
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal("/", answer.Headers.Location!.OriginalString);
            var home = await Forms.GetDocumentAsync(browser, "/");
            Assert.Contains("Phạm Thị Một Lần", home.Body!.TextContent, StringComparison.Ordinal);
            using (var registry = await browser.GetAsync("/People"))
            {
                Assert.Equal(HttpStatusCode.OK, registry.StatusCode);
            }

            // Sign out: the app's sessions end, then the provider's (end-session endpoint), then back to the sign-in page.
            using var logout = await Forms.SubmitAsync(browser, "/", new Dictionary<string, string>(), "form[action='/Account/Logout']");
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
            var endSession = logout.Headers.Location!;
            Assert.StartsWith(new Uri(Provider.Authority, "connect/logout").ToString(), endSession.ToString(), StringComparison.Ordinal);
            Assert.Contains("id_token_hint=", endSession.Query, StringComparison.Ordinal);
            using var ended = await portal.GetAsync(endSession);
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
            Assert.StartsWith(new Uri(OidcTestProvider.AppBase, "signout-callback-oidc").ToString(), ended.Headers.Location!.ToString(), StringComparison.Ordinal);
            using var back = await browser.GetAsync(ended.Headers.Location!.PathAndQuery);
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
            Assert.Equal("/Account/Login", back.Headers.Location!.OriginalString);
            Assert.Contains(email, Provider.SignedOut);

            using var after = await browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.Equal("/Account/Login", PathOf(after));
        }
    }

    [Fact]
    public async Task An_identity_with_no_account_here_is_refused_on_a_clear_page_and_nothing_is_created()
    {
        var stranger = $"la{Guid.NewGuid():N}"[..10] + "@tinh.vn";
        var (browser, portal, answer) = await SignInThroughProvider(stranger);
        using (browser)
        using (portal)
        using (answer)
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            var page = Forms.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Contains(SsoIdentity.NoAccount(stranger), page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Không đăng nhập được", page.Title, StringComparison.Ordinal);
            using var home = await browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/Account/Login", PathOf(home));
            Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == stranger)));
        }
    }

    [Fact]
    public async Task A_deactivated_account_and_an_unverified_address_are_refused()
    {
        var deactivated = await NewAccount(active: false);
        var (b1, p1, refused) = await SignInThroughProvider(deactivated);
        using (b1)
        using (p1)
        using (refused)
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("chưa được gắn với tài khoản nào đang hoạt động", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var active = await NewAccount();
        var (b2, p2, unverified) = await SignInThroughProvider(active, verified: false);
        using (b2)
        using (p2)
        using (unverified)
        {
            Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
            Assert.Contains("chưa được xác minh", await unverified.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var home = await b2.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        }
    }

    [Fact]
    public async Task An_account_with_two_step_sign_in_still_gives_its_code_after_the_provider()
    {
        var email = await NewAccount(twoFactor: true);
        var (browser, portal, answer) = await SignInThroughProvider(email);
        using (browser)
        using (portal)
        using (answer)
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("/Account/LoginTwoFactor", answer.Headers.Location!.OriginalString, StringComparison.Ordinal);
            using var step = await browser.GetAsync(answer.Headers.Location);
            Assert.Equal(HttpStatusCode.OK, step.StatusCode); // the second step waits for this account, nobody is signed in yet
            using var home = await browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/Account/Login", PathOf(home));
        }
    }

    [Fact]
    public async Task A_refusal_by_the_provider_ends_on_the_vietnamese_page()
    {
        using var browser = NewAppBrowser();
        using var forged = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["error"] = "access_denied", ["state"] = "gia-mao" }));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        using var page = await browser.GetAsync(forged.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains(SsoSignIn.Failed, System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

public interface ISsoApp
{
    OidcTestProvider Oidc { get; }
}

public sealed class SsoSqliteAppFactory : SqliteAppFactory, ISsoApp
{
    public OidcTestProvider Oidc { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => Oidc.AppSettings;

    public override async Task InitializeAsync()
    {
        Oidc = await OidcTestProvider.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Oidc.DisposeAsync();
    }
}

public sealed class SsoPostgresAppFactory : PostgresAppFactory, ISsoApp
{
    public OidcTestProvider Oidc { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => Oidc.AppSettings;

    public override async Task InitializeAsync()
    {
        Oidc = await OidcTestProvider.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Oidc.DisposeAsync();
    }
}

public sealed class SingleSignOnTests_Sqlite(SsoSqliteAppFactory app) : SingleSignOnTests(app), IClassFixture<SsoSqliteAppFactory>;

public sealed class SingleSignOnTests_Postgres(SsoPostgresAppFactory app) : SingleSignOnTests(app), IClassFixture<SsoPostgresAppFactory>;

/// <summary>Settings that would make every request fail stop the start instead, saying which setting is wrong.</summary>
public sealed class SingleSignOnSettingsTests
{
    [Theory]
    [InlineData("http://sso.tinh.vn/", "x", null, "RequireHttpsMetadata")]
    [InlineData("sso.tinh.vn", "x", null, "absolute")]
    [InlineData("https://sso.tinh.vn/", "", null, "ClientId")]
    [InlineData("http://10.0.0.5/", "x", "false", null)]
    public void Wrong_settings_fail_at_start(string authority, string clientId, string? requireHttps, string? complaint)
    {
        var settings = new Dictionary<string, string?> { ["SingleSignOn:Authority"] = authority, ["SingleSignOn:ClientId"] = clientId };
        if (requireHttps is not null)
        {
            settings["SingleSignOn:RequireHttpsMetadata"] = requireHttps;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var error = Record.Exception(() => { services.AddAuthentication().AddSingleSignOn(configuration); });
        if (complaint is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(complaint, Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
        }
    }
}

/// <summary>Without settings there is no single sign-on: no button, and its endpoints answer 404.</summary>
[Collection(SqliteApp.Name)]
public sealed class SingleSignOnOffTests(SqliteAppFactory app)
{
    [Fact]
    public async Task Without_settings_the_sign_in_page_offers_no_provider_and_the_challenge_is_not_found()
    {
        using var client = app.CreateClient();
        var page = await Forms.GetDocumentAsync(client, "/Account/Login");
        Assert.Null(page.QuerySelector("form[action*='ExternalLogin']"));
        Assert.DoesNotContain("tài khoản dùng chung", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        using var external = await client.GetAsync("/Account/ExternalLogin?handler=Callback");
        Assert.Equal(HttpStatusCode.NotFound, external.StatusCode);
    }
}
