using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

public abstract partial class ApiAndShellTests(AppFactory app)
{
    [Fact]
    public async Task Organizations_api_pages_with_total_and_clamps_page_size()
    {
        using var api = await app.BearerAs("admin@demo.vn");
        using var doc = JsonDocument.Parse(await api.GetStringAsync("/api/v1/organizations?page=2&pageSize=5"));
        var root = doc.RootElement;
        Assert.Equal(5, root.GetProperty("items").GetArrayLength());
        Assert.Equal(2, root.GetProperty("page").GetInt32());
        Assert.Equal(5, root.GetProperty("pageSize").GetInt32());
        Assert.True(root.GetProperty("total").GetInt32() > 100);
        var first = root.GetProperty("items")[0];
        Assert.True(first.TryGetProperty("hostUnitType", out _));
        Assert.Equal(JsonValueKind.String, first.GetProperty("kind").ValueKind);

        using var big = JsonDocument.Parse(await api.GetStringAsync("/api/v1/organizations?pageSize=200"));
        Assert.Equal(200, big.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal(Math.Min(200, big.RootElement.GetProperty("total").GetInt32()), big.RootElement.GetProperty("items").GetArrayLength());
        using var tooBig = await api.GetAsync("/api/v1/organizations?pageSize=5000"); // beyond 200: a 400 problem (issue 11 point 8)
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);

        using var search = JsonDocument.Parse(await api.GetStringAsync("/api/v1/organizations?search=benh%20vien&kind=Grassroots"));
        Assert.All(search.RootElement.GetProperty("items").EnumerateArray(), o => Assert.Contains("Bệnh viện", o.GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organization_by_id_has_its_children_and_bad_ids_are_problem_details()
    {
        using var api = await app.BearerAs("admin@demo.vn");
        var id = await app.WithDb(db => db.Organizations.Where(o => o.Code == "CS001").Select(o => o.Id).SingleAsync());
        using var doc = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/organizations/{id}"));
        Assert.Equal("Đảng bộ Sở Tài chính", doc.RootElement.GetProperty("organization").GetProperty("name").GetString());
        // Three party cells, its Youth Union branch and its Veterans' branch.
        var children = doc.RootElement.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["SubUnit", "SubUnit", "SubUnit", "VeteransBranch", "YouthUnionBranch"], children.Order(StringComparer.Ordinal));

        using var missing = await api.GetAsync("/api/v1/organizations/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal("not_found", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("Không tìm thấy", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Health_checks_the_database_and_openapi_describes_the_api()
    {
        using var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        using var openapi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = openapi.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/organizations/", out _) || paths.TryGetProperty("/api/v1/organizations", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/login", out _));
        using var reference = await client.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task Pages_are_Vietnamese_accessible_and_load_nothing_from_the_internet()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var period = await app.WithDb(db => db.ReportingPeriods.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        foreach (var url in new[] { "/", "/Organizations", "/Users", "/Audit", "/Organizations/Import", "/Account/ChangePassword", "/Users/Create", "/Plans", "/Dashboard", "/Reports", $"/Reports/Tracker?periodId={period}" })
        {
            var html = await admin.GetStringAsync(url);
            Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
            Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
            Assert.Contains("aria-label=\"Điều hướng chính\"", html, StringComparison.Ordinal);
            Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(ExternalAsset(), html);
            Assert.DoesNotContain("style=\"", html, StringComparison.Ordinal); // the CSP allows no inline styles (an empty validation summary had one)
            var document = Forms.Parse(html);
            foreach (var input in document.QuerySelectorAll("main input:not([type=hidden]):not([type=submit]), main select"))
            {
                var id = input.GetAttribute("id");
                Assert.True(id is not null && document.QuerySelector($"label[for='{id}']") is not null, $"{url}: field {input.GetAttribute("name")} has no label");
            }
        }

        var home = await admin.GetStringAsync("/");
        Assert.Matches(@"Hôm nay \d{2}/\d{2}/\d{4}", home);
        foreach (var asset in new[] { "/lib/bootstrap/bootstrap.min.css", "/lib/htmx/htmx.min.js", "/lib/fonts/be-vietnam-pro-vietnamese-400-normal.woff2", "/css/site.css" })
        {
            using var response = await admin.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Navigation_follows_the_role()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        Assert.Contains("href=\"/Users\"", await admin.GetStringAsync("/"), StringComparison.Ordinal);
        var clerk = await app.SignedInAs("coso1@demo.vn");
        var html = await clerk.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/Users\"", html, StringComparison.Ordinal);
        Assert.Contains("Đảng bộ Sở Tài chính", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAsset();
}

[Collection(SqliteApp.Name)]
public sealed class ApiAndShellTests_Sqlite(SqliteAppFactory app) : ApiAndShellTests(app);

[Collection(PostgresApp.Name)]
public sealed class ApiAndShellTests_Postgres(PostgresAppFactory app) : ApiAndShellTests(app);
