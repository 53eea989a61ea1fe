using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 11 point 3 (states that freeze decisions) and issue 12 point 1 (decision, Tờ trình, province list and outcome
/// as pages), replayed through the API and through the pages' forms as a browser posts them.
/// </summary>
public abstract class NominationStatesTests(AppFactory app) : IAsyncLifetime
{
    /// <summary>
    /// Each test works in a round of its own (a copy of 2021–2025): the selection counts every closed main ballot of a
    /// round, so other tests' commended nominees must not crowd this test's province list.
    /// </summary>
    private string Round { get; set; } = string.Empty;

    public async Task InitializeAsync() => Round = await app.FreshRound("S");

    public Task DisposeAsync() => Task.CompletedTask;
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly byte[] Pdf = SampleFiles.Pdf();
    private static readonly byte[] Png = SampleFiles.Png();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient api, string url, object? body = null)
    {
        using var response = await api.PostAsJsonAsync(url, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string? Code(JsonElement problem) => problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("code", out var code) ? code.GetString() : null;

    private Task<NominationStatus> StatusOf(int id) => app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Status).SingleAsync());

    /// <summary>A new eligible party member of CS001 with a sent dossier in the final round; returns the nomination and the person.</summary>
    private async Task<(int Id, int PersonId)> Submitted(HttpClient clerk)
    {
        await app.WithDb(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Code == Round)).GrassrootsDeadline = Today.AddDays(30);
            return await db.SaveChangesAsync();
        });
        var personId = await app.WithDb(async db =>
        {
            var unit = await db.Organizations.SingleAsync(o => o.Code == "CS001");
            var code = "S" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var person = new Person { Code = code, FullName = "Ứng viên " + code, SearchName = code.ToLowerInvariant(), OrganizationId = unit.Id, IsPartyMember = true, PartyJoinYear = 2008, FieldCategoryCode = "3.2.5" };
            person.Ratings.AddRange(Enumerable.Range(2021, 4).Select(y => new PersonRating { Year = y, Rating = y % 2 == 0 ? Rating.Excellent : Rating.Good }));
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        var (created, body) = await Post(clerk, "/api/v1/nominations", new { round = Round, kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Created, created);
        var id = body.GetProperty("id").GetInt32();
        using (var put = await clerk.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            summary = "Thành tích tiêu biểu.", minutesDate = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            membersTotal = 9, membersPresent = 9, votesAgree = 9, votesDisagree = 0, votesAbstain = 0, familyLawAttested = true,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        foreach (var (name, bytes, criterion) in new[] { ("bb.png", Png, "minutes"), ("mc.pdf", Pdf, "3.2.5.1") })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name }, { new StringContent(criterion), "criterionCode" } };
            using var upload = await clerk.PostAsync($"/api/v1/nominations/{id}/evidence", form);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Post(clerk, $"/api/v1/nominations/{id}/submit")).Status);
        return (id, personId);
    }

    private async Task<(int Id, int PersonId)> Verified(HttpClient clerk, HttpClient secretariat)
    {
        var (id, personId) = await Submitted(clerk);
        var details = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{id}");
        foreach (var criterion in details.GetProperty("judgementCriteria").EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Post(secretariat, $"/api/v1/nominations/{id}/checks", new { criterionCode = criterion.GetProperty("code").GetString(), result = "Pass" })).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await Post(secretariat, $"/api/v1/nominations/{id}/accept")).Status);
        return (id, personId);
    }

    private async Task<int> OpenBallot(HttpClient secretariat, params int[] ids)
    {
        var (opened, body) = await Post(secretariat, "/api/v1/ballots", new { round = Round, title = "Bỏ phiếu kín xét khen thưởng", nominationIds = ids });
        Assert.Equal(HttpStatusCode.Created, opened);
        return body.GetProperty("id").GetInt32();
    }

    /// <summary>The nine members vote: candidate c gets approvals[c] approvals, the rest disapprove; then the ballot closes.</summary>
    private async Task Vote(HttpClient secretariat, int ballot, int[] ids, int[] approvals, int voters = 9)
    {
        for (var i = 1; i <= voters; i++)
        {
            using var member = await app.BearerAs($"btv{i}@demo.vn");
            var paper = new { choices = ids.Select((id, c) => (id, c)).ToDictionary(x => x.id.ToString(System.Globalization.CultureInfo.InvariantCulture), x => i <= approvals[x.c] ? "Approve" : "Disapprove") };
            Assert.Equal(HttpStatusCode.NoContent, (await Post(member, $"/api/v1/ballots/{ballot}/votes", paper)).Status);
        }

        // The secretariat cannot close it; the ballot-count committee does: two of the three default trustees (btv1–btv3)
        // enter their key shares.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(secretariat, $"/api/v1/ballots/{ballot}/close", new { share = "PK-1-1-00" })).Status);
        await app.CloseByTrustees(ballot);
    }

    [Fact]
    public async Task After_the_ballot_opens_a_dossier_cannot_be_withdrawn_returned_or_nominated_again()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var (id, personId) = await Verified(clerk, secretariat);
        var ballot = await OpenBallot(secretariat, id);
        Assert.Equal(NominationStatus.InBallot, await StatusOf(id));

        foreach (var phase in new[] { NominationStatus.InBallot, NominationStatus.Commended })
        {
            var (withdraw, withdrawProblem) = await Post(clerk, $"/api/v1/nominations/{id}/withdraw");
            Assert.Equal((HttpStatusCode.Conflict, "invalid_transition"), (withdraw, Code(withdrawProblem)));
            var (returned, returnProblem) = await Post(secretariat, $"/api/v1/nominations/{id}/return", new { reason = "Bổ sung minh chứng." });
            Assert.Equal((HttpStatusCode.Conflict, "invalid_transition"), (returned, Code(returnProblem)));
            Assert.Equal(phase, await StatusOf(id));
            Assert.Null(await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.ReturnReason).SingleAsync()));
            if (phase == NominationStatus.InBallot)
            {
                await Vote(secretariat, ballot, [id], [9]);
            }
        }

        var (again, problem) = await Post(clerk, "/api/v1/nominations", new { round = Round, kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal((HttpStatusCode.Conflict, "already_nominated"), (again, Code(problem)));
        Assert.Equal(1, await app.WithDb(db => db.Nominations.CountAsync(n => n.PersonId == personId)));
    }

    [Fact]
    public async Task A_decision_lists_only_nominees_the_ballot_commended_and_prints_no_certificate_for_the_others()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var (passed, _) = await Verified(clerk, secretariat);
        var (failed, _) = await Verified(clerk, secretariat);
        var ballot = await OpenBallot(secretariat, passed, failed);
        await Vote(secretariat, ballot, [passed, failed], [9, 4]); // 4 of 9 is not more than half
        Assert.Equal(NominationStatus.Commended, await StatusOf(passed));
        Assert.Equal(NominationStatus.NotCommended, await StatusOf(failed));

        const int year = 2079; // a year no other test issues documents in
        object Decision(params int[] ids) => new
        {
            type = "Decision", issuer = "ĐUK", title = "về việc tặng Giấy khen", date = $"{year}-05-10", signer = "Phạm Thị Tố Loan",
            awardType = "Giấy khen của Ban Thường vụ Đảng ủy Khối", nominationIds = ids, round = Round,
        };
        foreach (var list in new[] { new[] { failed }, new[] { passed, failed } })
        {
            var (refused, problem) = await Post(secretariat, "/api/v1/decisions", Decision(list));
            Assert.Equal((HttpStatusCode.UnprocessableEntity, "not_commended"), (refused, Code(problem)));
        }

        Assert.False(await app.WithDb(db => db.Decisions.AnyAsync(d => d.Year == year)));
        var (issued, number) = await Post(secretariat, "/api/v1/decisions", Decision(passed));
        Assert.Equal(HttpStatusCode.Created, issued);
        var decisionId = await app.WithDb(db => db.Decisions.Where(d => d.Year == year).Select(d => d.Id).SingleAsync());
        Assert.Equal([passed], await app.WithDb(db => db.Awards.Where(a => a.DecisionId == decisionId).Select(a => a.NominationId!.Value).ToListAsync()));
        Assert.False(await app.WithDb(db => db.Awards.AnyAsync(a => a.NominationId == failed)));
        var failedName = await app.WithDb(db => db.Nominations.Where(n => n.Id == failed).Select(n => n.NomineeName).SingleAsync());
        var awardees = await secretariat.GetByteArrayAsync($"/api/v1/decisions/{decisionId}/awardees");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(awardees)).Cast<IDictionary<string, object>>().ToList();
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v?.ToString()?.Contains(failedName, StringComparison.Ordinal) == true);
        var passedName = await app.WithDb(db => db.Nominations.Where(n => n.Id == passed).Select(n => n.NomineeName).SingleAsync());
        Assert.Contains(rows.SelectMany(r => r.Values), v => v?.ToString()?.Contains(passedName, StringComparison.Ordinal) == true);

        var (twice, twiceProblem) = await Post(secretariat, "/api/v1/decisions", Decision(passed));
        Assert.Equal((HttpStatusCode.Conflict, "already_awarded"), (twice, Code(twiceProblem)));
        Assert.NotNull(number.GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_submission_lists_only_the_province_list_then_freezes_it_and_the_outcome_follows()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var (sent, _) = await Verified(clerk, secretariat);
        var (excluded, _) = await Verified(clerk, secretariat);
        var ballot = await OpenBallot(secretariat, sent, excluded);
        await Vote(secretariat, ballot, [sent, excluded], [9, 8]);
        var (adjusted, _) = await Post(secretariat, "/api/v1/ballots/selection/overrides", new { round = Round, nominationId = excluded, include = false, justification = "Ban Thường vụ thống nhất ưu tiên gương ở doanh nghiệp ngoài nhà nước." });
        Assert.Equal(HttpStatusCode.Created, adjusted);

        object Submission(params int[] ids) => new { type = "Submission", issuer = "ĐUK", title = "Tờ trình đề nghị Tỉnh ủy", date = "2080-05-11", signer = "Phạm Thị Tố Loan", nominationIds = ids };
        var (outside, outsideProblem) = await Post(secretariat, "/api/v1/decisions", Submission(sent, excluded));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "not_on_province_list"), (outside, Code(outsideProblem)));
        Assert.Equal(NominationStatus.Commended, await StatusOf(sent));

        Assert.Equal(HttpStatusCode.Created, (await Post(secretariat, "/api/v1/decisions", Submission(sent))).Status);
        Assert.Equal(NominationStatus.ProposedToProvince, await StatusOf(sent));
        var (again, againProblem) = await Post(secretariat, "/api/v1/decisions", Submission(sent));
        Assert.Equal((HttpStatusCode.Conflict, "already_forwarded"), (again, Code(againProblem)));
        var (late, lateProblem) = await Post(secretariat, "/api/v1/ballots/selection/overrides", new { round = Round, nominationId = sent, include = false, justification = "Đổi ý sau khi đã gửi tờ trình lên Tỉnh ủy." });
        Assert.Equal((HttpStatusCode.Conflict, "not_commended"), (late, Code(lateProblem)));

        Assert.Equal(HttpStatusCode.NotFound, (await Post(secretariat, $"/api/v1/nominations/{excluded}/province-outcome", new { outcome = "Commended" })).Status);
        var sentVersion = await app.WithDb(db => db.Nominations.Where(n => n.Id == sent).Select(n => n.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(secretariat, $"/api/v1/nominations/{sent}/province-outcome", new { outcome = "Pending", version = sentVersion })).Status);

        // Recording the outcome takes the dossier's version: missing is 428, stale is 409, nothing recorded.
        var (noVersion, noVersionProblem) = await Post(secretariat, $"/api/v1/nominations/{sent}/province-outcome", new { outcome = "Commended", note = "Bằng khen" });
        Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion);
        Assert.Contains("Thiếu phiên bản", noVersionProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(secretariat, $"/api/v1/nominations/{sent}/province-outcome", new { outcome = "Commended", note = "Bằng khen", version = Guid.NewGuid() })).Status);
        Assert.NotEqual(NominationStatus.ProvinceCommended, await StatusOf(sent));
        Assert.Equal(HttpStatusCode.OK, (await Post(secretariat, $"/api/v1/nominations/{sent}/province-outcome", new { outcome = "Commended", note = "Bằng khen", version = sentVersion })).Status);
        Assert.Equal(NominationStatus.ProvinceCommended, await StatusOf(sent));
        var (withdraw, _) = await Post(clerk, $"/api/v1/nominations/{sent}/withdraw");
        Assert.Equal(HttpStatusCode.Conflict, withdraw);
    }

    [Fact]
    public async Task A_ballot_without_quorum_decides_nothing_and_its_candidates_go_to_a_new_ballot()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var (id, _) = await Verified(clerk, secretariat);
        var first = await OpenBallot(secretariat, id);
        await Vote(secretariat, first, [id], [2], voters: 2);
        Assert.Equal(NominationStatus.Verified, await StatusOf(id));
        var second = await OpenBallot(secretariat, id);
        Assert.Equal(NominationStatus.InBallot, await StatusOf(id));
        await Vote(secretariat, second, [id], [9]);
        Assert.Equal(NominationStatus.Commended, await StatusOf(id));
    }

    [Fact]
    public async Task Decision_submission_province_list_and_outcome_are_done_through_the_pages()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var api = await app.BearerAs("tgdv@demo.vn");
        var (first, _) = await Verified(clerk, api);
        var (second, _) = await Verified(clerk, api);
        var ballot = await OpenBallot(api, first, second);
        await Vote(api, ballot, [first, second], [9, 7]);
        var secretariat = await app.SignedInAs("tgdv@demo.vn");

        var register = await Forms.GetDocumentAsync(secretariat, $"/Decisions?round={Round}");
        var actions = register.QuerySelector("[data-testid=decision-actions]")!;
        Assert.Contains(actions.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Decisions/Issue?round={Round}&type=Decision");
        Assert.Contains(actions.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Decisions/Outcomes?round={Round}");

        // Quyết định: both commended nominees are offered, ticked; the secretariat confirms and it is registered.
        var issueUrl = $"/Decisions/Issue?round={Round}&type=Decision";
        var issuePage = await Forms.GetDocumentAsync(secretariat, issueUrl);
        foreach (var id in new[] { first, second })
        {
            Assert.NotNull(issuePage.QuerySelector($"input[name='Picked[{id}]'][checked]"));
        }

        Assert.False(string.IsNullOrEmpty(issuePage.QuerySelector("form[data-testid=issue-form]")!.GetAttribute("data-confirm")));
        using (var noSigner = await Forms.SubmitAsync(secretariat, issueUrl, new Dictionary<string, string> { [$"Picked[{first}]"] = "true", ["Signer"] = "" }, "form[data-testid=issue-form]"))
        {
            Assert.Equal(HttpStatusCode.OK, noSigner.StatusCode);
            Assert.Contains("Hãy ghi trích yếu và người ký.", await noSigner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var issued = await Forms.SubmitAsync(secretariat, issueUrl, new Dictionary<string, string> { [$"Picked[{first}]"] = "true", [$"Picked[{second}]"] = "true", ["Signer"] = "Phạm Thị Tố Loan" }, "form[data-testid=issue-form]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
            Assert.StartsWith("/Decisions?round=", issued.Headers.Location?.ToString(), StringComparison.Ordinal); // back to the same round
        }

        Assert.Contains("Đã vào sổ Quyết định số", await secretariat.GetStringAsync("/Decisions"), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDb(db => db.Awards.CountAsync(a => a.NominationId == first || a.NominationId == second)));
        var offeredAgain = await Forms.GetDocumentAsync(secretariat, issueUrl);
        Assert.Null(offeredAgain.QuerySelector($"input[name='Picked[{first}]']"));

        // Province list: taking the second out needs a justification of at least 20 characters.
        var listUrl = $"/Decisions/ProvinceList?round={Round}";
        var listPage = await Forms.GetDocumentAsync(secretariat, listUrl);
        var row = (AngleSharp.Html.Dom.IHtmlFormElement)listPage.QuerySelector($"tr[data-nomination='{second}'] form")!;
        using (var unjustified = await Forms.SubmitAsync(secretariat, listUrl, row, new Dictionary<string, string> { ["Justification"] = "ngắn" }))
        {
            Assert.Equal(HttpStatusCode.OK, unjustified.StatusCode);
            Assert.Contains("giải trình bằng văn bản", await unjustified.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var justified = await Forms.SubmitAsync(secretariat, listUrl, row, new Dictionary<string, string> { ["Justification"] = "Ban Thường vụ thống nhất ưu tiên gương ở cơ sở chưa có người được đề nghị." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, justified.StatusCode);
        }

        // Tờ trình: prefilled with the province list, which no longer holds the second.
        var submissionUrl = $"/Decisions/Issue?round={Round}&type=Submission";
        var submissionPage = await Forms.GetDocumentAsync(secretariat, submissionUrl);
        Assert.NotNull(submissionPage.QuerySelector($"input[name='Picked[{first}]'][checked]"));
        Assert.Null(submissionPage.QuerySelector($"input[name='Picked[{second}]']"));
        using (var outside = await Forms.SubmitAsync(secretariat, submissionUrl, new Dictionary<string, string> { [$"Picked[{second}]"] = "true", ["Signer"] = "Phạm Thị Tố Loan" }, "form[data-testid=issue-form]"))
        {
            Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
            Assert.Contains("không có trong danh sách", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var proposed = await Forms.SubmitAsync(secretariat, submissionUrl, new Dictionary<string, string> { [$"Picked[{first}]"] = "true", ["Signer"] = "Phạm Thị Tố Loan" }, "form[data-testid=issue-form]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        }

        Assert.Equal(NominationStatus.ProposedToProvince, await StatusOf(first));

        // Province outcome, recorded on the outcomes page.
        var outcomesUrl = $"/Decisions/Outcomes?round={Round}";
        var outcomes = await Forms.GetDocumentAsync(secretariat, outcomesUrl);
        Assert.Null(outcomes.QuerySelector($"tr[data-nomination='{second}']"));
        var outcomeForm = (AngleSharp.Html.Dom.IHtmlFormElement)outcomes.QuerySelector($"tr[data-nomination='{first}'] form")!;
        using (var recorded = await Forms.SubmitAsync(secretariat, outcomesUrl, outcomeForm, new Dictionary<string, string> { ["Outcome"] = "Commended", ["Note"] = "Bằng khen của Ban Thường vụ Tỉnh ủy" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        Assert.Contains("Đã ghi kết quả của Tỉnh ủy", await secretariat.GetStringAsync(outcomesUrl), StringComparison.Ordinal);
        Assert.Equal(NominationStatus.ProvinceCommended, await StatusOf(first));
    }

    [Fact]
    public async Task Decision_pages_refuse_other_roles_and_posts_without_antiforgery()
    {
        foreach (var email in new[] { "coso1@demo.vn", "btv1@demo.vn" })
        {
            var other = await app.SignedInAs(email);
            foreach (var url in new[] { $"/Decisions/Issue?round={Round}&type=Decision", $"/Decisions/ProvinceList?round={Round}", $"/Decisions/Outcomes?round={Round}" })
            {
                using var response = await other.GetAsync(url);
                Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
            }
        }

        var member = await app.SignedInAs("btv1@demo.vn");
        Assert.Null((await Forms.GetDocumentAsync(member, "/Decisions")).QuerySelector("[data-testid=decision-actions]"));
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["NominationId"] = "1", ["Outcome"] = "Commended" });
        using var noToken = await secretariat.PostAsync($"/Decisions/Outcomes?round={Round}", forged);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }
}

[Collection(SqliteApp.Name)]
public sealed class NominationStatesTests_Sqlite(SqliteAppFactory app) : NominationStatesTests(app);

[Collection(PostgresApp.Name)]
public sealed class NominationStatesTests_Postgres(PostgresAppFactory app) : NominationStatesTests(app);
