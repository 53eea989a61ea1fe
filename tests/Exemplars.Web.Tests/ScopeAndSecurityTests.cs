using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>Every endpoint, for anonymous callers, wrong roles and wrong organisations.</summary>
public abstract class ScopeAndSecurityTests(AppFactory app)
{
    /// <summary>The only routes open without signing in.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "/Account/Login", "/Account/AccessDenied", "/Account/Logout", "/Error", "/health", "/health/live", "/health/ready", "/openapi/{documentName}.json",
        "/api/v1/auth/login", "/api/v1/auth/refresh",
        "/PublicComments/Candidates", "/api/v1/public/candidates", "/api/v1/public/comments",
        "/Showcase", "/Showcase/Index", "/Showcase/Details/{id:int}", "/api/v1/exemplars/", "/showcase/feed.atom", "/showcase/photo/{id:int}", "/api/v1/exemplars", "/api/v1/exemplars/{id:int}",
        "/Ceremonies/Story/{id:int}", // a held ceremony's published story (ADR 027)
    ];

    /// <summary>Routes only an administrator may open.</summary>
    private static readonly string[] AdminRoutes =
    [
        "/Users", "/Users/Create", "/Users/Import", "/Audit", "/Organizations/Edit", "/Organizations/Import",
    ];

    private async Task<int> IdOf(string code) => await app.WithDb(db => db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    private List<(string Route, string Method)> AllEndpoints()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => ("/" + e.RoutePattern.RawText!.TrimStart('/'), m)))
            .Distinct()
            .ToList();
    }

    private static string Concrete(string route, int id) => route
        .Replace("{id:int?}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("/Index", string.Empty, StringComparison.Ordinal);

    [Fact]
    public async Task Every_endpoint_refuses_anonymous_callers_except_the_public_few()
    {
        var id = await IdOf("CS001");
        using var client = app.CreateClient();
        var checkedCount = 0;
        foreach (var (route, method) in AllEndpoints())
        {
            if (PublicRoutes.Contains(route) || route.StartsWith("/api/v1/auth/", StringComparison.Ordinal))
            {
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(route, id));
            if (method != "GET")
            {
                request.Content = JsonContent.Create(new { });
            }

            using var response = await client.SendAsync(request);
            var refused = route.StartsWith("/api", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode is HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/Login", StringComparison.Ordinal)
                    || (method != "GET" && response.StatusCode == HttpStatusCode.BadRequest); // antiforgery refuses before auth on some posts
            Assert.True(refused, $"{method} {route} gave {(int)response.StatusCode} to an anonymous caller");
            checkedCount++;
        }

        Assert.True(checkedCount >= 10, $"only {checkedCount} endpoints checked");
    }

    [Fact]
    public async Task Auth_api_exposes_only_login_and_refresh()
    {
        using var client = app.CreateClient();
        foreach (var (route, method) in AllEndpoints().Where(e => e.Route.StartsWith("/api/v1/auth/", StringComparison.Ordinal)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route.Replace("{", "x", StringComparison.Ordinal).Replace("}", "x", StringComparison.Ordinal)) { Content = JsonContent.Create(new { }) };
            using var response = await client.SendAsync(request);
            if (route is "/api/v1/auth/login" or "/api/v1/auth/refresh")
            {
                Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
            }
            else
            {
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{method} {route} gave {(int)response.StatusCode}");
            }
        }
    }

    [Theory]
    [InlineData("coso1@demo.vn")]
    [InlineData("tgdv@demo.vn")]
    [InlineData("btv1@demo.vn")]
    [InlineData("doankhoi@demo.vn")]
    [InlineData("tinhuy@demo.vn")]
    public async Task Admin_pages_are_forbidden_to_other_roles(string email)
    {
        var client = await app.SignedInAs(email);
        foreach (var route in AdminRoutes)
        {
            using var response = await client.GetAsync(route);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal), $"{route} gave {(int)response.StatusCode} to {email}");
        }

        var id = await IdOf("CS001");
        var adminPage = await Forms.GetDocumentAsync(await app.SignedInAs("admin@demo.vn"), $"/Organizations/Details/{id}");
        Assert.NotNull(adminPage.QuerySelector("form[action*='SetActive']"));
        var ownPage = await Forms.GetDocumentAsync(client, "/");
        var token = ownPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["active"] = "false", ["__RequestVerificationToken"] = token });
        using var post = await client.PostAsync($"/Organizations/Details/{id}?handler=SetActive", content);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)post.StatusCode}");
        if (post.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/Account/AccessDenied", post.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.True(await app.WithDb(db => db.Organizations.AnyAsync(o => o.Id == id && o.IsActive)));
    }

    [Fact]
    public async Task Grassroots_clerk_sees_only_their_own_organisation_and_gets_404_for_others()
    {
        var own = await IdOf("CS001");
        var other = await IdOf("CS002");
        var bloc = await IdOf("DUK");
        var client = await app.SignedInAs("coso1@demo.vn");

        var list = Forms.Parse(await client.GetStringAsync("/Organizations?includeInactive=true"));
        var codes = list.QuerySelectorAll("table[data-testid=organizations] tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.StartsWith("CS001", c, StringComparison.Ordinal));

        using (var ok = await client.GetAsync($"/Organizations/Details/{own}"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        foreach (var id in new[] { other, bloc, 999999 })
        {
            using var page = await client.GetAsync($"/Organizations/Details/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        using var api = await app.BearerAs("coso1@demo.vn");
        using (var apiOther = await api.GetAsync($"/api/v1/organizations/{other}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, apiOther.StatusCode);
            Assert.Equal("application/problem+json", apiOther.Content.Headers.ContentType?.MediaType);
        }

        var apiList = await api.GetFromJsonAsync<PagedOrgs>("/api/v1/organizations?pageSize=200&includeInactive=true");
        Assert.All(apiList!.Items, o => Assert.StartsWith("CS001", o.Code, StringComparison.Ordinal));

        var export = await client.GetByteArrayAsync("/Organizations?handler=Export");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(export), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.All(rows, r => Assert.StartsWith("CS001", (string)r["Mã tổ chức"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secretariat_sees_the_whole_bloc_and_mass_organisation_clerk_only_theirs()
    {
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var bloc = await secretariat.GetFromJsonAsync<PagedOrgs>("/api/v1/organizations?pageSize=200");
        Assert.Contains(bloc!.Items, o => o.Code == "CS045");
        Assert.Contains(bloc.Items, o => o.Code == "DUK");
        Assert.DoesNotContain(bloc.Items, o => o.Code == "TU");

        using var youth = await app.BearerAs("doankhoi@demo.vn");
        var own = await youth.GetFromJsonAsync<PagedOrgs>("/api/v1/organizations?pageSize=200");
        Assert.Equal(["DOAN-KHOI"], own!.Items.Select(o => o.Code).ToArray());
    }

    public sealed record OrgItem(int Id, string Code, string Name);

    public sealed record PagedOrgs(List<OrgItem> Items, int Total, int Page, int PageSize);
}

[Collection(SqliteApp.Name)]
public sealed class ScopeAndSecurityTests_Sqlite(SqliteAppFactory app) : ScopeAndSecurityTests(app);

[Collection(PostgresApp.Name)]
public sealed class ScopeAndSecurityTests_Postgres(PostgresAppFactory app) : ScopeAndSecurityTests(app);
