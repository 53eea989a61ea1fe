using System.Text.Json;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 12 point 10: the demo's finished 2021–2025 rounds are complete — verified dossiers, a closed comment period, a
/// closed encrypted ballot whose result is the commended list, the Quyết định and Tờ trình in the register, certificates,
/// the province's outcome, published stories and pledges — with dates that follow the plan and lie in the past.
/// Other tests of the shared app add their own ballots and decisions to these rounds, so these read the demo's own rows.
/// </summary>
public abstract class DemoHistoryTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>The demo's main ballot of a round: the first ballot opened in it.</summary>
    private Task<Ballot> DemoBallot(string round) => app.WithDb(db => db.Ballots.AsNoTracking().Include(b => b.Candidates).Include(b => b.Trustees)
        .Where(b => db.Rounds.Any(r => r.Id == b.RoundId && r.Code == round)).OrderBy(b => b.Id).FirstAsync());

    private Task<List<Decision>> DemoDecisions(string round) => app.WithDb(db => db.Decisions.AsNoTracking().Include(d => d.Awards)
        .Where(d => d.CreatedBy == "tgdv@demo.vn" && db.Rounds.Any(r => r.Id == d.RoundId && r.Code == round)).OrderBy(d => d.Id).ToListAsync());

    /// <summary>The plan's dates (other tests move the rounds' deadlines in the shared app): sent before 30/3, commended on 19/5.</summary>
    private static (DateOnly Deadline, DateOnly Ceremony) PlanDates(string round) => round == "2021-2023"
        ? (new DateOnly(2023, 3, 30), new DateOnly(2023, 5, 19))
        : (new DateOnly(2025, 3, 30), new DateOnly(2025, 5, 19));

    [Theory]
    [InlineData("2021-2023", "01")]
    [InlineData("2021-2025", "02")]
    public async Task A_finished_round_has_its_decision_and_submission_numbered_in_the_register(string round, string number)
    {
        var decisions = await DemoDecisions(round);
        var decision = Assert.Single(decisions, d => d.Type == DocumentType.Decision);
        var submission = Assert.Single(decisions, d => d.Type == DocumentType.Submission);
        Assert.Equal($"{number}-QĐ/ĐUK", decision.DocumentNumber);
        Assert.Equal($"{number}-TTr/ĐUK", submission.DocumentNumber);
        var (deadline, ceremony) = PlanDates(round);
        Assert.True(decision.Date > deadline && decision.Date < ceremony && submission.Date < ceremony, "văn bản ký trước lễ tuyên dương 19/5");
        Assert.Equal(20201016, decision.Term); // nhiệm kỳ 2020 - 2025 of the issuer the register numbers by

        // The register lists them (API and page), and a document issued now in the same term takes the next number.
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var listed = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/decisions?year={decision.Year}");
        var numbers = listed.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("number").GetString()).ToList();
        Assert.Contains(decision.DocumentNumber, numbers);
        Assert.Contains(submission.DocumentNumber, numbers);
        var page = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/Decisions?year={decision.Year}");
        Assert.Contains(decision.DocumentNumber, page, StringComparison.Ordinal);
        Assert.Contains("Bỏ phiếu kín lựa chọn gương điển hình tiêu biểu", await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync("/Ballots"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021-2023")]
    [InlineData("2021-2025")]
    public async Task The_closed_encrypted_ballot_decided_exactly_the_commended_and_the_province_list(string round)
    {
        var ballot = await DemoBallot(round);
        var plan = await app.WithDb(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Code == round));
        Assert.Equal(BallotStatus.Closed, ballot.Status);
        Assert.True(ballot.QuorumMet);
        Assert.Equal(9, ballot.Voted);
        var closedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(ballot.ClosedAtUtc!.Value, Vietnam));
        var (deadline, ceremony) = PlanDates(round);
        Assert.True(closedOn > deadline && closedOn < ceremony, $"bỏ phiếu {closedOn} giữa hạn gửi và lễ tuyên dương");
        Assert.True(ballot.ClosedAtUtc < DateTime.UtcNow);

        // The box holds one ciphertext per member and candidate, all different; the trustees hold checks, never keys.
        var papers = await app.WithDb(db => db.BallotVotes.AsNoTracking().Where(v => v.BallotId == ballot.Id).Select(v => v.Ciphertext).ToListAsync());
        Assert.Equal(9 * ballot.Candidates.Count, papers.Count);
        Assert.Equal(papers.Count, papers.Select(Convert.ToBase64String).Distinct().Count());
        Assert.Equal(3, ballot.Trustees.Count);
        Assert.Equal(9, await app.WithDb(db => db.BallotVoters.CountAsync(v => v.BallotId == ballot.Id && v.HasVoted)));

        // The stored totals are what the members decided: passed = commended (the Quyết định's awards), top 5 + 5 = the Tờ trình.
        var ids = ballot.Candidates.Select(c => c.NominationId).ToList();
        var nominations = await app.WithDb(db => db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync());
        var passed = ballot.Candidates.Where(c => c.Passed == true).Select(c => c.NominationId).Order().ToList();
        Assert.Equal(passed, nominations.Where(n => NominationStateMachine.WasCommendedByBallot(n.Status)).Select(n => n.Id).Order().ToList());
        Assert.Contains(nominations, n => n.Status == NominationStatus.NotCommended);
        var decisions = await DemoDecisions(round);
        Assert.Equal(passed, decisions.Single(d => d.Type == DocumentType.Decision).Awards.Select(a => a.NominationId!.Value).Order().ToList());
        var submission = decisions.Single(d => d.Type == DocumentType.Submission);
        var forwarded = nominations.Where(n => n.ForwardedInDecisionId == submission.Id).ToList();
        Assert.Equal(plan.QuotaCollectives + plan.QuotaIndividuals, forwarded.Count);
        var cut = QuotaSelection.Select(ballot.Candidates.Select(c =>
        {
            var n = nominations.Single(x => x.Id == c.NominationId);
            return new CandidateResult(n.Id, n.NomineeName, n.Kind, c.Approvals!.Value, c.Disapprovals!.Value, c.Passed!.Value);
        }).ToList(), plan.QuotaCollectives, plan.QuotaIndividuals);
        Assert.Empty(cut.Ties);
        Assert.Equal(cut.ToProvince.Select(c => c.NominationId).Order(), forwarded.Select(n => n.Id).Order());
        Assert.All(forwarded, n => Assert.True(NominationStateMachine.WasProposedToProvince(n.Status)));
        Assert.Contains(forwarded, n => n.Status == NominationStatus.ProvinceCommended);

        // The round's selection (as the selection page reads it) includes every one of them.
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var selection = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/selection?round={round}");
        Assert.True(selection.GetProperty("mainBallotIds").EnumerateArray().Any(b => b.GetInt32() == ballot.Id), selection.ToString());
        var commended = selection.GetProperty("selection").GetProperty("commended").EnumerateArray().Select(c => c.GetProperty("nominationId").GetInt32()).ToHashSet();
        Assert.Superset(commended, passed.ToHashSet());

        // Each dossier was verified criterion by criterion and shown for public comment before the ballot.
        Assert.All(nominations, n => Assert.True(n.SubmittedAtUtc < deadline.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
        Assert.Equal(ids.Count, await app.WithDb(db => db.VerificationRecords.CountAsync(v => ids.Contains(v.NominationId) && v.CheckedAtUtc < ballot.OpenedAtUtc)));
        var period = await app.WithDb(db => db.CommentPeriods.AsNoTracking().Include(p => p.Candidates).SingleAsync(p => p.Candidates.Any(c => c.NominationId == ids[0])));
        Assert.True(period.EndsOn < closedOn);
        Assert.True(await app.WithDb(db => db.PublicComments.CountAsync(c => c.CommentPeriodId == period.Id && c.Status == CommentStatus.Accepted)) >= 2);
    }

    [Theory]
    [InlineData("2021-2023")]
    [InlineData("2021-2025")]
    public async Task Every_sent_demo_dossier_kept_its_minutes_and_evidence_files_and_they_download(string round)
    {
        var ballot = await DemoBallot(round);
        var ids = ballot.Candidates.Select(c => c.NominationId).ToList();
        var files = await app.WithDb(db => db.SentFiles.AsNoTracking().Include(f => f.Version)
            .Where(f => ids.Contains(f.Version!.NominationId)).ToListAsync());
        var records = await app.WithDb(db => db.VerificationRecords.AsNoTracking().Where(v => ids.Contains(v.NominationId)).ToListAsync());
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        foreach (var id in ids)
        {
            var own = files.Where(f => f.Version!.NominationId == id).ToList();
            Assert.All(own, f => Assert.Equal(1, f.Version!.Number));
            Assert.Single(own, f => f.CriterionCode == EvidenceFile.MinutesScan);
            var judged = JsonDocument.Parse(records.Single(r => r.NominationId == id).ItemsJson).RootElement.EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
            Assert.Equal(judged.Order(), own.Where(f => f.CriterionCode != EvidenceFile.MinutesScan).Select(f => f.CriterionCode).Order());

            // The evidence files of the dossier are the same rows and bytes (content-addressed), as a real upload leaves them.
            var evidence = await app.WithDb(db => db.Set<EvidenceFile>().AsNoTracking().Where(e => e.NominationId == id).ToListAsync());
            Assert.Equal(own.Select(f => (f.EvidenceFileId, f.StoragePath)).Order(), evidence.Select(e => (e.Id, e.StoragePath)).Order());

            var page = await Forms.GetDocumentAsync(secretariat, $"/Review/Verify/{id}");
            Assert.Equal(own.Count, page.QuerySelectorAll("[data-testid=verify-sent-file]").Length);
            foreach (var file in own)
            {
                using var download = await secretariat.GetAsync($"/Nominations/SentFiles/{id}?handler=File&fileId={file.Id}");
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(file.ContentType, download.Content.Headers.ContentType!.MediaType);
                var bytes = await download.Content.ReadAsByteArrayAsync();
                Assert.True(bytes.Length > 5_000 && bytes[0] == 0xFF && bytes[1] == 0xD8, $"{file.FileName}: not a JPEG image");
                Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
            }
        }
    }

    [Fact]
    public async Task Certificates_of_the_final_round_decision_download_as_a_real_pdf_with_the_names()
    {
        var decision = (await DemoDecisions("2021-2025")).Single(d => d.Type == DocumentType.Decision);
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var folder = Directory.CreateTempSubdirectory("exemplars-demo-pdf-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "giay-khen.pdf");
            await File.WriteAllBytesAsync(pdf, await secretariat.GetByteArrayAsync($"/api/v1/decisions/{decision.Id}/certificates"));
            Assert.Matches($@"Pages:\s+{decision.Awards.Count}\b", await Office.Run("pdfinfo", $"\"{pdf}\""));
            var text = await Office.PdfText(pdf);
            foreach (var name in decision.Awards.Select(a => a.RecipientName).Append("Quyết định số 02-QĐ/ĐUK").Append("giai đoạn 2021 - 2025"))
            {
                Assert.True(text.Contains(name, StringComparison.Ordinal), $"'{name}' not in:\n{text}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Published_stories_with_photos_and_pledges_are_public()
    {
        var stories = await app.WithDb(db => db.ExemplarStories.AsNoTracking().Where(s => s.Approved && s.ApprovedBy == "tgdv@demo.vn" && s.PublishedAtUtc < new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))
            .OrderBy(s => s.Id).ToListAsync());
        Assert.True(stories.Count >= 8, $"{stories.Count} bài");
        using var anonymous = app.CreateClient();
        var showcase = await anonymous.GetStringAsync("/Showcase?page=1");
        Assert.Contains(stories, s => showcase.Contains(System.Net.WebUtility.HtmlEncode(s.PublishedTitle!), StringComparison.Ordinal)
            || showcase.Contains(s.PublishedTitle!, StringComparison.Ordinal));
        foreach (var story in stories)
        {
            Assert.NotNull(story.PublishedPhotoId);
            var page = await anonymous.GetStringAsync($"/Showcase/Details/{story.Id}");
            Assert.Contains($"/showcase/photo/{story.Id}", page, StringComparison.Ordinal);
            using var photo = await anonymous.GetAsync($"/showcase/photo/{story.Id}");
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
            var bytes = await photo.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.Length > 2000 && bytes[0] == 0xFF && bytes[1] == 0xD8, "a real JPEG");
        }

        var storyIds = stories.Select(s => s.Id).ToList();
        var pledges = await app.WithDb(db => db.ReplicationPledges.AsNoTracking().Where(p => storyIds.Contains(p.ExemplarStoryId)).ToListAsync());
        Assert.True(pledges.Count >= stories.Count);
        Assert.Contains(pledges, p => p.Result is not null && p.ReportedAtUtc > p.PledgedAtUtc);
        Assert.All(pledges, p => Assert.True(p.PledgedAtUtc < DateTime.UtcNow));
        var withPledge = pledges[0].ExemplarStoryId;
        Assert.Contains("đã đăng ký học tập", await anonymous.GetStringAsync($"/Showcase/Details/{withPledge}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_already_decided_is_not_labelled_overdue_and_the_home_page_shows_the_open_round()
    {
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var list = Forms.Parse(await secretariat.GetStringAsync("/Nominations?round=2021-2025"));
        var rows = list.QuerySelectorAll("[data-testid=nominations] tbody tr").Select(r => r.TextContent).ToList();
        var decided = rows.Where(r => r.Contains("cấp trên khen thưởng", StringComparison.Ordinal) || r.Contains("bầu chọn", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(decided);
        Assert.All(decided, r => Assert.DoesNotContain("qua hạn", r, StringComparison.Ordinal));
        Assert.All(decided, r => Assert.DoesNotContain("quá hạn", r, StringComparison.Ordinal));

        // The home page is about today's work: the open round's dossiers (and any still waiting for someone), not the
        // finished 2021–2025 history that fills the dossier list.
        var home = Forms.Parse(await secretariat.GetStringAsync("/"));
        var open = await app.WithDb(db => db.Rounds.AsNoTracking().ToListAsync());
        var round = Exemplars.Domain.Plans.RoundCalendar.Open(open, Exemplars.Web.Infrastructure.VietnamTime.Today(TimeProvider.System))!;
        Assert.Contains(round.Name, home.QuerySelector("[data-testid=home-nominations]")!.ParentElement!.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var awaiting = Exemplars.Domain.Nominations.NominationStateMachine.AwaitingAction.Select(Exemplars.Domain.Nominations.NominationStateMachine.Label).ToHashSet();
        var others = home.QuerySelectorAll("[data-testid=home-nominations] tbody tr").Where(r => r.Children.Length == 4 && r.Children[0].TextContent.Trim() != round.Code).ToList();
        Assert.All(others, r => Assert.Contains(r.Children[2].TextContent.Trim(), awaiting));
        Assert.True(round.Code == "2021-2025" || others.Count < 20, "the home page is not filled with the finished rounds");
    }
}

[Collection(SqliteApp.Name)]
public sealed class DemoHistoryTests_Sqlite(SqliteAppFactory app) : DemoHistoryTests(app);

[Collection(PostgresApp.Name)]
public sealed class DemoHistoryTests_Postgres(PostgresAppFactory app) : DemoHistoryTests(app);
