using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider for the single sign-on tests (issue 17 point 4): an OpenIddict server on Kestrel on a free
/// loopback port, its clients and tokens in an in-memory SQLite database. Its own sign-in is a cookie set by
/// <c>POST /login</c> (the "portal" a user already signed in to); the authorization endpoint then answers for that person
/// with the claims the test chose (e-mail, whether verified). One client is registered: <see cref="ClientId"/> with
/// <see cref="ClientSecret"/>, redirecting to <see cref="AppBase"/>'s /signin-oidc.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ClientId = "exemplars";
    public const string ClientSecret = "bi-mat-cua-ung-dung-thu";

    /// <summary>The address the app under test is called at by its test clients (the redirect URIs registered for it).</summary>
    public static readonly Uri AppBase = new("https://localhost/");

    private readonly WebApplication _app;

    /// <summary>E-mails signed out at the provider through its end-session endpoint, in order.</summary>
    public ConcurrentQueue<string> SignedOut { get; } = new();

    private OidcTestProvider(WebApplication app) => _app = app;

    public Uri Authority { get; private set; } = null!;

    public static async Task<OidcTestProvider> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, ApplicationName = typeof(OidcTestProvider).Assembly.GetName().Name });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        builder.Services.AddDbContext<ProviderDb>(o =>
        {
            o.UseSqlite(connection);
            o.UseOpenIddict();
        });
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "provider.auth";
                o.LoginPath = "/login";
            });
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var provider = new OidcTestProvider(app);
        app.UseAuthentication();
        app.UseAuthorization();

        // The portal's own sign-in: the test says who is signed in there and what the provider knows of them.
        app.MapPost("/login", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme);
            identity.AddClaim(new Claim(ClaimTypes.Email, form["email"].ToString()));
            identity.AddClaim(new Claim("verified", form["verified"].ToString() is "false" ? "false" : "true"));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(form["returnUrl"].ToString() is { Length: > 0 } back ? back : "/");
        });

        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
            var portal = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (!portal.Succeeded)
            {
                return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString }, [CookieAuthenticationDefaults.AuthenticationScheme]);
            }

            var email = portal.Principal!.FindFirstValue(ClaimTypes.Email)!;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, "sso-" + email)
                .SetClaim(Claims.Name, email)
                .SetClaim(Claims.Email, email)
                .SetClaim(Claims.EmailVerified, portal.Principal!.FindFirstValue("verified") == "true");
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(result.Principal!, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            var portal = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (portal.Principal?.FindFirstValue(ClaimTypes.Email) is { } email)
            {
                provider.SignedOut.Enqueue(email);
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        await app.StartAsync();
        provider.Authority = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Exemplars",
                RedirectUris = { new Uri(AppBase, "signin-oidc") },
                PostLogoutRedirectUris = { new Uri(AppBase, "signout-callback-oidc") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                    Permissions.Prefixes.Scope + Scopes.Email, Permissions.Prefixes.Scope + Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }

        provider._connectionKeepAlive = connection;
        return provider;
    }

    private SqliteConnection? _connectionKeepAlive;

    /// <summary>The app's settings for this provider.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["SingleSignOn:Authority"] = Authority.ToString(),
        ["SingleSignOn:ClientId"] = ClientId,
        ["SingleSignOn:ClientSecret"] = ClientSecret,
        ["SingleSignOn:DisplayName"] = "Cổng đăng nhập một lần của tỉnh",
        ["SingleSignOn:RequireHttpsMetadata"] = "false",
    };

    /// <summary>A browser of the provider: its own cookies, redirects not followed.</summary>
    public HttpClient NewBrowser() =>
#pragma warning disable CA2000 // the client owns its handler
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = Authority };
#pragma warning restore CA2000

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _connectionKeepAlive?.Dispose();
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
