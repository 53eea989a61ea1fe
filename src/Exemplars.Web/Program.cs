using System.Globalization;
using System.Text.Json.Serialization;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Dashboard;
using Exemplars.Web.Features.Decisions;
using Exemplars.Web.Features.Commendations;
using Exemplars.Web.Features.Discovery;
using Exemplars.Web.Features.ImplementationPlans;
using Exemplars.Web.Features.Documents;
using Exemplars.Web.Features.Eligibility;
using Exemplars.Web.Features.Issuers;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Features.Replication;
using Exemplars.Web.Features.Reports;
using Exemplars.Web.Features.Review;
using Exemplars.Web.Features.Showcase;
using Exemplars.Web.Features.PublicComments;
using Exemplars.Web.Features.Webhooks;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Demo;
using Exemplars.Web.Infrastructure.Http;
using Exemplars.Web.Infrastructure.Telemetry;
using Exemplars.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);
var cliVerb = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddKeptResponses(builder.Configuration); // whole answers of the busiest reads, per user, until a save (ADR 034)
builder.Services.AddSharedDataProtection(builder.Configuration); // the key ring in the database, shared by every instance (ADR 033)
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddFeatureHandlers();
builder.Services.AddFileStore(builder.Configuration); // Storage:Backend: Folder (default) or Database
builder.Services.AddSingleton<Exemplars.Web.Infrastructure.Operations.Backups>();
builder.Services.AddSingleton<DocumentSettings>();
builder.Services.AddSingleton<Exemplars.Web.Infrastructure.Excel.ExportLimits>();
// Checked now: a configured custody key of the wrong form stops the start (ADR 006).
builder.Services.AddSingleton(new Exemplars.Web.Infrastructure.Crypto.BallotCustodyKey(builder.Configuration));
builder.Services.AddScoped<Exemplars.Web.Infrastructure.Crypto.BallotKeyCustody>();
builder.Services.AddAppJobs(builder.Configuration);
builder.Services.AddSingleton<Exemplars.Web.Infrastructure.Documents.CertificatePdf>();

builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = AppAuth.Scheme;
        o.DefaultChallengeScheme = AppAuth.Scheme;
    })
    .AddPolicyScheme(AppAuth.Scheme, null, o => o.ForwardDefaultSelector = context =>
        context.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme)
    .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
    {
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.AccessDeniedPath = "/Account/AccessDenied";
        o.Cookie.Name = "exemplars.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure behind the TLS proxy (ReverseProxy)
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
    }));
builder.Services.AddAuthentication().AddSingleSignOn(builder.Configuration); // the province's OpenID Connect sign-in, when configured (ADR 031)
builder.Services.AddScoped<SsoSignIn>();

builder.Services.AddIdentityCore<AppUser>(o =>
    {
        o.Password.RequiredLength = Exemplars.Domain.Users.PasswordRules.MinimumLength;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        // Lock-out stays on only for deactivated accounts (LockoutEnd = max); failures are slowed by SignInThrottle.
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
    .AddApiEndpoints()
    // After AddApiEndpoints, which registers the plain SignInManager: the page and the API both get this one (ADR 018).
    .AddSignInManager<AppSignInManager>();

builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(AppAuth.AdminPolicy, p => p.RequireRole(Roles.Admin));

builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Users", AppAuth.AdminPolicy);
    o.Conventions.AuthorizeFolder("/Audit", AppAuth.AdminPolicy);
    o.Conventions.AuthorizeFolder("/Webhooks", AppAuth.AdminPolicy);
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    o.Conventions.AllowAnonymousToPage("/Account/LoginTwoFactor");
    o.Conventions.AllowAnonymousToPage("/Account/ExternalLogin");
    o.Conventions.AllowAnonymousToPage("/Error");
    o.Conventions.AllowAnonymousToPage("/PublicComments/Candidates");
    o.Conventions.AllowAnonymousToPage("/Showcase/Index");
    o.Conventions.AllowAnonymousToPage("/Showcase/Details");
    o.Conventions.AllowAnonymousToPage("/Ceremonies/Story");
}).AddMvcOptions(o =>
{
    VietnameseModelBinding.Apply(o.ModelBindingMessageProvider);
    o.ModelBinderProviders.Insert(0, new Exemplars.Web.Infrastructure.Http.CleanStringModelBinderProvider()); // no NUL from a form reaches the database

    // Required fields are checked by the domain rules, which say so in Vietnamese.
    o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
});
// Vietnamese text is written as characters, not as numeric entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.Converters.Add(new Exemplars.Web.Infrastructure.Http.UtcInstantJsonConverter()); // instants always with their Z
    o.SerializerOptions.Converters.Add(new Exemplars.Web.Infrastructure.Http.CleanStringJsonConverter()); // no NUL reaches the database
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
});
// The request id also heads every log line of the request (JSON console logs with scopes): quote it to find them.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier);
builder.Services.AddAppTelemetry(builder.Configuration);
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddSingleton<PublicUrl>();
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false); // unreadable input is a 400 problem, also in Development
builder.Services.AddApiDocumentation();
builder.Services.AddScoped<Exemplars.Web.Infrastructure.Data.RateCounters>();
builder.Services.AddScoped<Exemplars.Web.Features.PublicComments.PublicCommentLimiter>();
builder.Services.AddScoped<SignInThrottle>();
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseHealthCheck>("database", tags: ["ready", "database"])
    .AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    var vi = new CultureInfo("vi-VN");
    o.DefaultRequestCulture = new RequestCulture(vi);
    o.SupportedCultures = [vi];
    o.SupportedUICultures = [vi];
    o.RequestCultureProviders.Clear();
});

var app = builder.Build();

if (cliVerb is not null)
{
    return await Cli.RunAsync(app, cliVerb, args);
}

await DatabaseStartup.InitialiseAsync(app.Services);

app.UseReverseProxySupport();

// People get a Vietnamese page inside the layout that keeps the status code (an unknown address, a refused record,
// a failure); API callers get problem details.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), web =>
{
    web.UseExceptionHandler("/Error/500");
    web.UseStatusCodePagesWithReExecute("/Error/{0}");
});
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages(async context =>
    {
        var http = context.HttpContext;
        if (http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
        {
            var status = http.Response.StatusCode;
            await Results.Problem(statusCode: status, title: StatusMessages.Title(status), detail: StatusMessages.Detail(status)).ExecuteAsync(http);
        }
    });
});
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Exemplars API v1");
    o.RoutePrefix = "api-docs";
    o.DocumentTitle = "Exemplars API";
    o.ConfigObject.ValidatorUrl = "none"; // never call swagger.io from the browser
});
app.Use(AppAuth.OnlyLoginAndRefresh);
app.Use(RefreshTokenGuard.Middleware);
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseMiddleware<TwoFactorRequirementMiddleware>();
app.UseAuthorization();
app.UseKeptResponses();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("database") }).AllowAnonymous(); // the database answers (one query)
app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous(); // process up, no database check (benchmarks, liveness probes)
app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous(); // database and file store, each named
app.MapRazorPages();

// The default scheme already authenticates /api with bearer tokens only; no scheme is named here so that
// CurrentUserMiddleware's verdict (deactivated, changed password) is not re-authenticated away.
var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter<Exemplars.Web.Infrastructure.Http.VersionETagFilter>(); // a versioned record answers with its ETag
api.AddEndpointFilter(Exemplars.Web.Features.Common.BoundedInput.Filter);
app.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous().MapIdentityApi<AppUser>();
api.MapPost("/auth/logout", async (HttpContext http, UserManager<AppUser> users) =>
    {
        await Sessions.EndEveryOneAsync(users, await users.GetUserAsync(http.User));
        return Results.NoContent();
    })
    .WithTags("Auth").WithSummary("Đăng xuất: thu hồi mọi mã truy cập và mã làm mới của tài khoản");
api.MapOrganizationsApi();
api.MapEligibilityApi();
api.MapPeopleApi();
Exemplars.Web.Features.Users.UsersApi.MapUsersApi(api);
api.MapPlansApi();
api.MapIssuersApi();
api.MapNominationsApi();
api.MapBallotsApi();
api.MapDecisionsApi();
api.MapReviewApi();
api.MapPublicCommentsApi();
api.MapDocumentsApi();
api.MapShowcaseApi();
api.MapReplicationApi();
api.MapDiscoveryApi();
api.MapImplementationPlansApi();
api.MapCommendationsApi();
api.MapReportsApi();
api.MapDashboardApi();
api.MapWebhooksApi();
Exemplars.Web.Features.Ceremonies.CeremoniesApi.MapCeremoniesApi(api);
app.MapShowcaseFeed();

if (app.Configuration.GetValue<bool>("Demo:Enabled"))
{
    app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(DemoBanner.Text(app.Urls)));
}

await app.RunAsync();
return 0;

public partial class Program;
