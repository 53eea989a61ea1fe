using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Exemplars.Web.Features.PublicComments;
using Exemplars.Web.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 18, points 4 and 5: two instances of the app on one database (two hosts, each with its own singletons) share
/// the sign-in throttle, the public-comment limit and the ballot key shares the server holds — any request can land on
/// any instance. The shares are sealed under a custody key that is not in the database (ADR 006).
/// </summary>
public abstract class SharedStateTests(AppFactory app)
{
    private static readonly string CustodyKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string[] Trustees = ["btv1@demo.vn", "btv2@demo.vn", "btv3@demo.vn"];

    private static Dictionary<string, string> WithKey(string key) => new() { [BallotCustodyKey.Setting] = key };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient api, string url, object? body = null)
    {
        using var response = await api.PostAsJsonAsync(url, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A comment posted to one instance from a given client address (the test server has none of its own).</summary>
    private static async Task<HttpStatusCode> Comment(SecondInstance instance, IPAddress from, int nominationId, string text)
    {
        using var client = instance.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/comments") { Content = JsonContent.Create(new { nominationId, text }) };
        request.Headers.Add(SecondInstance.ClientAddressHeader, from.ToString());
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode;
    }

    private static IPAddress NewAddress()
    {
        var bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = 0xb8; // 2001:db8::/32, documentation addresses
        RandomNumberGenerator.Fill(bytes.AsSpan(4));
        return new IPAddress(bytes);
    }

    /// <summary>A verified candidate in an open public comment period.</summary>
    private async Task<int> OpenForComments()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var shown = await Dossiers.VerifiedAsync(app, clerk, secretariat);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        var (opened, _) = await Post(secretariat, "/api/v1/comment-periods", new
        {
            round = "2021-2025", startsOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endsOn = today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), nominationIds = new[] { shown },
        });
        Assert.Equal(HttpStatusCode.Created, opened);
        return shown;
    }

    private Task<int> CommentsOn(int nominationId) => app.WithDb(db => db.PublicComments.CountAsync(c => c.NominationId == nominationId));

    [Fact]
    public async Task Sign_in_failures_on_one_instance_pause_the_account_and_address_on_the_other()
    {
        await using var other = new SecondInstance(app);
        var email = $"u{Guid.NewGuid():N}"[..13] + "@test.vn";
        const string password = "Khoi@2025-abc";
        var admin = await app.SignedInAs("admin@demo.vn");
        using (var created = await Forms.SubmitAsync(admin, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.FullName"] = "Nguyễn Văn Hai Máy", ["Input.Role"] = "GrassrootsClerk", ["Input.OrganizationCode"] = "CS010", ["Input.Password"] = password,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var onA = app.CreateClient();
        using var onB = other.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await (i % 2 == 0 ? onA : onB).PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Sai@12345x" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // Five failures spread over both instances pause the pair on each: even the right password is refused.
        using (var right = await onB.PostAsJsonAsync("/api/v1/auth/login", new { email, password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        }

        using (var rightOnA = await onA.PostAsJsonAsync("/api/v1/auth/login", new { email, password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, rightOnA.StatusCode);
        }

        // After the one-minute pause, by either instance's clock, the right password signs in on the other instance.
        other.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddSeconds(70));
        try
        {
            using var later = await onB.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }
        finally
        {
            other.Clock.Reset();
        }
    }

    [Fact]
    public async Task The_comment_limit_counts_posts_to_both_instances_together()
    {
        var shown = await OpenForComments();
        await using var first = new SecondInstance(app);
        await using var other = new SecondInstance(app);
        var from = NewAddress();
        var before = await CommentsOn(shown);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await Comment(i < 3 ? first : other, from, shown, $"Ý kiến thứ {i + 1} gửi qua hai máy chủ về ứng viên."));
        }

        // The sixth post across both is refused on either instance, and nothing of it is stored.
        Assert.Equal(HttpStatusCode.TooManyRequests, await Comment(other, from, shown, "Ý kiến thứ sáu gửi qua máy chủ thứ hai."));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Comment(first, from, shown, "Ý kiến thứ bảy gửi qua máy chủ thứ nhất."));
        Assert.Equal(before + 5, await CommentsOn(shown));

        // Another address is not held back by this one's posts.
        Assert.Equal(HttpStatusCode.Accepted, await Comment(other, NewAddress(), shown, "Ý kiến từ một địa chỉ khác vẫn được nhận."));

        // A new window ten minutes on lets the address post again.
        first.Clock.SetUtcNow(DateTimeOffset.UtcNow + PublicCommentLimiter.Window + TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Accepted, await Comment(first, from, shown, "Ý kiến sau mười phút được nhận lại."));
    }

    [Fact]
    public async Task Concurrent_posts_from_one_address_over_two_instances_let_exactly_the_permit_through()
    {
        var shown = await OpenForComments();
        await using var first = new SecondInstance(app);
        await using var other = new SecondInstance(app);
        var from = NewAddress();
        var before = await CommentsOn(shown);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => Comment(i % 2 == 0 ? first : other, from, shown, $"Ý kiến gửi đồng thời số {i + 1} qua hai máy chủ."))));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(11, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(before + 5, await CommentsOn(shown));
    }

    private async Task<int> OpenBallot(AppFactory on)
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var helper = await app.BearerAs("tgdv@demo.vn");
        var candidate = await Dossiers.VerifiedAsync(app, clerk, helper);
        using var secretariat = await on.BearerAs("tgdv@demo.vn");
        var (opened, body) = await Post(secretariat, "/api/v1/ballots", new
        {
            round = "2021-2025", title = "Bỏ phiếu kín qua hai máy chủ", nominationIds = new[] { candidate }, trustees = Trustees, threshold = 2,
        });
        Assert.Equal(HttpStatusCode.Created, opened);
        return body.GetProperty("id").GetInt32();
    }

    private static async Task<string> TakeShare(AppFactory on, string email, int ballot)
    {
        using var trustee = await on.BearerAs(email);
        using var response = await trustee.GetAsync($"/api/v1/ballots/{ballot}/share");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task Key_shares_opened_on_one_instance_are_taken_and_entered_on_either_and_close_the_ballot()
    {
        // Each instance pauses after writing an entered share, in its transaction: without the ballot's row lock both
        // would write, then each read only its own share, and neither would close the ballot.
        await using var a = new SecondInstance(app, WithKey(CustodyKey), slowSharesEntered: TimeSpan.FromMilliseconds(700));
        await using var b = new SecondInstance(app, WithKey(CustodyKey), slowSharesEntered: TimeSpan.FromMilliseconds(700));
        var ballot = await OpenBallot(a);
        var first = await TakeShare(b, "btv1@demo.vn", ballot);
        var second = await TakeShare(a, "btv2@demo.vn", ballot);
        Assert.StartsWith($"PK-{ballot}-", first, StringComparison.Ordinal);
        using (var member = await b.BearerAs("btv2@demo.vn"))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Post(member, $"/api/v1/ballots/{ballot}/share/kept")).Status);
        }

        using (var member = await a.BearerAs("btv2@demo.vn"))
        {
            Assert.Equal(HttpStatusCode.Conflict, (await member.GetAsync($"/api/v1/ballots/{ballot}/share")).StatusCode); // kept on B: gone on A too
        }

        // The two trustees enter their shares at the same moment, one on each instance: the ballot closes exactly once.
        using var one = await a.BearerAs("btv1@demo.vn");
        using var two = await b.BearerAs("btv2@demo.vn");
        var entered = await Task.WhenAll(
            Task.Run(() => Post(one, $"/api/v1/ballots/{ballot}/close", new { share = first })),
            Task.Run(() => Post(two, $"/api/v1/ballots/{ballot}/close", new { share = second })));
        Assert.All(entered, e => Assert.Equal(HttpStatusCode.OK, e.Status));
        Assert.Single(entered, e => e.Body.GetProperty("closed").GetBoolean());
        Assert.Equal("Closed", (await one.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot}")).GetProperty("status").GetString());
        Assert.Equal(0, await app.WithDb(db => db.SealedShares.CountAsync(s => s.BallotId == ballot))); // nothing left behind
    }

    [Fact]
    public async Task The_database_holds_no_share_in_clear_and_an_instance_with_another_key_cannot_use_the_rows()
    {
        await using var a = new SecondInstance(app, WithKey(CustodyKey));
        var ballot = await OpenBallot(a);
        var texts = new[] { await TakeShare(a, "btv1@demo.vn", ballot), await TakeShare(a, "btv2@demo.vn", ballot) };
        var shares = texts.Select(t => KeyShare.Parse(t)!).ToList();

        // Every custody row's bytes (and on SQLite the database files) searched for each share in every form it is written in.
        var rows = await app.WithDb(db => db.SealedShares.AsNoTracking().Where(s => s.BallotId == ballot).ToListAsync());
        Assert.Equal(3, rows.Count);
        var dump = rows.Select(r => r.Sealed.Concat(System.Text.Encoding.UTF8.GetBytes(r.Holder + r.Purpose)).ToArray()).ToList();
        if (app.Provider == "Sqlite")
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.DatabaseConnection).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-journal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var bytes = new MemoryStream();
                await stream.CopyToAsync(bytes);
                dump.Add(bytes.ToArray());
            }
        }

        var secrets = shares.Select(s => Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, s.Value)).ToList();
        var secretTexts = secrets.SelectMany(b => new[] { Convert.ToHexString(b), Convert.ToHexString(b).ToLowerInvariant(), Convert.ToBase64String(b) })
            .Concat(shares.Select(s => s.Value.ToString()))
            .Concat(texts).ToList();
        foreach (var bytes in dump)
        {
            Assert.All(secrets, secret => Assert.True(bytes.AsSpan().IndexOf(secret) < 0, "a share is stored in clear"));
            Assert.All(secretTexts, text => Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(text)) < 0, "a share is stored as text"));
        }

        // The test's own check that the search can find what it looks for: the sealed row opens to the share under the key.
        var btv1 = await app.WithDb(db => db.Users.Where(u => u.Email == "btv1@demo.vn").Select(u => u.Id).SingleAsync());
        var sealedFirst = rows.Single(r => r.Holder == btv1);
        var key = new BallotCustodyKey(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [BallotCustodyKey.Setting] = CustodyKey }).Build());
        var bound = System.Text.Encoding.UTF8.GetBytes($"exemplars ballot key share\n{ballot}\nhandout\n{sealedFirst.Holder}");
        Assert.Equal(shares[0].Value, key.Open(sealedFirst.Sealed, ballot, bound)!.Value);
        Assert.Null(key.Open(sealedFirst.Sealed, ballot + 1, System.Text.Encoding.UTF8.GetBytes($"exemplars ballot key share\n{ballot + 1}\nhandout\n{sealedFirst.Holder}"))); // bound to its ballot ...
        Assert.Null(key.Open(sealedFirst.Sealed, ballot, System.Text.Encoding.UTF8.GetBytes($"exemplars ballot key share\n{ballot}\nhandout\n{rows.First(r => r.Holder != btv1).Holder}"))); // ... and its holder

        // An instance with another key (or none: a key drawn at its start) finds nothing it can use: the share is gone for it.
        await using var stranger = new SecondInstance(app, WithKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        using (var third = await stranger.BearerAs("btv3@demo.vn"))
        {
            using var refused = await third.GetAsync($"/api/v1/ballots/{ballot}/share");
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("share_gone", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        using (var unkeyed = await app.BearerAs("btv1@demo.vn"))
        {
            var (status, problem) = await Post(unkeyed, $"/api/v1/ballots/{ballot}/close", new { share = texts[0] });
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.False(problem.GetProperty("closed").GetBoolean());
        }

        // A share entered on the instance with another key counts for nothing on A: two more are needed there.
        using (var one = await a.BearerAs("btv2@demo.vn"))
        {
            var (status, outcome) = await Post(one, $"/api/v1/ballots/{ballot}/close", new { share = texts[1] });
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.False(outcome.GetProperty("closed").GetBoolean());
            Assert.Equal(1, outcome.GetProperty("sharesEntered").GetInt32());
        }

        // The unreadable rows were removed: the trustee whose share was not taken must have the ballot opened again.
        using (var third = await a.BearerAs("btv3@demo.vn"))
        {
            Assert.Equal(HttpStatusCode.Conflict, (await third.GetAsync($"/api/v1/ballots/{ballot}/share")).StatusCode);
        }

        using (var one = await a.BearerAs("btv1@demo.vn"))
        {
            var (status, outcome) = await Post(one, $"/api/v1/ballots/{ballot}/close", new { share = texts[0] });
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(outcome.GetProperty("closed").GetBoolean());
        }
    }

    [Fact]
    public void A_configured_custody_key_of_the_wrong_form_stops_the_start()
    {
        foreach (var bad in new[] { Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)), "không phải base64" })
        {
            using var instance = new SecondInstance(app, WithKey(bad));
            var error = Assert.ThrowsAny<Exception>(() => instance.Server);
            Assert.Contains(BallotCustodyKey.Setting, error.ToString(), StringComparison.Ordinal);
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class SharedStateTests_Sqlite(SqliteAppFactory app) : SharedStateTests(app);

[Collection(PostgresApp.Name)]
public sealed class SharedStateTests_Postgres(PostgresAppFactory app) : SharedStateTests(app);
