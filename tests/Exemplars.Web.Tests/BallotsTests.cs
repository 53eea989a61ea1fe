using System.Text.Json;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exemplars.Web.Tests;

public abstract class BallotsTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly byte[] Png = SampleFiles.Png();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient api, string url, object? body = null)
    {
        using var response = await api.PostAsJsonAsync(url, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A submitted dossier of an eligible party member of CS001, in the final round.</summary>
    private Task<int> Submitted(HttpClient clerk, string organizationCode = "CS001", string roundCode = "2021-2025") =>
        Dossiers.SubmittedAsync(app, clerk, organizationCode, roundCode);

    /// <summary>A copy of the final round under a new code, so a test's selection holds only its own ballots.</summary>
    private Task<string> FreshRound(int quotaIndividuals) => app.FreshRound("T", quotaIndividuals);

    private Task<int> Verified(HttpClient clerk, HttpClient secretariat, string roundCode = "2021-2025") =>
        Dossiers.VerifiedAsync(app, clerk, secretariat, roundCode);

    /// <summary>Verified dossiers put to one main ballot that every member approves: commended, as a decision needs.</summary>
    private Task<int[]> Commended(HttpClient clerk, HttpClient secretariat, int count = 1) =>
        Dossiers.CommendedAsync(app, clerk, secretariat, count);

    private Task<List<HttpClient>> Members() => Dossiers.MembersAsync(app);

    private Task<List<string>> Close(int ballot) => app.CloseByTrustees(ballot);

    private static object Paper(params (int Id, string Choice)[] choices) => Dossiers.Paper(choices);

    [Fact]
    public async Task Verification_checklist_gates_acceptance()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var id = await Submitted(clerk);
        var (early, problem) = await Post(secretariat, $"/api/v1/nominations/{id}/accept");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early);
        Assert.Equal("verification_incomplete", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString() ?? problem.GetProperty("title").GetString()!;
        Assert.Contains("“", detail, StringComparison.Ordinal); // criteria named from the plan ...
        Assert.DoesNotMatch(@"\d+\.\d+\.\d+", detail);             // ... never by code
        var (noNote, _) = await Post(secretariat, $"/api/v1/nominations/{id}/checks", new { criterionCode = "3.2.5.1", result = "NeedsMore" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote);
        var (byClerk, _) = await Post(clerk, $"/api/v1/nominations/{id}/checks", new { criterionCode = "3.2.5.1", result = "Pass" });
        Assert.Equal(HttpStatusCode.Forbidden, byClerk);
        var (needsMore, _) = await Post(secretariat, $"/api/v1/nominations/{id}/checks", new { criterionCode = "3.2.5.1", result = "NeedsMore", note = "Thiếu quyết định công nhận sáng kiến." });
        Assert.Equal(HttpStatusCode.NoContent, needsMore);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(secretariat, $"/api/v1/nominations/{id}/accept")).Status);
        var verified = await Verified(clerk, secretariat);
        var status = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{verified}")).GetProperty("status").GetString();
        Assert.Equal("Verified", status);
    }

    [Fact]
    public async Task Secret_ballot_counts_once_per_member_hides_results_until_closed_and_keeps_no_link_to_voters()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var a = await Verified(clerk, secretariat);
        var b = await Verified(clerk, secretariat);
        var (opened, body) = await Post(secretariat, "/api/v1/ballots", new { round = "2021-2025", title = "Bỏ phiếu kín lựa chọn gương điển hình", nominationIds = new[] { a, b } });
        Assert.Equal(HttpStatusCode.Created, opened);
        var ballot = body.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(clerk, "/api/v1/ballots", new { round = "2021-2025", title = "x" })).Status);

        var members = await Members();
        // 7 approve a, 5 approve b, 2 do not vote: quorum 7/9 ≥ 2/3; a passes (7 > 4.5), b passes (5 > 4.5).
        var papers = Enumerable.Range(0, 7).Select(i => Paper((a, "Approve"), (b, i < 5 ? "Approve" : "Disapprove"))).ToList();
        var results = await Task.WhenAll(papers.Select((p, i) => Post(members[i], $"/api/v1/ballots/{ballot}/votes", p)));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.NoContent, r.Status));
        var (twice, twiceBody) = await Post(members[0], $"/api/v1/ballots/{ballot}/votes", Paper((a, "Disapprove"), (b, "Disapprove")));
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal("already_voted", twiceBody.GetProperty("code").GetString());
        var (partial, _) = await Post(members[7], $"/api/v1/ballots/{ballot}/votes", Paper((a, "Approve")));
        Assert.Equal(HttpStatusCode.BadRequest, partial);
        var (notVoter, _) = await Post(secretariat, $"/api/v1/ballots/{ballot}/votes", Paper((a, "Approve"), (b, "Approve")));
        Assert.Equal(HttpStatusCode.Forbidden, notVoter);
        using (var outsider = await clerk.GetAsync($"/api/v1/ballots/{ballot}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        }

        var open = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot}");
        Assert.Equal(JsonValueKind.Null, open.GetProperty("results").ValueKind);
        Assert.Equal(7, open.GetProperty("voted").GetInt32());

        // Closing needs the trustees: the secretariat cannot, a wrong share is refused, a share alone does not close.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(secretariat, $"/api/v1/ballots/{ballot}/close", new { share = "PK-1-1-00" })).Status);
        using (var btv3 = await app.BearerAs("btv3@demo.vn"))
        {
            var own = (await btv3.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot}/share")).GetProperty("text").GetString()!;
            var wrong = own[..^1] + (own[^1] == '0' ? '1' : '0');
            Assert.Equal(HttpStatusCode.BadRequest, (await Post(btv3, $"/api/v1/ballots/{ballot}/close", new { share = wrong })).Status);
            using (var notTrustee = await app.BearerAs("btv4@demo.vn"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await notTrustee.GetAsync($"/api/v1/ballots/{ballot}/share")).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await Post(notTrustee, $"/api/v1/ballots/{ballot}/close", new { share = own })).Status);
            }

            // Once kept, the server no longer has the share to show.
            Assert.Equal(HttpStatusCode.NoContent, (await Post(btv3, $"/api/v1/ballots/{ballot}/share/kept")).Status);
            Assert.Equal(HttpStatusCode.Conflict, (await btv3.GetAsync($"/api/v1/ballots/{ballot}/share")).StatusCode);
        }

        await Close(ballot);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(await app.BearerAs("btv3@demo.vn"), $"/api/v1/ballots/{ballot}/close", new { share = "PK-1-1-00" })).Status);
        var (late, _) = await Post(members[8], $"/api/v1/ballots/{ballot}/votes", Paper((a, "Approve"), (b, "Approve")));
        Assert.Equal(HttpStatusCode.Conflict, late);
        var closed = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot}");
        var tally = closed.GetProperty("results");
        Assert.True(tally.GetProperty("quorumMet").GetBoolean());
        var byId = tally.GetProperty("candidates").EnumerateArray().ToDictionary(c => c.GetProperty("nominationId").GetInt32());
        Assert.Equal((7, true), (byId[a].GetProperty("approvals").GetInt32(), byId[a].GetProperty("passed").GetBoolean()));
        Assert.Equal((5, 2), (byId[b].GetProperty("approvals").GetInt32(), byId[b].GetProperty("disapprovals").GetInt32()));

        // The tally is reproducible from the ballot box alone, and nothing stored links a member to a choice.
        var box = await app.WithDb(db => db.BallotVotes.Where(v => v.BallotId == ballot).ToListAsync());
        Assert.Equal(14, box.Count);
        Assert.Equal(14, box.Select(v => Convert.ToHexString(v.Ciphertext)).Distinct().Count());
        var columns = await app.WithDb(db => Task.FromResult(db.Model.FindEntityType(typeof(BallotVote))!.GetProperties().Select(p => p.Name).Order().ToArray()));
        Assert.Equal(["BallotId", "Ciphertext", "Id", "NominationId"], columns);
        Assert.False(await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.EntityType == "BallotVote" || e.EntityType == "BallotVoter")));
        Assert.Equal(7, await app.WithDb(db => db.BallotVoters.CountAsync(v => v.BallotId == ballot && v.HasVoted)));

        // Notices: members are invited when it opens; members and the secretariat are told when it closes.
        var notices = await (await app.SignedInAs("btv1@demo.vn")).GetStringAsync("/Notifications");
        Assert.Contains("Mời đồng chí bỏ phiếu kín: Bỏ phiếu kín lựa chọn gương điển hình.", notices, StringComparison.Ordinal);
        Assert.Contains("Đã kết thúc bỏ phiếu: Bỏ phiếu kín lựa chọn gương điển hình.", notices, StringComparison.Ordinal);
        Assert.DoesNotContain("Mời đồng chí bỏ phiếu kín", await (await app.SignedInAs("coso1@demo.vn")).GetStringAsync("/Notifications"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tie_at_the_quota_cut_is_flagged_and_resolved_by_a_run_off_over_the_tied_only_and_results_never_replaced()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var round = await FreshRound(quotaIndividuals: 1);
        var a = await Verified(clerk, secretariat, round);
        var b = await Verified(clerk, secretariat, round);
        var c = await Verified(clerk, secretariat, round);
        var (_, opened) = await Post(secretariat, "/api/v1/ballots", new { round, title = "Bỏ phiếu chính", nominationIds = new[] { a, b, c } });
        var main = opened.GetProperty("id").GetInt32();
        var members = await Members();
        for (var i = 0; i < members.Count; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Post(members[i], $"/api/v1/ballots/{main}/votes", Paper((a, "Approve"), (b, "Approve"), (c, i < 5 ? "Approve" : "Disapprove")))).Status);
        }

        // A run-off cannot be opened before there is a tie, nor over anyone but the tied.
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(secretariat, "/api/v1/ballots", new { round, title = "Sớm", nominationIds = new[] { a, b }, runOffOf = main })).Status);
        await Close(main);
        var selection = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/selection?round={round}");
        Assert.Equal(main, selection.GetProperty("ballotId").GetInt32());
        var tie = selection.GetProperty("selection").GetProperty("ties").EnumerateArray().Single();
        Assert.Equal([a, b], tie.GetProperty("nominationIds").EnumerateArray().Select(x => x.GetInt32()).Order().ToArray());
        Assert.DoesNotContain(selection.GetProperty("selection").GetProperty("toProvince").EnumerateArray(), x => x.GetProperty("kind").GetString() == "Individual");

        // No second main ballot over candidates already voted on (it would replace their result), no empty ballot.
        Assert.Equal(HttpStatusCode.Conflict, (await Post(secretariat, "/api/v1/ballots", new { round, title = "Bỏ phiếu lần hai", nominationIds = new[] { a, b, c } })).Status);
        var (empty, emptyBody) = await Post(secretariat, "/api/v1/ballots", new { round, title = "Rỗng", nominationIds = Array.Empty<int>() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty);
        Assert.Equal("no_candidates", emptyBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(secretariat, "/api/v1/ballots", new { round, title = "Rỗng", runOffOf = main })).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(secretariat, "/api/v1/ballots", new { round, title = "Không bằng phiếu", nominationIds = new[] { a, b, c }, runOffOf = main })).Status);

        // The selection page explains the shortfall and the tie, and offers the run-off over the tied as its next step.
        var page = await app.SignedInAs("tgdv@demo.vn");
        var explained = Forms.Parse(await page.GetStringAsync($"/Ballots/Selection?round={round}"));
        Assert.Contains("chỉ có 0 tập thể đạt", explained.QuerySelector("[data-testid=explanation]")!.TextContent, StringComparison.Ordinal);
        var next = explained.QuerySelector("[data-testid=next-step]")!.TextContent;
        Assert.Contains("Có 2 cá nhân cùng 9 phiếu đồng ý cho 1 suất còn lại", next, StringComparison.Ordinal);
        Assert.Contains("Mở phiếu bầu lại cho các trường hợp bằng phiếu", next, StringComparison.Ordinal);
        using var runOffOpened = await Forms.SubmitAsync(page, $"/Ballots/Selection?round={round}", new Dictionary<string, string>(), "form[action*='handler=RunOff']");
        Assert.Equal(HttpStatusCode.Redirect, runOffOpened.StatusCode);
        var runOff = int.Parse(runOffOpened.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var runOffDetails = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{runOff}");
        Assert.Equal("RunOff", runOffDetails.GetProperty("kind").GetString());
        Assert.Equal([a, b], runOffDetails.GetProperty("candidates").EnumerateArray().Select(x => x.GetProperty("nominationId").GetInt32()).Order().ToArray());
        Assert.Contains("Đang bỏ phiếu lại", await page.GetStringAsync($"/Ballots/Selection?round={round}"), StringComparison.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            await Post(members[i], $"/api/v1/ballots/{runOff}/votes", Paper((a, i < 6 ? "Approve" : "Disapprove"), (b, i < 3 ? "Approve" : "Disapprove")));
        }

        await Close(runOff);
        var resolved = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/selection?round={round}");
        Assert.Empty(resolved.GetProperty("selection").GetProperty("ties").EnumerateArray());
        var forwarded = resolved.GetProperty("selection").GetProperty("toProvince").EnumerateArray().Where(x => x.GetProperty("kind").GetString() == "Individual").ToList();
        Assert.Equal(a, Assert.Single(forwarded).GetProperty("nominationId").GetInt32());
        Assert.Equal(9, forwarded[0].GetProperty("approvals").GetInt32()); // the main ballot's count stands

        // Each ballot keeps its own result: the main ballot still shows 9/9/5 and all three commended.
        var mainAfter = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{main}")).GetProperty("results").GetProperty("candidates").EnumerateArray()
            .ToDictionary(x => x.GetProperty("nominationId").GetInt32(), x => x.GetProperty("approvals").GetInt32());
        Assert.Equal(new Dictionary<int, int> { [a] = 9, [b] = 9, [c] = 5 }, mainAfter);
        Assert.Equal(3, resolved.GetProperty("selection").GetProperty("commended").GetArrayLength());
    }

    /// <summary>
    /// The issue's attacks, replayed by someone who reads the database (every table, and on SQLite the database and -wal
    /// file bytes), links rows by transaction id (PostgreSQL xmin) or by order, and reads the application log. They can
    /// link a member's "has voted" mark to that member's papers, but the papers hold only ciphertexts, and the key that
    /// would open them is nowhere they can read: not in any table, file or log line. With the trustees' shares (which the
    /// test, unlike the attacker, holds) the same linked papers would open, so the key is exactly what protects them.
    /// </summary>
    [Fact]
    public async Task A_dba_reading_the_database_its_files_and_the_log_links_voters_only_to_ciphertexts_and_finds_no_key()
    {
        var logs = new CapturedLogs();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sentinel").LogWarning("capture works");
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var candidate = await Verified(clerk, secretariat);
        var (_, opened) = await Post(secretariat, "/api/v1/ballots", new { round = "2021-2025", title = "Bỏ phiếu kín kiểm tra bí mật", nominationIds = new[] { candidate } });
        var ballot = opened.GetProperty("id").GetInt32();
        var members = await Members();
        var approves = new Dictionary<string, bool>();
        for (var i = 0; i < members.Count; i++) // one at a time, in a known order: the order attack gets its best chance
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Post(members[i], $"/api/v1/ballots/{ballot}/votes", Paper((candidate, i < 5 ? "Approve" : "Disapprove")))).Status);
            approves[$"btv{i + 1}@demo.vn"] = i < 5;
        }

        // Before closing nothing can count: there is no key anywhere, only the public one.
        Assert.Equal(JsonValueKind.Null, (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot}")).GetProperty("results").ValueKind);
        var shares = (await Close(ballot)).Select(t => KeyShare.Parse(t)!).ToList();
        var key = SecretSharing.Combine(shares);
        var keyBytes = Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, key);
        var secrets = new List<byte[]> { keyBytes };
        secrets.AddRange(shares.Select(sh => Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, sh.Value)));
        var secretTexts = secrets.SelectMany(b => new[] { Convert.ToHexString(b), Convert.ToHexString(b).ToLowerInvariant(), Convert.ToBase64String(b) })
            .Concat(shares.Select(sh => sh.ToText())).ToList();

        // Per member only "has voted"; papers carry no member, no time.
        Assert.Equal(["BallotId", "HasVoted", "Id", "UserId"], await app.WithDb(db => Task.FromResult(db.Model.FindEntityType(typeof(BallotVoter))!.GetProperties().Select(p => p.Name).Order().ToArray())));
        Assert.DoesNotContain(await app.WithDb(db => Task.FromResult(db.Model.FindEntityType(typeof(BallotVote))!.GetProperties().Select(p => p.ClrType).ToArray())), t => t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateTime?));

        // Link papers to members: by transaction id on PostgreSQL, by row order on SQLite (papers were cast one member at a time).
        var userEmails = await app.WithDb(db => db.Users.Where(u => u.Email!.StartsWith("btv")).ToDictionaryAsync(u => u.Id, u => u.Email!));
        var linked = new List<(string Email, byte[] Ciphertext)>();
        var dump = new List<byte[]>();
        await app.WithDb(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            if (app.Provider == "Postgres")
            {
                var voters = await Rows(connection, $"SELECT xmin::text, \"UserId\" FROM ballot_voters WHERE \"BallotId\" = {ballot}");
                var papers = await Rows(connection, $"SELECT xmin::text, \"Ciphertext\" FROM ballot_box WHERE \"BallotId\" = {ballot}");
                // The papers' xmin is the voter row's or the next one (EF's savepoint is a subtransaction): each paper goes to the
                // member whose mark has the greatest xmin not after it — the adjacency the issue found.
                var marks = voters.Select(v => (Xid: long.Parse((string)v[0], System.Globalization.CultureInfo.InvariantCulture), User: (string)v[1])).OrderBy(v => v.Xid).ToList();
                linked.AddRange(papers.Select(p => (userEmails[marks.Last(m => m.Xid <= long.Parse((string)p[0], System.Globalization.CultureInfo.InvariantCulture)).User], (byte[])p[1])));
                var tables = await Rows(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
                foreach (var table in tables.Select(t => (string)t[0]))
                {
                    foreach (var row in await Rows(connection, $"SELECT row_to_json(t)::text FROM \"{table}\" t"))
                    {
                        dump.Add(System.Text.Encoding.UTF8.GetBytes((string)row[0]));
                    }
                }
            }
            else
            {
                var papers = await Rows(connection, $"SELECT \"Ciphertext\" FROM ballot_box WHERE \"BallotId\" = {ballot} ORDER BY rowid");
                linked.AddRange(papers.Select((p, i) => ($"btv{i + 1}@demo.vn", (byte[])p[0])));
                var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
                foreach (var path in new[] { file, file + "-wal", file + "-journal" }.Where(File.Exists))
                {
                    await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var bytes = new MemoryStream();
                    await stream.CopyToAsync(bytes);
                    dump.Add(bytes.ToArray());
                }
            }

            return 0;
        });
        Assert.Equal(9, linked.Count); // the link itself is not prevented ...
        Assert.Equal(9, linked.Select(l => Convert.ToHexString(l.Ciphertext)).Distinct().Count()); // ... but five approvals and four refusals all look different
        Assert.NotEmpty(dump);
        foreach (var bytes in dump)
        {
            Assert.False(Contains(bytes, System.Text.Encoding.ASCII.GetBytes("Disapprove")), "a choice is stored in clear");
            foreach (var secret in secrets)
            {
                Assert.False(Contains(bytes, secret), "key material is stored");
            }

            foreach (var text in secretTexts)
            {
                Assert.False(Contains(bytes, System.Text.Encoding.ASCII.GetBytes(text)), "key material is stored as text");
            }
        }

        // Only the key opens what the link found: with the trustees' shares each linked paper would give its member's choice.
        Assert.All(linked, l => Assert.Equal(approves[l.Email] ? 1 : 0, ExponentialElGamal.DecryptTotal(key, ExponentialElGamal.Sum([l.Ciphertext]), 1)));

        // The application log holds no choice, share or key.
        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("capture works", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Disapprove", StringComparison.OrdinalIgnoreCase) || secretTexts.Exists(t => l.Contains(t, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<List<object[]>> Rows(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>Every log line written while it is registered, as the log shipper of an installation would see it.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Lines.Enqueue($"{category} {formatter(state, exception)} {exception} {state}");
        }
    }

    [Fact]
    public async Task Checklist_ballot_and_selection_work_through_the_pages()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariatApi = await app.BearerAs("tgdv@demo.vn");
        var id = await Submitted(clerk);
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var page = await Forms.GetDocumentAsync(secretariat, $"/Review/Verify/{id}");
        var answers = new Dictionary<string, string> { ["outcome"] = "Accepted" };
        for (var i = 0; i < page.QuerySelectorAll("[data-testid=criterion]").Length; i++)
        {
            answers[$"Entries[{i}].Result"] = "Pass";
        }

        using (var accepted = await Forms.SubmitAsync(secretariat, $"/Review/Verify/{id}", answers, "[data-testid=verify-form]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var (_, opened) = await Post(secretariatApi, "/api/v1/ballots", new { round = "2021-2025", title = "Bỏ phiếu qua trang", nominationIds = new[] { id } });
        var ballot = opened.GetProperty("id").GetInt32();
        var member = await app.SignedInAs("btv3@demo.vn");
        var paper = await Forms.GetDocumentAsync(member, $"/Ballots/Details/{ballot}");
        Assert.Null(paper.QuerySelector("[data-testid=results]"));
        using (var voted = await Forms.SubmitAsync(member, $"/Ballots/Details/{ballot}", new Dictionary<string, string> { [$"choices[{id}]"] = "Approve" }, "form[action*='handler=Vote']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        }

        Assert.Contains("Đồng chí đã bỏ phiếu.", await member.GetStringAsync($"/Ballots/Details/{ballot}"), StringComparison.Ordinal);
        Assert.Null(Forms.Parse(await secretariat.GetStringAsync($"/Ballots/Details/{ballot}")).QuerySelector("form[action*='handler=Close']"));
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.GetAsync($"/Ballots/Share/{ballot}")).StatusCode); // not a trustee: refused

        // Each trustee takes their share on their own page (shown and downloadable until kept), then enters it to close.
        foreach (var (email, index) in new[] { ("btv1@demo.vn", 1), ("btv2@demo.vn", 2) })
        {
            var trustee = await app.SignedInAs(email);
            var sharePage = await Forms.GetDocumentAsync(trustee, $"/Ballots/Share/{ballot}");
            var share = sharePage.QuerySelector("[data-testid=share]")!.TextContent.Trim();
            Assert.StartsWith($"PK-{ballot}-{index}-", share, StringComparison.Ordinal);
            using (var download = await trustee.GetAsync($"/Ballots/Share/{ballot}?handler=Download"))
            {
                Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
                Assert.Contains(share, await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using (var kept = await Forms.SubmitAsync(trustee, $"/Ballots/Share/{ballot}", new Dictionary<string, string>(), "form[action*='handler=Kept']"))
            {
                Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
            }

            using (var again = await trustee.GetAsync($"/Ballots/Share/{ballot}"))
            {
                Assert.Equal(HttpStatusCode.Redirect, again.StatusCode); // the server no longer holds it
            }

            using var entered = await Forms.SubmitAsync(trustee, $"/Ballots/Details/{ballot}", new Dictionary<string, string> { ["share"] = share }, "form[action*='handler=Close']");
            Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        }

        var results = Forms.Parse(await secretariat.GetStringAsync($"/Ballots/Details/{ballot}"));
        Assert.Contains("Không đủ số ủy viên tham gia bỏ phiếu", results.QuerySelector("main")!.TextContent, StringComparison.Ordinal); // 1 of 9 voted
        using var clerkBallots = await (await app.SignedInAs("coso1@demo.vn")).GetAsync("/Ballots");
        Assert.Contains("/Account/AccessDenied", clerkBallots.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overrides_need_a_justification_and_province_viewers_see_only_what_was_sent_up()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var round = await FreshRound(quotaIndividuals: 5); // other tests' commended nominees stay out of this province list
        var forwarded = await Verified(clerk, secretariat, round);
        var kept = await Verified(clerk, secretariat, round);
        var (_, opened) = await Post(secretariat, "/api/v1/ballots", new { round, title = "Bỏ phiếu để điều chỉnh", nominationIds = new[] { forwarded, kept } });
        var ballot = opened.GetProperty("id").GetInt32();
        foreach (var member in await Members())
        {
            await Post(member, $"/api/v1/ballots/{ballot}/votes", Paper((forwarded, "Approve"), (kept, "Approve")));
        }

        await Close(ballot);
        var (short_, _) = await Post(secretariat, "/api/v1/ballots/selection/overrides", new { round, nominationId = kept, include = false, justification = "ngắn" });
        Assert.Equal(HttpStatusCode.BadRequest, short_);
        var (ok, _) = await Post(secretariat, "/api/v1/ballots/selection/overrides", new { round, nominationId = kept, include = false, justification = "Ban Thường vụ thống nhất ưu tiên gương ở doanh nghiệp ngoài nhà nước." });
        Assert.Equal(HttpStatusCode.Created, ok);
        var selection = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/selection?round={round}");
        Assert.DoesNotContain(selection.GetProperty("selection").GetProperty("toProvince").EnumerateArray(), c => c.GetProperty("nominationId").GetInt32() == kept);
        Assert.Contains(selection.GetProperty("overrides").EnumerateArray(), o => o.GetProperty("nominationId").GetInt32() == kept);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "SelectionOverride" && a.UserName == "tgdv@demo.vn")));

        using var province = await app.BearerAs("tinhuy@demo.vn");
        using (var before = await province.GetAsync($"/api/v1/nominations/{forwarded}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        var (issued, number) = await Post(secretariat, "/api/v1/decisions", new { type = "Submission", issuer = "ĐUK", title = "Tờ trình đề nghị Ban Thường vụ Tỉnh ủy biểu dương", date = "2076-04-02", signer = "Phạm Thị Tố Loan", nominationIds = new[] { forwarded } });
        Assert.Equal(HttpStatusCode.Created, issued);
        Assert.EndsWith("-TTr/ĐUK", number.GetProperty("number").GetString(), StringComparison.Ordinal);
        var seen = await province.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{forwarded}");
        Assert.Equal("Pending", seen.GetProperty("provinceOutcome").GetString());
        using (var hidden = await province.GetAsync($"/api/v1/nominations/{kept}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var (provinceWrite, _) = await Post(province, $"/api/v1/nominations/{forwarded}/province-outcome", new { outcome = "Commended" });
        Assert.Equal(HttpStatusCode.Forbidden, provinceWrite);
        var (recorded, _) = await Post(secretariat, $"/api/v1/nominations/{forwarded}/province-outcome", new { outcome = "Commended", note = "Bằng khen của Ban Thường vụ Tỉnh ủy", version = await app.WithDb(db => db.Nominations.Where(n => n.Id == forwarded).Select(n => n.Version).SingleAsync()) });
        Assert.Equal(HttpStatusCode.OK, recorded);
        Assert.Equal("Commended", (await province.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{forwarded}")).GetProperty("provinceOutcome").GetString());
    }

    [Fact]
    public async Task Public_comment_period_shows_only_public_facts_takes_moderated_comments_and_limits_each_address()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var shown = await Verified(clerk, secretariat);
        var (bad, _) = await Post(secretariat, "/api/v1/comment-periods", new { round = "2021-2025", startsOn = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), endsOn = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), nominationIds = new[] { shown } });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var (opened, _) = await Post(secretariat, "/api/v1/comment-periods", new { round = "2021-2025", startsOn = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), endsOn = Today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), nominationIds = new[] { shown } });
        Assert.Equal(HttpStatusCode.Created, opened);

        using var anonymous = app.CreateClient();
        var page = await anonymous.GetStringAsync("/PublicComments/Candidates");
        var name = await app.WithDb(db => db.Nominations.Where(n => n.Id == shown).Select(n => n.NomineeName).SingleAsync());
        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Contains("Thành tích tiêu biểu.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàn thành xuất sắc nhiệm vụ", page, StringComparison.Ordinal); // no ratings or other private data
        var candidates = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/candidates");
        var publicFields = candidates.EnumerateArray().First(c => c.GetProperty("nominationId").GetInt32() == shown).EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["category", "categoryTitle", "endsOn", "name", "nominationId", "periodId", "summary", "unit"], publicFields);

        var before = await app.WithDb(db => db.PublicComments.CountAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await Post(anonymous, "/api/v1/public/comments", new { nominationId = shown, text = "Đồng chí rất tận tụy với công việc, được quần chúng tin yêu." })).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await Post(anonymous, "/api/v1/public/comments", new { nominationId = shown, text = "Quảng cáo mua bán xe máy giá rẻ!!!", website = "http://spam" })).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(anonymous, "/api/v1/public/comments", new { nominationId = 987654, text = "Ý kiến về người không có trong danh sách." })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(anonymous, "/api/v1/public/comments", new { nominationId = shown, text = "ngắn" })).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await Post(anonymous, "/api/v1/public/comments", new { nominationId = shown, authorName = "Nguyễn Văn Dân", text = "Đề nghị làm rõ thành tích năm 2023 của đồng chí." })).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Post(anonymous, "/api/v1/public/comments", new { nominationId = shown, text = "Lần gửi thứ sáu trong mười phút." })).Status);

        // The form page shares the API's limit (issue 15): the same address cannot post on through the form, yet still reads it.
        var formPage = await Forms.GetDocumentAsync(anonymous, "/PublicComments/Candidates");
        var commentForm = formPage.QuerySelectorAll("main form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .First(f => f.QuerySelector($"input[name=NominationId][value='{shown}']") is not null);
        using (var refused = await Forms.SubmitAsync(anonymous, "/PublicComments/Candidates", commentForm, new Dictionary<string, string> { ["Text"] = "Lần gửi thứ bảy, qua biểu mẫu trên trang." }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains(Features.PublicComments.PublicCommentLimiter.Refusal, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before + 2, await app.WithDb(db => db.PublicComments.CountAsync()));

        var pending = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/comments?status=Pending");
        var comment = pending.GetProperty("items").EnumerateArray().First(c => c.GetProperty("text").GetString()!.StartsWith("Đề nghị làm rõ", StringComparison.Ordinal)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(secretariat, $"/api/v1/comments/{comment}/decision", new { status = "Accepted" })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Post(secretariat, $"/api/v1/comments/{comment}/decision", new { status = "Accepted", handling = "Đã đề nghị đơn vị bổ sung minh chứng năm 2023." })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(clerk, $"/api/v1/comments/{comment}/decision", new { status = "Rejected", handling = "x" })).Status);

        await app.WithDb(async db =>
        {
            foreach (var p in await db.CommentPeriods.ToListAsync())
            {
                p.EndsOn = Today.AddDays(-1);
            }

            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(name, await anonymous.GetStringAsync("/PublicComments/Candidates"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracker_shows_units_on_time_late_and_missing_at_a_glance()
    {
        using var clerk = await app.BearerAs("coso3@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        await Submitted(clerk, "CS003"); // CS003 (no extension) sends today
        async Task<JsonElement> Tracker() => await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/rounds/2021-2025/tracker?page=1");
        await app.WithDb(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Code == "2021-2025")).GrassrootsDeadline = Today.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        var late = await Tracker();
        var cs003 = late.GetProperty("units").GetProperty("items").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "CS003");
        Assert.Equal("Late", cs003.GetProperty("state").GetString());
        Assert.True(late.GetProperty("missing").GetInt32() >= 25); // of 45 units: the demo's finished round holds dossiers of 14 units (DemoHistory)
        var missingOnly = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/rounds/2021-2025/tracker?state=Missing");
        Assert.All(missingOnly.GetProperty("units").GetProperty("items").EnumerateArray(), u => Assert.Equal(0, u.GetProperty("sent").GetInt32()));

        await app.WithDb(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Code == "2021-2025")).GrassrootsDeadline = Today.AddDays(5);
            return await db.SaveChangesAsync();
        });
        var onTime = await Tracker();
        Assert.Equal("OnTime", onTime.GetProperty("units").GetProperty("items").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "CS003").GetProperty("state").GetString());
        Assert.Equal(0, onTime.GetProperty("missing").GetInt32());
        var cs003Id = await app.WithDb(db => db.Organizations.Where(o => o.Code == "CS003").Select(o => o.Id).SingleAsync());

        // A dossier returned and sent again after the deadline: the unit sent on time first, so it stays on time.
        var resentAt = await app.WithDb(async db =>
        {
            var dossiers = await db.Nominations.Where(n => n.OrganizationId == cs003Id && n.SubmissionCount > 0).ToListAsync();
            var before = dossiers.ToDictionary(n => n.Id, n => n.SubmittedAtUtc);
            dossiers.ForEach(n => n.SubmittedAtUtc = DateTime.UtcNow.AddDays(10));
            await db.SaveChangesAsync();
            return before;
        });
        try
        {
            var resent = await Tracker();
            Assert.Equal("OnTime", resent.GetProperty("units").GetProperty("items").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "CS003").GetProperty("state").GetString());
        }
        finally
        {
            await app.WithDb(async db =>
            {
                foreach (var n in await db.Nominations.Where(n => n.OrganizationId == cs003Id && n.SubmissionCount > 0).ToListAsync())
                {
                    n.SubmittedAtUtc = resentAt[n.Id];
                }

                return await db.SaveChangesAsync();
            });
        }

        var inbox = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?round=2021-2025&organizationId={cs003Id}&category=3.2.5&kind=Individual&status=Submitted");
        Assert.NotEmpty(inbox.GetProperty("items").EnumerateArray());
        Assert.All(inbox.GetProperty("items").EnumerateArray(), n => Assert.Equal("Đảng bộ Bệnh viện Đa khoa tỉnh", n.GetProperty("organizationName").GetString()));
        var filtered = Forms.Parse(await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/Nominations?round=2021-2025&organizationId={cs003Id}"));
        Assert.All(filtered.QuerySelectorAll("table[data-testid=nominations] tbody tr td:nth-child(2)").Select(td => td.TextContent), t => Assert.Equal(inbox.GetProperty("items")[0].GetProperty("organizationName").GetString(), t));
        using var forbidden = await clerk.GetAsync("/api/v1/rounds/2021-2025/tracker");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var page = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync("/Review/Tracker?round=2021-2025");
        Assert.Contains("đơn vị đúng hạn", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Party_documents_are_valid_open_in_LibreOffice_and_keep_Vietnamese_text()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var id = await Verified(clerk, secretariat);
        var (_, opened) = await Post(secretariat, "/api/v1/ballots", new { round = "2021-2025", title = "Bỏ phiếu kín để lập biên bản", nominationIds = new[] { id } });
        var ballot = opened.GetProperty("id").GetInt32();
        foreach (var member in await Members())
        {
            await Post(member, $"/api/v1/ballots/{ballot}/votes", Paper((id, "Approve")));
        }

        await Close(ballot);
        var (_, decision) = await Post(secretariat, "/api/v1/decisions", new
        {
            type = "Decision", issuer = "ĐUK", title = "về việc tặng Giấy khen cho các tập thể, cá nhân điển hình tiêu biểu", date = "2075-05-19", signer = "Phạm Thị Tố Loan",
            awardType = "Giấy khen của Ban Thường vụ Đảng ủy Khối", nominationIds = new[] { id }, round = "2021-2025",
        });
        var decisionId = await app.WithDb(db => db.Decisions.Where(d => d.Year == 2075).Select(d => d.Id).SingleAsync());
        var name = await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.NomineeName).SingleAsync());
        var documents = new (string Url, string[] Expected)[]
        {
            ($"/api/v1/decisions/{decisionId}/docx", ["ĐẢNG CỘNG SẢN VIỆT NAM", "QUYẾT ĐỊNH", decision.GetProperty("number").GetString()!, "ngày 19 tháng 5 năm 2075", "T/M BAN THƯỜNG VỤ", "Nơi nhận", name, "Phạm Thị Tố Loan"]),
            ($"/api/v1/ballots/{ballot}/minutes", ["BIÊN BẢN KIỂM PHIẾU", "Bỏ phiếu kín để lập biên bản", name, "Đạt"]),
            ($"/api/v1/nominations/{id}/report", ["BÁO CÁO THÀNH TÍCH", "Thành tích tiêu biểu.", "THÀNH TÍCH ĐẠT ĐƯỢC", "ĐẢNG ỦY SỞ TÀI CHÍNH", "T/M ĐẢNG ỦY"]),
            ($"/api/v1/nominations/{id}/minutes-template", ["BIÊN BẢN", "Họp bình xét", "Kết quả biểu quyết"]),
        };
        var folder = Directory.CreateTempSubdirectory("exemplars-docx-");
        try
        {
            foreach (var (url, expected) in documents)
            {
                using var response = await secretariat.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                using (var stream = new MemoryStream(bytes))
                using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false))
                {
                    var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Description).ToList();
                    Assert.True(errors.Count == 0, $"{url}: {string.Join(" | ", errors)}");
                    var sectPr = word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Single();
                    Assert.Equal(11906U, sectPr.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Width!.Value); // A4
                    Assert.Contains("Times New Roman", word.MainDocumentPart.StyleDefinitionsPart!.Styles!.OuterXml, StringComparison.Ordinal);
                }

                var docx = Path.Combine(folder.FullName, Path.GetFileName(new Uri("http://x" + url).AbsolutePath.Replace('/', '-')) + ".docx");
                await File.WriteAllBytesAsync(docx, bytes);
                var text = await Office.ToPdfText(docx, folder.FullName);
                foreach (var phrase in expected)
                {
                    Assert.True(text.Contains(phrase, StringComparison.Ordinal), $"{url}: '{phrase}' not in the PDF text:\n{text}");
                }
            }

            using var clerkDoc = await clerk.GetAsync($"/api/v1/decisions/{decisionId}/docx");
            Assert.Equal(HttpStatusCode.Forbidden, clerkDoc.StatusCode);
            using var other = await (await app.BearerAs("coso2@demo.vn")).GetAsync($"/api/v1/nominations/{id}/report");
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
        finally
        {
            // For a person to look at the output: EXEMPLARS_KEEP_DOCUMENTS=/some/folder keeps the DOCX and PDF files.
            if (Environment.GetEnvironmentVariable("EXEMPLARS_KEEP_DOCUMENTS") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                foreach (var file in folder.GetFiles())
                {
                    file.CopyTo(Path.Combine(keep, file.Name), overwrite: true);
                }
            }

            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Lists_export_to_xlsx_with_Vietnamese_headers_and_formulas_neutralised()
    {
        using var clerk = await app.BearerAs("coso2@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        const string evil = "=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\")";
        await app.WithDb(async db =>
        {
            var unit = await db.Organizations.SingleAsync(o => o.Code == "CS002");
            db.People.Add(new Person { Code = "XLSX-EVIL", FullName = evil, SearchName = "evil", OrganizationId = unit.Id, Position = "+84 912 345 678" });
            return await db.SaveChangesAsync();
        });
        static List<IDictionary<string, object>> Read(byte[] bytes) => MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        var peopleXlsx = await clerk.GetByteArrayAsync("/api/v1/people/export");
        var people = Read(peopleXlsx);
        var row = people.Single(p => (string)p["Mã người"] == "XLSX-EVIL");
        Assert.Equal(evil, row["Họ và tên"]);
        Assert.Equal("+84 912 345 678", row["Chức vụ"]);
        SpreadsheetFormulaTests.AssertQuotedText(peopleXlsx, evil);
        SpreadsheetFormulaTests.AssertQuotedText(peopleXlsx, "+84 912 345 678");
        Assert.All(people, p => Assert.Contains("Sở Kế hoạch và Đầu tư", (string)p["Tên tổ chức"], StringComparison.Ordinal));

        using var cs1 = await app.BearerAs("coso1@demo.vn");
        var id = await Verified(cs1, secretariat);
        var nominations = Read(await cs1.GetByteArrayAsync("/api/v1/nominations/export?round=2021-2025"));
        Assert.Contains(nominations, n => (string)n["Trạng thái"] == "Đã thẩm định");
        Assert.All(nominations, n => Assert.Equal("Đảng bộ Sở Tài chính", n["Đơn vị"]));

        var (_, opened) = await Post(secretariat, "/api/v1/ballots", new { round = "2021-2025", title = "Bỏ phiếu để xuất danh sách", nominationIds = new[] { id } });
        var ballot = opened.GetProperty("id").GetInt32();
        foreach (var member in await Members())
        {
            await Post(member, $"/api/v1/ballots/{ballot}/votes", Paper((id, "Approve")));
        }

        await Close(ballot);
        var candidates = Read(await secretariat.GetByteArrayAsync("/api/v1/ballots/selection/export?round=2021-2025"));
        Assert.Contains(candidates, c => Convert.ToInt32(c["Phiếu đồng ý"], System.Globalization.CultureInfo.InvariantCulture) == 9 && (string)c["Kết quả"] == "Đạt");
        await Post(secretariat, "/api/v1/decisions", new { type = "Decision", issuer = "ĐUK", title = "Quyết định khen thưởng", date = "2074-05-19", signer = "Phạm Thị Tố Loan", awardType = "Giấy khen của Ban Thường vụ Đảng ủy Khối", nominationIds = new[] { id } });
        var decisionId = await app.WithDb(db => db.Decisions.Where(d => d.Year == 2074).Select(d => d.Id).SingleAsync());
        var awardees = Read(await secretariat.GetByteArrayAsync($"/api/v1/decisions/{decisionId}/awardees"));
        Assert.Equal("01-QĐ/ĐUK", Assert.Single(awardees)["Số quyết định"]);
        Assert.Equal("Đảng bộ Sở Tài chính", Assert.Single(awardees)["Đơn vị"]);
        using var forbidden = await clerk.GetAsync($"/api/v1/decisions/{decisionId}/awardees");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Plan_number_and_date_entered_on_the_plan_page_appear_in_the_decisions_basis_line()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var planId = await app.WithDb(db => db.Rounds.Where(r => r.Code == "2021-2025").Select(r => r.PlanId).SingleAsync());
        var page = $"/Plans/Details/{planId}";
        const string form = "form[data-testid=plan-issue-form]";
        using (var bad = await Forms.SubmitAsync(admin, page, new Dictionary<string, string> { ["IssuedNumber"] = "KH 12", ["IssuedOn"] = "31/12/2999" }, form))
        {
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Số kế hoạch phải có dạng số-ký hiệu", html, StringComparison.Ordinal);
            Assert.Contains("Ngày ban hành không được sau ngày hôm nay.", html, StringComparison.Ordinal);
        }

        Assert.Null(await app.WithDb(db => db.Plans.Where(p => p.Id == planId).Select(p => p.IssuedNumber).SingleAsync()));
        try
        {
            using (var saved = await Forms.SubmitAsync(admin, page, new Dictionary<string, string> { ["IssuedNumber"] = "12-KH/ĐUK", ["IssuedOn"] = "05/03/2021" }, form))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            Assert.Contains("12-KH/ĐUK, ngày 05/03/2021", (await Forms.GetDocumentAsync(admin, page)).QuerySelector("[data-testid=plan-issue]")!.TextContent, StringComparison.Ordinal);
            var audit = await app.WithDb(db => db.AuditEntries.Where(a => a.EntityType == "Plan" && a.EntityId == planId.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
            Assert.Contains(audit, changes => changes.Contains("12-KH/", StringComparison.Ordinal));

            using var clerk = await app.BearerAs("coso1@demo.vn");
            using var secretariat = await app.BearerAs("tgdv@demo.vn");
            int[] ids = [await Verified(clerk, secretariat)];
            var (_, opened) = await Post(secretariat, "/api/v1/ballots", new { round = "2021-2025", title = "Bỏ phiếu kín", nominationIds = ids });
            var ballot = opened.GetProperty("id").GetInt32();
            foreach (var member in await Members())
            {
                await Post(member, $"/api/v1/ballots/{ballot}/votes", Paper((ids[0], "Approve")));
            }

            await Close(ballot);
            await Post(secretariat, "/api/v1/decisions", new { type = "Decision", issuer = "ĐUK", title = "Quyết định tặng Giấy khen", date = "2067-05-19", signer = "Phạm Thị Tố Loan", awardType = "Giấy khen của Ban Thường vụ Đảng ủy Khối", nominationIds = ids, round = "2021-2025" });
            var decisionId = await app.WithDb(db => db.Decisions.Where(d => d.Year == 2067).Select(d => d.Id).SingleAsync());
            var docx = await secretariat.GetByteArrayAsync($"/api/v1/decisions/{decisionId}/docx");
            using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
            var lines = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            var basis = Assert.Single(lines, l => l.StartsWith("- Căn cứ Kế hoạch", StringComparison.Ordinal));
            Assert.Contains("Kế hoạch số 12-KH/ĐUK, ngày ", basis, StringComparison.Ordinal);
            Assert.Contains("/3/2021", basis, StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDb(async db =>
            {
                var plan = await db.Plans.SingleAsync(p => p.Id == planId);
                (plan.IssuedNumber, plan.IssuedOn) = (null, null);
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task Certificates_are_landscape_A4_pdfs_with_correct_Vietnamese_text()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var ids = await Commended(clerk, secretariat, 2);
        await Post(secretariat, "/api/v1/decisions", new { type = "Decision", issuer = "ĐUK", title = "Quyết định tặng Giấy khen", date = "2073-05-19", signer = "Phạm Thị Tố Loan", awardType = "Giấy khen của Ban Thường vụ Đảng ủy Khối", nominationIds = ids, round = "2021-2025" });
        var decisionId = await app.WithDb(db => db.Decisions.Where(d => d.Year == 2073).Select(d => d.Id).SingleAsync());
        var names = await app.WithDb(db => db.Nominations.Where(n => ids.Contains(n.Id)).Select(n => n.NomineeName).ToListAsync());
        var folder = Directory.CreateTempSubdirectory("exemplars-pdf-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "giay-khen.pdf");
            await File.WriteAllBytesAsync(pdf, await secretariat.GetByteArrayAsync($"/api/v1/decisions/{decisionId}/certificates"));
            var info = await Office.Run("pdfinfo", $"\"{pdf}\"");
            Assert.Matches(@"Pages:\s+2\b", info);
            Assert.Matches(@"Page size:\s+842 x 595 pts", info); // A4 landscape
            var text = await Office.PdfText(pdf);
            foreach (var phrase in names.Append("GIẤY KHEN").Append("ĐẢNG CỘNG SẢN VIỆT NAM").Append("Đã có thành tích tiêu biểu, xuất sắc").Append("Quyết định số 01-QĐ/ĐUK").Append("Phạm Thị Tố Loan").Append("Đảng bộ Sở Tài chính"))
            {
                Assert.True(text.Contains(phrase, StringComparison.Ordinal), $"'{phrase}' not in:\n{text}");
            }

            if (Environment.GetEnvironmentVariable("EXEMPLARS_KEEP_DOCUMENTS") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                File.Copy(pdf, Path.Combine(keep, "giay-khen.pdf"), overwrite: true);
            }

            var zip = await secretariat.GetByteArrayAsync($"/api/v1/decisions/{decisionId}/certificates?format=zip");
            using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
            Assert.Equal(2, archive.Entries.Count);
            using var first = archive.Entries[0].Open();
            var head = new byte[5];
            await first.ReadExactlyAsync(head);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
            // From the page the batch runs in the background: progress is polled, then the file is downloaded.
            var secretariatPage = await app.SignedInAs("tgdv@demo.vn");
            // A GET only offers the batch; it starts by a POST with the antiforgery token, and only for the roles that issue.
            var offer = await secretariatPage.GetStringAsync($"/Documents/Certificates?id={decisionId}");
            Assert.Contains("Tạo Giấy khen", offer, StringComparison.Ordinal);
            var issued = await app.WithDb(db => db.Decisions.Where(d => d.Id == decisionId).Select(d => new { d.Number, d.Type, d.Issuer }).SingleAsync());
            Assert.Contains($"Quyết định số {Exemplars.Domain.Documents.DocumentNumber.Format(issued.Number, issued.Type, issued.Issuer)}", offer, StringComparison.Ordinal); // the page names the decision it acts on
            using var withoutToken = await secretariatPage.PostAsync($"/Documents/Certificates?id={decisionId}", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
            var committeePage = await app.SignedInAs("btv1@demo.vn");
            using var committeeOffer = await committeePage.GetAsync($"/Documents/Certificates?id={decisionId}");
            Assert.Contains("/Account/AccessDenied", committeeOffer.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("Giấy khen (PDF)", await committeePage.GetStringAsync("/Decisions"), StringComparison.Ordinal);
            var committeeToken = (await Forms.GetDocumentAsync(committeePage, "/Decisions")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var jobsBefore = await app.WithDb(db => db.BackgroundJobs.CountAsync());
            using (var committeePost = await committeePage.PostAsync($"/Documents/Certificates?id={decisionId}", new FormUrlEncodedContent([new("__RequestVerificationToken", committeeToken)])))
            {
                Assert.Contains("/Account/AccessDenied", committeePost.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
            }

            Assert.Equal(jobsBefore, await app.WithDb(db => db.BackgroundJobs.CountAsync()));
            using var started = await Forms.SubmitAsync(secretariatPage, $"/Documents/Certificates?id={decisionId}", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            var job = started.Headers.Location!.ToString().Split("job=")[1];
            Assert.Contains("certificate-status", await secretariatPage.GetStringAsync($"/Documents/Certificates?job={job}"), StringComparison.Ordinal);
            for (var i = 0; i < 100 && (await secretariatPage.GetStringAsync($"/Documents/Certificates?handler=Status&job={job}")).Contains("hx-trigger", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
            }

            using var download = await secretariatPage.GetAsync($"/Documents/Certificates?handler=Download&job={job}");
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            using var otherUser = await (await app.SignedInAs("admin@demo.vn")).GetAsync($"/Documents/Certificates?handler=Download&job={job}");
            Assert.Equal(HttpStatusCode.NotFound, otherUser.StatusCode);
            using var forbidden = await clerk.GetAsync($"/api/v1/decisions/{decisionId}/certificates");
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Showcase_publishes_approved_stories_with_search_feed_and_api()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariatApi = await app.BearerAs("tgdv@demo.vn");
        var id = (await Commended(clerk, secretariatApi))[0];
        await Post(secretariatApi, "/api/v1/decisions", new { type = "Decision", issuer = "ĐUK", title = "Quyết định khen thưởng", date = "2072-05-19", signer = "Phạm Thị Tố Loan", awardType = "Giấy khen của Ban Thường vụ Đảng ủy Khối", nominationIds = new[] { id }, round = "2021-2025" });
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var page = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.QuerySelector($"input[name=NominationId][value='{id}']") is not null);
        using (var draft = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", form, new Dictionary<string, string>
        {
            ["Title"] = "Người thắp lửa số hóa ở Sở Tài chính",
            ["StoryHtml"] = "<p>Đồng chí đã <strong>số hóa</strong> toàn bộ hồ sơ một cửa.</p><script>alert(1)</script>",
        }, ("photo", "anh.png", Png)))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }

        using var anonymous = app.CreateClient();
        Assert.DoesNotContain("Người thắp lửa số hóa", await anonymous.GetStringAsync("/Showcase"), StringComparison.Ordinal); // not approved yet
        page = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.QuerySelector($"input[name=NominationId][value='{id}']") is not null);
        using (var approved = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", form, new Dictionary<string, string> { ["Approve"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var list = await anonymous.GetStringAsync("/Showcase?search=nguoi%20thap%20lua%20so%20hoa");
        Assert.Contains("Người thắp lửa số hóa ở Sở Tài chính", list, StringComparison.Ordinal);
        var story = await app.WithDb(db => db.ExemplarStories.SingleAsync(s => s.NominationId == id));
        var details = await anonymous.GetStringAsync($"/Showcase/Details/{story.Id}");
        Assert.Contains("<strong>số hóa</strong>", details, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", details, StringComparison.Ordinal);
        using (var photo = await anonymous.GetAsync($"/showcase/photo/{story.Id}"))
        {
            Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        }

        var feed = System.Xml.Linq.XDocument.Parse(await anonymous.GetStringAsync("/showcase/feed.atom"));
        Assert.Contains(feed.Descendants(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom")), e => e.ToString().Contains("Người thắp lửa số hóa", StringComparison.Ordinal));
        var api = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/exemplars?year=2072&category=3.2.5");
        Assert.Contains(api.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == story.Id && i.GetProperty("year").GetInt32() == 2072);
        var none = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/exemplars?year=1999");
        Assert.Empty(none.GetProperty("items").EnumerateArray());
        using var clerkManage = await (await app.SignedInAs("coso1@demo.vn")).GetAsync("/Showcase/Manage");
        Assert.Contains("/Account/AccessDenied", clerkManage.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);

        // Replication: other units pledge to learn from the exemplar and report what they applied.
        using var learner = await app.BearerAs("coso2@demo.vn");
        var due = Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (pledged, body) = await Post(learner, "/api/v1/replication", new { exemplarId = story.Id, whatToApply = "Số hóa hồ sơ một cửa tại văn phòng Sở.", dueOn = due });
        Assert.Equal(HttpStatusCode.Created, pledged);
        var pledgeId = body.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await Post(learner, "/api/v1/replication", new { exemplarId = story.Id, whatToApply = "Lần nữa", dueOn = due })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(await app.BearerAs("coso3@demo.vn"), "/api/v1/replication", new { exemplarId = story.Id, whatToApply = "Áp dụng", dueOn = "2000-01-01" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(secretariatApi, "/api/v1/replication", new { exemplarId = story.Id, whatToApply = "x", dueOn = due })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(await app.BearerAs("coso3@demo.vn"), $"/api/v1/replication/{pledgeId}/result", new { result = "Không phải của tôi" })).Status);
        Assert.Equal((HttpStatusCode)428, (await Post(learner, $"/api/v1/replication/{pledgeId}/result", new { result = "Không có phiên bản" })).Status);
        var pledgeVersion = (await learner.GetFromJsonAsync<JsonElement>("/api/v1/replication")).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == pledgeId).GetProperty("version").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await Post(learner, $"/api/v1/replication/{pledgeId}/result", new { result = "Đã số hóa 1.200 hồ sơ, rút ngắn thời gian giải quyết 30%.", version = pledgeVersion })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(learner, $"/api/v1/replication/{pledgeId}/result", new { result = "Ghi đè từ trang cũ", version = pledgeVersion })).Status);
        var all = await secretariatApi.GetFromJsonAsync<JsonElement>("/api/v1/replication");
        var row = all.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == pledgeId);
        Assert.Equal("Đảng bộ Sở Kế hoạch và Đầu tư", row.GetProperty("unit").GetString());
        Assert.StartsWith("Đã số hóa", row.GetProperty("result").GetString(), StringComparison.Ordinal);
        var own = await (await app.BearerAs("coso3@demo.vn")).GetFromJsonAsync<JsonElement>("/api/v1/replication");
        Assert.DoesNotContain(own.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt32() == pledgeId);
        Assert.Contains("1 đơn vị đã đăng ký học tập", await anonymous.GetStringAsync($"/Showcase/Details/{story.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_are_numbered_per_issuer_per_year_and_become_award_history()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var id = (await Commended(clerk, secretariat))[0];
        const int year = 2077; // a year no other test issues documents in
        var (first, decision) = await Post(secretariat, "/api/v1/decisions", new
        {
            type = "Decision", issuer = "ĐUK", title = "Quyết định tặng Giấy khen gương điển hình tiêu biểu", date = $"{year}-05-10", signer = "Phạm Thị Tố Loan",
            awardType = "Giấy khen của Ban Thường vụ Đảng ủy Khối", nominationIds = new[] { id }, round = "2021-2025",
        });
        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal("01-QĐ/ĐUK", decision.GetProperty("number").GetString());
        var (_, submission) = await Post(secretariat, "/api/v1/decisions", new { type = "Submission", issuer = "ĐUK", title = "Tờ trình đề nghị Tỉnh ủy", date = $"{year}-05-11", signer = "Phạm Thị Tố Loan" });
        Assert.Equal("01-TTr/ĐUK", submission.GetProperty("number").GetString());
        var (_, nextYear) = await Post(secretariat, "/api/v1/decisions", new { type = "Submission", issuer = "ĐUK", title = "Tờ trình", date = $"{year + 1}-01-02", signer = "Phạm Thị Tố Loan" });
        Assert.Equal("01-TTr/ĐUK", nextYear.GetProperty("number").GetString());
        var personId = await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.PersonId).SingleAsync());
        Assert.True(await app.WithDb(db => db.Awards.AnyAsync(a => a.PersonId == personId && a.AwardType == "Giấy khen của Ban Thường vụ Đảng ủy Khối")));
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(clerk, "/api/v1/decisions", new { type = "Submission", title = "x", date = $"{year}-01-01", signer = "y" })).Status);
        var registry = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/decisions?year={year}");
        Assert.Equal(["01-QĐ/ĐUK", "01-TTr/ĐUK"], registry.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("number").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("01-QĐ/ĐUK", await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync("/Decisions"), StringComparison.Ordinal);
    }
}

[Collection(SqliteApp.Name)]
public sealed class BallotsTests_Sqlite(SqliteAppFactory app) : BallotsTests(app);

[Collection(PostgresApp.Name)]
public sealed class BallotsTests_Postgres(PostgresAppFactory app) : BallotsTests(app);
