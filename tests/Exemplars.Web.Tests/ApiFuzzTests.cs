using System.Globalization;
using System.Text;
using CsCheck;

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
        (1, Gen.Int[1_000, 120_000].Select(n => Quote(new string('ệ', n)))),
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
        var sent = 0;
        var started = DateTime.UtcNow;

        var cases = Gen.Select(Gen.Int[0, operations.Count - 1], Gen.Int[0, Ids.Length - 1], Gen.Bool, Body);
        await cases.SampleAsync(
            async (operation, idIndex, asAdmin, body) =>
            {
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
                if ((int)response.StatusCode >= 500)
                {
                    lock (failures)
                    {
                        failures.Add($"{method} {url} as {(asAdmin ? "admin" : "anonymous")} gave {(int)response.StatusCode} for {(body.Length > 300 ? body[..300] + "…" : body)}");
                    }
                }
            },
            seed: null,
            iter: 600,
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

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Distinct().Take(40)));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), $"fuzzing took {DateTime.UtcNow - started}");
    }
}

[Collection(SqliteApp.Name)]
public sealed class ApiFuzzTests_Sqlite(SqliteAppFactory app) : ApiFuzzTests(app);

[Collection(PostgresApp.Name)]
public sealed class ApiFuzzTests_Postgres(PostgresAppFactory app) : ApiFuzzTests(app);
