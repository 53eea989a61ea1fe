using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 17 point 3: every instant an API GET answers carries its offset (UTC, <c>Z</c>) and every date is
/// <c>yyyy-MM-dd</c>, on SQLite (which keeps instants without a kind) as on PostgreSQL; and (point 2) a record that has a
/// version answers with it as its ETag. Every GET of the API is called, a record's own GET with the first id its list
/// gives, and every string in the answers is looked at.
/// </summary>
public abstract partial class InstantsTests(AppFactory app)
{
    [Fact]
    public async Task Every_GET_of_the_API_writes_instants_with_their_offset_dates_as_year_month_day_and_a_versioned_record_with_its_ETag()
    {
        var routes = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal) && !r.StartsWith("/api/v1/auth", StringComparison.Ordinal))
            .Distinct().OrderBy(r => r.Count(c => c == '{')).ThenBy(r => r, StringComparer.Ordinal).ToList();
        using var admin = await app.BearerAs("admin@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var firstIds = new Dictionary<string, string>();
        var (called, instants, dates, tagged) = (0, 0, 0, 0);
        var wrong = new List<string>();
        foreach (var route in routes)
        {
            var url = route.TrimEnd('/');
            var parent = route[..(route.IndexOf('{') is var at and > 0 ? at : route.Length)].TrimEnd('/');
            if (url.Contains('{', StringComparison.Ordinal))
            {
                if (!firstIds.TryGetValue(parent, out var id) || url.IndexOf('{') != parent.Length + 1)
                {
                    continue;
                }

                url = IdParameter().Replace(url, id, 1);
                if (url.Contains('{', StringComparison.Ordinal))
                {
                    continue;
                }
            }

            foreach (var client in new[] { admin, secretariat })
            {
                using var response = await client.GetAsync(url);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType is not ("application/json" or "application/problem+json"))
                {
                    continue;
                }

                called++;
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("version", out var version)
                    && version.ValueKind == JsonValueKind.String && Guid.TryParse(version.GetString(), out var read))
                {
                    tagged++;
                    if (response.Headers.ETag?.Tag != $"\"{read}\"")
                    {
                        wrong.Add($"{url}: version {read} but ETag {response.Headers.ETag?.Tag ?? "none"}");
                    }
                }

                if (!firstIds.ContainsKey(url) && FirstId(json.RootElement) is { } first)
                {
                    firstIds[url] = first;
                }

                foreach (var text in Strings(json.RootElement))
                {
                    if (DateTimeLike().IsMatch(text))
                    {
                        instants++;
                        if (!WithOffset().IsMatch(text))
                        {
                            wrong.Add($"{url}: \"{text}\"");
                        }
                    }
                    else if (DateLike().IsMatch(text))
                    {
                        dates++;
                        if (!YearMonthDay().IsMatch(text))
                        {
                            wrong.Add($"{url}: \"{text}\"");
                        }
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Distinct().Take(30)));
        Assert.True(called >= 40, $"only {called} answers read");
        Assert.True(instants >= 50, $"only {instants} instants seen");
        Assert.True(dates >= 20, $"only {dates} dates seen");
        Assert.True(tagged >= 4, $"only {tagged} versioned records read");
    }

    private static string? FirstId(JsonElement root)
    {
        var items = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Array ? i
            : default;
        if (items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number)
            {
                return id.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex IdParameter();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex DateTimeLike();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();

    [GeneratedRegex(@"^(\d{1,2}[-/]\d{1,2}[-/]\d{4}|\d{4}[-/]\d{1,2}[-/]\d{1,2})$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex YearMonthDay();
}

[Collection(SqliteApp.Name)]
public sealed class InstantsTests_Sqlite(SqliteAppFactory app) : InstantsTests(app);

[Collection(PostgresApp.Name)]
public sealed class InstantsTests_Postgres(PostgresAppFactory app) : InstantsTests(app);
