using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Property: no generated body (random JSON shapes, wrong types, huge numbers, long strings, nulls, broken JSON) sent to
/// any operation of the API — enumerated from the app's endpoints — gives a 500, to an administrator or to anyone.
/// </summary>
public abstract class ApiFuzzTests(AppFactory app)
{
    /// <summary>Property names the API's bodies use, so generated objects reach the handlers and not only the binder.</summary>
    private static readonly string[] Keys =
    [
        "version", "reason", "name", "code", "kind", "status", "round", "category", "personId", "organizationId", "page", "pageSize",
        "year", "choices", "choice", "text", "narrative", "summary", "reportHtml", "minutesDate", "membersTotal", "membersPresent",
        "votesAgree", "votesDisagree", "votesAbstain", "familyLawAttested", "commendedGrassroots", "email", "password", "refreshToken",
        "deadline", "title", "signer", "nominationIds", "candidates", "result", "note", "criterionCode", "stage", "justification",
        "outcome", "authorName", "authorContact", "handling", "storyHtml", "whatToApply", "achievements", "unit", "date", "startsOn", "endsOn",
        "thresholds", "quotaIndividuals", "quotaCollectives", "number", "type", "issuer", "active", "x",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2147483647", "-2147483648", "2147483648", "9223372036854775807", "99999999999999999999999999",
        "1e308", "-1e308", "1e400", "0.5", "-0.0", "3.14159",
    ];

    private static readonly Gen<string> Scalar = Gen.Frequency<string>(
        (2, Gen.Const("null")),
        (1, Gen.Bool.Select(b => b ? "true" : "false")),
        (3, Gen.OneOf(Numbers)),
        (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.String.Select(Quote)),
        (1, Gen.Int[1_000, 20_000].Select(n => Quote(new string('ệ', n)))),
        (2, Gen.OneOf("\"\"", "\" \"", "\"2021-2025\"", "\"2026-02-30\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"00000000-0000-0000-0000-000000000000\"",
            $"\"{Guid.NewGuid()}\"", "\"Individual\"", "\"Collective\"", "\"Agree\"", "\"Pass\"", "\"<script>alert(1)</script>\"", "\"'; DROP TABLE people; --\"")));

    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) => depth >= 3
        ? Scalar
        : Gen.Frequency<string>(
            (4, Scalar),
            (1, value.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.OneOf(Keys).SelectMany(key => value.Select(v => Quote(key) + ":" + v)).Array[0, 8].Select(fields => "{" + string.Join(",", fields) + "}"))));

    /// <summary>A body: mostly an object of known keys, sometimes any value, sometimes not JSON at all.</summary>
    private static readonly Gen<string> Body = Gen.Frequency<string>(
        (6, Gen.OneOf(Keys).SelectMany(key => Value.Select(v => Quote(key) + ":" + v)).Array[0, 10].Select(fields => "{" + string.Join(",", fields) + "}")),
        (2, Value),
        (1, Gen.OneOf("", "{", "[1,", "{\"version\":}", "\u0000", "{\"a\":1}{", "nul", "\"unterminated")));

    private static readonly string[] SampleTexts =
    [
        "\"\"", "\" \"", "\"2021-2025\"", "\"3.2.5\"", "\"CS001\"", "\"DUK\"", "\"admin@demo.vn\"", "\"Nguyễn Văn A\"",
        "\"<p>Báo cáo</p><script>alert(1)</script>\"", "\"'; DROP TABLE people; --\"", "\"../../etc/passwd\"", "\"%00\"",
    ];

    private static readonly string[] Dates = ["\"2024-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"2026-02-30\"", "\"hôm qua\"", "\"2025-12-31T23:59:59Z\""];

    /// <summary>Values of the property's own type most of the time (edge values included), a wrong type or null otherwise.</summary>
    private static Gen<string> ForType(Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        Gen<string> right;
        if (t == typeof(string))
        {
            right = Gen.Frequency<string>((3, Gen.OneOf(SampleTexts)), (2, Gen.String.Select(Quote)), (1, Gen.Int[1_000, 20_000].Select(n => Quote(new string('ệ', n)))));
        }
        else if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(decimal) || t == typeof(double) || t == typeof(float))
        {
            right = Gen.Frequency<string>((2, Gen.OneOf("0", "-1", "1", "2147483647", "-2147483648")), (6, Gen.Int[-3, 3000].Select(i => i.ToString(CultureInfo.InvariantCulture))), (1, Gen.OneOf(Numbers)));
        }
        else if (t == typeof(bool))
        {
            right = Gen.Bool.Select(b => b ? "true" : "false");
        }
        else if (t == typeof(Guid))
        {
            right = Gen.Frequency<string>((6, Gen.OneOf($"\"{Guid.Empty}\"", $"\"{Guid.NewGuid()}\"")), (1, Gen.Const("\"not-a-guid\"")));
        }
        else if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
        {
            right = Gen.Frequency<string>((6, Gen.OneOf("\"2024-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"2026-12-01\"")), (1, Gen.OneOf(Dates)));
        }
        else if (t.IsEnum)
        {
            right = Gen.Frequency<string>((8, Gen.OneOf([.. Enum.GetNames(t).Select(n => Quote(n))])), (1, Gen.OneOf("\"Khác\"", "99", "-1")));
        }
        else if (depth >= 3 || t == typeof(object) || typeof(Microsoft.AspNetCore.Http.IFormFile).IsAssignableFrom(t))
        {
            right = Scalar;
        }
        else if (t.IsArray || (t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)))
        {
            var arguments = t.IsArray ? [t.GetElementType()!] : t.GetGenericArguments();
            if (arguments.Length == 2)
            {
                var value = ForType(arguments[1], depth + 1);
                right = Gen.OneOf(Keys).SelectMany(key => value.Select(v => Quote(key) + ":" + v)).Array[0, 6].Select(fields => "{" + string.Join(",", fields) + "}");
            }
            else
            {
                right = ForType(arguments[0], depth + 1).Array[0, 6].Select(items => "[" + string.Join(",", items) + "]");
            }
        }
        else
        {
            var members = t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => (Name: JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType))
                .ToList();
            var fields = Gen.Const(string.Empty);
            foreach (var (name, propertyType) in members)
            {
                var value = ForType(propertyType, depth + 1);
                var field = Gen.Frequency<string>((6, value.Select(v => Quote(name) + ":" + v)), (1, Gen.Const(string.Empty)));
                fields = fields.SelectMany(sofar => field.Select(f => f.Length == 0 ? sofar : sofar.Length == 0 ? f : sofar + "," + f));
            }

            right = fields.Select(f => "{" + f + "}");
        }

        return Gen.Frequency<string>((30, right), (1, Scalar), (1, Gen.Const("null")));
    }

    /// <summary>The JSON body type an operation reads, when it reads one.</summary>
    private static Type? BodyType(Microsoft.AspNetCore.Routing.RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is { RequestType: { } type } accepts
        && accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase))
            ? type
            : null;

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ when char.IsSurrogate(c) => "?",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static readonly long[] Ids = [1, 2, 3, 0, -1, 2147483647];

    [Fact]
    public async Task No_generated_body_gives_a_500_on_any_api_operation_for_an_admin_or_an_anonymous_caller()
    {
        // Sign-in and posting a public comment are left out: they are rate-limited per address, and the other tests of
        // this app must still sign in and comment.
        var operations = IntegrityTests.ApiOperations(app)
            .Where(o => !o.Route.StartsWith("/api/v1/auth/", StringComparison.Ordinal) && o.Route != "/api/v1/public/comments").ToList();
        Assert.True(operations.Count >= 40, $"only {operations.Count} API operations found");
        using var admin = await app.BearerAs("admin@demo.vn", sendsReadVersion: false);
        using var anonymous = app.CreateClient();
        var failures = new List<string>();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var sent = 0;
        var started = DateTime.UtcNow;

        var endpoints = app.Services.GetRequiredService<IEnumerable<Microsoft.AspNetCore.Routing.EndpointDataSource>>()
            .SelectMany(d => d.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToList();
        var bodies = operations.Select(o =>
        {
            var type = endpoints
                .Where(e => "/" + e.RoutePattern.RawText!.TrimStart('/') == o.Route && (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains(o.Method) ?? true))
                .Select(BodyType).FirstOrDefault(t => t is not null);
            return type is null ? Body : Gen.Frequency<string>((6, ForType(type, 0)), (1, Body));
        }).ToList();
        var cases = Gen.Int[0, operations.Count - 1]
            .SelectMany(operation => bodies[operation].Select(body => (Operation: operation, Body: body)))
            .SelectMany(c => Gen.Int[0, Ids.Length - 1].Select(id => (c.Operation, c.Body, Id: id)))
            .SelectMany(c => Gen.Int[0, 3].Select(who => (c.Operation, c.Body, c.Id, AsAdmin: who > 0)));
        await cases.SampleAsync(
            async c =>
            {
                var (operation, body, idIndex, asAdmin) = c;
                var (route, method) = operations[operation];
                var url = IntegrityTests.Concrete(route, Ids[idIndex]);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "GET" or "HEAD")
                {
                    request.RequestUri = new Uri(url + "?page=" + Uri.EscapeDataString(body.Length > 20 ? body[..20] : body) + "&year=" + body.Length.ToString(CultureInfo.InvariantCulture), UriKind.Relative);
                }
                else
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await (asAdmin ? admin : anonymous).SendAsync(request);
                Interlocked.Increment(ref sent);
                lock (statuses)
                {
                    var key = $"{(asAdmin ? "admin" : "anonymous")} {(int)response.StatusCode}";
                    statuses[key] = statuses.GetValueOrDefault(key) + 1;
                }

                if ((int)response.StatusCode >= 500)
                {
                    lock (failures)
                    {
                        failures.Add($"{method} {url} as {(asAdmin ? "admin" : "anonymous")} gave {(int)response.StatusCode} for {(body.Length > 300 ? body[..300] + "…" : body)}");
                    }
                }
            },
            seed: null,
            iter: 700,
            threads: 1);

        // Every operation once more with each of a few hostile bodies, so none is left out by chance.
        foreach (var (route, method) in operations.Where(o => o.Method != "GET"))
        {
            foreach (var body in new[] { "{}", "null", "[]", "{\"version\":\"x\",\"page\":1e400}", "\"" + new string('a', 200_000) + "\"" })
            {
                foreach (var client in new[] { admin, anonymous })
                {
                    var url = IntegrityTests.Concrete(route, 1);
                    using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    using var response = await client.SendAsync(request);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {url} as {(client == admin ? "admin" : "anonymous")} gave {(int)response.StatusCode} for {(body.Length > 100 ? body[..100] + "…" : body)}");
                    }
                }
            }
        }

        // The generated cases reach the handlers: an administrator gets refusals of the input, not only of the caller.
        Assert.True(statuses.Keys.Count(k => k.StartsWith("admin 4", StringComparison.Ordinal) && k is not ("admin 401" or "admin 404" or "admin 405")) >= 2, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Distinct().Take(40)));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(90), $"fuzzing took {DateTime.UtcNow - started}");
    }
}

/// <summary>Its own app and database: generated bodies that happen to be valid change data, which no other test should see.</summary>
public sealed class ApiFuzzTests_Sqlite(SqliteAppFactory app) : ApiFuzzTests(app), IClassFixture<SqliteAppFactory>;

/// <inheritdoc cref="ApiFuzzTests_Sqlite"/>
public sealed class ApiFuzzTests_Postgres(PostgresAppFactory app) : ApiFuzzTests(app), IClassFixture<PostgresAppFactory>;
