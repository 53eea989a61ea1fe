using System.Net.Http.Headers;
using System.Text.Json;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Showcase;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 17 point 1: the API twins of the plan, issuer, showcase, public-comment, run-off, 3.2.1-branch and certificate
/// pages call the pages' handlers: each works, gives the page's refusals in Vietnamese, and keeps the page's role and
/// scope rules (a wrong role or another unit's clerk is refused and nothing changes).
/// </summary>
public abstract class PageTwinsPlansShowcaseTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    private static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient api, HttpMethod method, string url, object? body = null, Guid? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    /// <summary>A plan of its own (no rounds): its thresholds and number can change without touching other tests' plans.</summary>
    private Task<int> NewPlan() => app.WithDb(async db =>
    {
        var code = "TW" + Tag();
        var plan = new Plan { Code = code, Name = "Kế hoạch thử API " + code };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });

    /// <summary>A commended nomination of CS001 (a decision awarded it), ready for a story or a certificate.</summary>
    private Task<(int Nomination, int Decision)> Commended() => app.WithDb(async db =>
    {
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        var unit = await db.Organizations.SingleAsync(o => o.Code == "CS001");
        var key = Tag();
        var nomination = new Nomination
        {
            RoundId = round.Id, OrganizationId = unit.Id, Kind = NomineeKind.Individual, NomineeKey = "TW:" + key, NomineeName = "Gương API " + key, CategoryCode = "3.2.5",
            Status = NominationStatus.Submitted, CreatedAtUtc = DateTime.UtcNow, SubmissionCount = 1,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        var decision = new Decision { Issuer = "KT", Year = 2300 + Random.Shared.Next(1, 600), Number = Random.Shared.Next(1, 1_000_000), Type = DocumentType.Decision, Title = "Khen thưởng", Date = new DateOnly(2025, 5, 19), Signer = "X", CreatedBy = "t" };
        decision.Awards.Add(new Award { NominationId = nomination.Id, RecipientName = nomination.NomineeName, AwardType = "Giấy khen" });
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        return (nomination.Id, decision.Id);
    });

    /// <summary>A nomination of the unit in the given state, created directly (the dossier's content does not matter here).</summary>
    private Task<int> NewNomination(string roundCode, NominationStatus status, string category = "3.2.5", string unitCode = "CS001") => app.WithDb(async db =>
    {
        var round = await db.Rounds.SingleAsync(r => r.Code == roundCode);
        var unit = await db.Organizations.SingleAsync(o => o.Code == unitCode);
        var key = Tag();
        var nomination = new Nomination
        {
            RoundId = round.Id, OrganizationId = unit.Id, Kind = NomineeKind.Individual, NomineeKey = "TW:" + key, NomineeName = "Ứng viên API " + key, CategoryCode = category,
            Status = status, CreatedAtUtc = DateTime.UtcNow, SubmissionCount = status == NominationStatus.Draft ? 0 : 1,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    });

    [Fact]
    public async Task A_plan_s_thresholds_number_and_round_are_edited_through_the_api_by_the_administrator_only_with_the_page_s_rules()
    {
        var planId = await NewPlan();
        using var admin = await app.BearerAs("admin@demo.vn", sendsReadVersion: false);
        using var secretariat = await app.BearerAs("tgdv@demo.vn", sendsReadVersion: false);
        Task<Plan> Read() => app.WithDb(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId));
        var version = (await Read()).Version;
        var thresholds = $"/api/v1/plans/{planId}/thresholds";

        // The version is required (428) and must be the current one (409), as for a criterion.
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Send(admin, HttpMethod.Put, thresholds, new { quorumNumerator = 3, quorumDenominator = 4, approvalNumerator = 2, approvalDenominator = 3 })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(admin, HttpMethod.Put, thresholds, new { quorumNumerator = 3, quorumDenominator = 4, approvalNumerator = 2, approvalDenominator = 3, version = Guid.NewGuid() })).Status);
        var (bad, badBody) = await Send(admin, HttpMethod.Put, thresholds, new { quorumNumerator = 5, quorumDenominator = 4, approvalNumerator = 2, approvalDenominator = 3, version });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Tỷ lệ phải là phân số dương", Detail(badBody), StringComparison.Ordinal);
        var (refused, refusedBody) = await Send(secretariat, HttpMethod.Put, thresholds, new { quorumNumerator = 3, quorumDenominator = 4, approvalNumerator = 2, approvalDenominator = 3, version });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("Chỉ quản trị viên được sửa kế hoạch.", Detail(refusedBody), StringComparison.Ordinal);
        var unchanged = await Read();
        Assert.Equal((2, 3, 1, 2, version), (unchanged.QuorumNumerator, unchanged.QuorumDenominator, unchanged.ApprovalNumerator, unchanged.ApprovalDenominator, unchanged.Version));
        Assert.Equal(HttpStatusCode.NoContent, (await Send(admin, HttpMethod.Put, thresholds, new { quorumNumerator = 3, quorumDenominator = 4, approvalNumerator = 2, approvalDenominator = 3 }, ifMatch: version)).Status);
        var plan = await Read();
        Assert.Equal((3, 4, 2, 3), (plan.QuorumNumerator, plan.QuorumDenominator, plan.ApprovalNumerator, plan.ApprovalDenominator));
        Assert.NotEqual(version, plan.Version);

        // The plan's own number and date: both or neither, in the party's form.
        var issue = $"/api/v1/plans/{planId}/issue";
        var (half, halfBody) = await Send(admin, HttpMethod.Put, issue, new { issuedNumber = "12-KH/ĐUK", version = plan.Version });
        Assert.Equal(HttpStatusCode.BadRequest, half);
        Assert.Contains("Hãy nhập cả số và ngày ban hành kế hoạch", Detail(halfBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(secretariat, HttpMethod.Put, issue, new { issuedNumber = "12-KH/ĐUK", issuedOn = "05/03/2021", version = plan.Version })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(admin, HttpMethod.Put, issue, new { issuedNumber = "12-KH/ĐUK", issuedOn = "05/03/2021", version = plan.Version })).Status);
        plan = await Read();
        Assert.Equal(("12-KH/ĐUK", (DateOnly?)new DateOnly(2021, 3, 5)), (plan.IssuedNumber, plan.IssuedOn));

        // A round, addressed by its plan and code: the round edit page's rules and version.
        var roundCode = await app.FreshRound("TW");
        var round = await app.WithDb(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Code == roundCode));
        var url = $"/api/v1/plans/{round.PlanId}/rounds/{roundCode}";
        object Draft(DateOnly deadline, DateOnly ceremony, Guid? v) => new
        {
            name = "Đợt thử sửa qua API", firstRatingYear = 2021, lastRatingYear = 2024, minExcellentYears = 2, reviewFromYear = 2021, reviewToYear = 2025,
            grassrootsDeadline = deadline, ceremonyDate = ceremony, ceremonyOccasion = "nhân ngày 19/5", quotaCollectives = 4, quotaIndividuals = 6, version = v,
        };
        Assert.Equal(HttpStatusCode.NotFound, (await Send(admin, HttpMethod.Put, $"/api/v1/plans/{planId}/rounds/{roundCode}", Draft(new DateOnly(2025, 3, 31), new DateOnly(2025, 5, 19), round.Version))).Status);
        var (early, earlyBody) = await Send(admin, HttpMethod.Put, url, Draft(new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 1), round.Version));
        Assert.Equal(HttpStatusCode.BadRequest, early);
        Assert.Contains("Ngày tuyên dương phải sau hạn nộp của cơ sở.", Detail(earlyBody), StringComparison.Ordinal);
        using (var clerk = await app.BearerAs("coso1@demo.vn", sendsReadVersion: false))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Send(clerk, HttpMethod.Put, url, Draft(new DateOnly(2025, 3, 31), new DateOnly(2025, 5, 19), round.Version))).Status);
        }

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Send(admin, HttpMethod.Put, url, Draft(new DateOnly(2025, 3, 31), new DateOnly(2025, 5, 19), null))).Status);
        Assert.Equal(round.Version, await app.WithDb(db => db.Rounds.Where(r => r.Id == round.Id).Select(r => r.Version).SingleAsync()));
        Assert.Equal(HttpStatusCode.NoContent, (await Send(admin, HttpMethod.Put, url, Draft(new DateOnly(2025, 3, 31), new DateOnly(2025, 5, 19), round.Version))).Status);
        var edited = await app.WithDb(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == round.Id));
        Assert.Equal(("Đợt thử sửa qua API", 6, new DateOnly(2025, 5, 19)), (edited.Name, edited.QuotaIndividuals, edited.CeremonyDate));
        Assert.Equal(HttpStatusCode.Conflict, (await Send(admin, HttpMethod.Put, url, Draft(new DateOnly(2025, 3, 31), new DateOnly(2025, 5, 19), round.Version))).Status);
    }

    [Fact]
    public async Task An_issuer_is_recorded_read_and_edited_through_the_api_by_the_administrator_only_with_the_page_s_rules()
    {
        var symbol = "T" + new string(Guid.NewGuid().ToString("N")[..7].Select(c => (char)('A' + Convert.ToInt32(c.ToString(), 16))).ToArray());
        object Body(string name, object[] officers, Guid? version = null) => new
        {
            symbol, superiorLine = "ĐẢNG BỘ TỈNH", name, signingOrgan = "BAN THƯỜNG VỤ", organName = "Ban Thường vụ " + name, place = "Hải Dương",
            superiorOrgan = "Ban Thường vụ Tỉnh ủy", partyName = "Đảng bộ thử", advisingBoard = "Ban Tuyên giáo – Dân vận",
            decisionRecipients = new[] { "Như Điều 3", "", "Lưu Văn phòng" }, submissionRecipients = new[] { "Ban Thường vụ Tỉnh ủy" }, reportRecipients = Array.Empty<string>(),
            officers, terms = new[] { new { label = "Nhiệm kỳ 2025 - 2030", startsOn = new DateOnly(2025, 10, 1) } }, version,
        };
        var officer = new { fullName = "Nguyễn Văn Thử", position = "Bí thư", from = new DateOnly(2025, 10, 1), until = (DateOnly?)null, signs = true };
        using var admin = await app.BearerAs("admin@demo.vn", sendsReadVersion: false);
        using var secretariat = await app.BearerAs("tgdv@demo.vn", sendsReadVersion: false);

        // Not the administrator: refused, nothing recorded.
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(secretariat, HttpMethod.Post, "/api/v1/issuers", Body("ĐẢNG ỦY THỬ", [officer]))).Status);
        Assert.False(await app.WithDb(db => db.Set<Issuer>().AnyAsync(i => i.Symbol == symbol)));

        // A half-filled officer row is refused with its row number, as on the page.
        var (bad, badBody) = await Send(admin, HttpMethod.Post, "/api/v1/issuers", Body("ĐẢNG ỦY THỬ", [new { fullName = "Nguyễn Văn Thử", position = "", from = (DateOnly?)null, until = (DateOnly?)null, signs = false }]));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Cán bộ dòng 1", Detail(badBody), StringComparison.Ordinal);

        var (created, createdBody) = await Send(admin, HttpMethod.Post, "/api/v1/issuers", Body("ĐẢNG ỦY THỬ", [officer]));
        Assert.Equal(HttpStatusCode.Created, created);
        var id = createdBody.GetProperty("id").GetInt32();
        using var read = await admin.GetAsync($"/api/v1/issuers/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var issuer = await read.Content.ReadFromJsonAsync<JsonElement>();
        var version = issuer.GetProperty("version").GetGuid();
        Assert.Equal($"\"{version}\"", read.Headers.ETag?.Tag);
        Assert.Equal(["Như Điều 3", "Lưu Văn phòng"], issuer.GetProperty("decisionRecipients").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal("BÍ THƯ", issuer.GetProperty("officers")[0].GetProperty("position").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync($"/api/v1/issuers/{id}")).StatusCode);

        // The same symbol again is refused; an edit needs the version read.
        Assert.Equal(HttpStatusCode.Conflict, (await Send(admin, HttpMethod.Post, "/api/v1/issuers", Body("ĐẢNG ỦY KHÁC", [officer]))).Status);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Send(admin, HttpMethod.Put, $"/api/v1/issuers/{id}", Body("ĐẢNG ỦY ĐÃ SỬA", [officer]))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(secretariat, HttpMethod.Put, $"/api/v1/issuers/{id}", Body("ĐẢNG ỦY ĐÃ SỬA", [officer], version))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(admin, HttpMethod.Put, $"/api/v1/issuers/{id}", Body("ĐẢNG ỦY ĐÃ SỬA", [officer]), ifMatch: version)).Status);
        Assert.Equal("ĐẢNG ỦY ĐÃ SỬA", await app.WithDb(db => db.Set<Issuer>().Where(i => i.Id == id).Select(i => i.Name).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await Send(admin, HttpMethod.Put, $"/api/v1/issuers/{id}", Body("ĐẢNG ỦY CŨ", [officer], version))).Status);
        Assert.Contains(await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/issuers") ?? [], i => i.GetProperty("symbol").GetString() == symbol);
    }

    [Fact]
    public async Task A_story_is_written_with_a_photo_approved_and_unpublished_through_the_api_by_the_secretariat_only()
    {
        var (nomination, _) = await Commended();
        using var secretariat = await app.BearerAs("tgdv@demo.vn", sendsReadVersion: false);
        using var clerk = await app.BearerAs("coso1@demo.vn", sendsReadVersion: false);
        var story = new { nominationId = nomination, title = "Tấm gương qua API", storyHtml = "<p>Nội dung <strong>bản nháp</strong><script>x()</script></p>", approve = false };

        // A clerk may not write the showcase; a nomination never commended has no story.
        var (clerkStatus, clerkBody) = await Send(clerk, HttpMethod.Post, "/api/v1/stories", story);
        Assert.Equal(HttpStatusCode.Forbidden, clerkStatus);
        Assert.Contains("Chỉ Ban Tuyên giáo – Dân vận biên tập trang gương điển hình.", Detail(clerkBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/stories")).StatusCode);
        var uncommended = await NewNomination("2021-2025", NominationStatus.Submitted);
        var (notCommended, notCommendedBody) = await Send(secretariat, HttpMethod.Post, "/api/v1/stories", story with { nominationId = uncommended });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notCommended);
        Assert.Contains("Chỉ giới thiệu công khai những gương đã được khen thưởng.", Detail(notCommendedBody), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.ExemplarStories.AnyAsync(s => s.NominationId == nomination || s.NominationId == uncommended)));

        // Written as a draft (the HTML cleaned as on the page), then edited with a photo: the version read is needed.
        var (saved, savedBody) = await Send(secretariat, HttpMethod.Post, "/api/v1/stories", story);
        Assert.Equal(HttpStatusCode.OK, saved);
        var storyId = savedBody.GetProperty("id").GetInt32();
        var row = (await secretariat.GetFromJsonAsync<JsonElement[]>("/api/v1/stories"))!.Single(r => r.GetProperty("nominationId").GetInt32() == nomination);
        Assert.Equal(("Draft", storyId), (row.GetProperty("state").GetString(), row.GetProperty("storyId").GetInt32()));
        Assert.DoesNotContain("<script>", row.GetProperty("storyHtml").GetString(), StringComparison.Ordinal);
        var version = row.GetProperty("version").GetGuid();
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Send(secretariat, HttpMethod.Post, "/api/v1/stories", story)).Status);
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(nomination.ToString(System.Globalization.CultureInfo.InvariantCulture)), "nominationId" }, { new StringContent("Tấm gương có ảnh"), "title" },
            { new StringContent("<p>Bài có ảnh</p>"), "storyHtml" }, { new StringContent(version.ToString()), "version" }, { new ByteArrayContent(SampleFiles.Png()), "photo", "anh.png" },
        })
        {
            using var withPhoto = await secretariat.PostAsync("/api/v1/stories/photo", form);
            Assert.Equal(HttpStatusCode.OK, withPhoto.StatusCode);
        }

        var draft = await app.WithDb(db => db.ExemplarStories.AsNoTracking().SingleAsync(s => s.Id == storyId));
        Assert.Equal(("Tấm gương có ảnh", false), (draft.Title, draft.Approved));
        Assert.NotNull(draft.PhotoId);

        // Approval: only the secretariat, with the version read; then it is public.
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(clerk, HttpMethod.Post, $"/api/v1/stories/{storyId}/approve", new { version = draft.Version })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(secretariat, HttpMethod.Post, $"/api/v1/stories/{storyId}/approve", new { version })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(secretariat, HttpMethod.Post, $"/api/v1/stories/{storyId}/approve", null, ifMatch: draft.Version)).Status);
        var published = await app.WithDb(db => db.ExemplarStories.AsNoTracking().SingleAsync(s => s.Id == storyId));
        Assert.Equal((StoryState.Published, "Tấm gương có ảnh"), (published.State, published.PublishedTitle));
        using var anonymous = app.CreateClient();
        Assert.Contains("Bài có ảnh", await anonymous.GetStringAsync($"/Showcase/Details/{storyId}"), StringComparison.Ordinal);

        // Unpublishing needs a reason (the page's message), and only the secretariat.
        var (noReason, noReasonBody) = await Send(secretariat, HttpMethod.Post, $"/api/v1/stories/{storyId}/unpublish", new { reason = "Ngắn", version = published.Version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.Contains("Hãy ghi lý do gỡ bài", Detail(noReasonBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(clerk, HttpMethod.Post, $"/api/v1/stories/{storyId}/unpublish", new { reason = "Đơn vị đề nghị gỡ để cập nhật.", version = published.Version })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(secretariat, HttpMethod.Post, $"/api/v1/stories/{storyId}/unpublish", new { reason = "Đơn vị đề nghị gỡ để cập nhật.", version = published.Version })).Status);
        var unpublished = await app.WithDb(db => db.ExemplarStories.AsNoTracking().SingleAsync(s => s.Id == storyId));
        Assert.Equal(("Đơn vị đề nghị gỡ để cập nhật.", false), (unpublished.UnpublishedReason, unpublished.Approved));
        Assert.Equal([StoryRevisionKind.Approved, StoryRevisionKind.Unpublished],
            await app.WithDb(db => db.StoryRevisions.Where(r => r.ExemplarStoryId == storyId).OrderBy(r => r.Id).Select(r => r.Kind).ToListAsync()));
    }

    [Fact]
    public async Task A_comment_period_is_closed_early_through_the_api_by_the_secretariat_only()
    {
        var roundCode = await app.FreshRound("TC");
        var today = Today;
        var periodId = await app.WithDb(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Code == roundCode);
            var period = new CommentPeriod { RoundId = round.Id, StartsOn = today.AddDays(-3), EndsOn = today.AddDays(10), OpenedBy = "tgdv@demo.vn" };
            db.CommentPeriods.Add(period);
            await db.SaveChangesAsync();
            return period.Id;
        });
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        using var committee = await app.BearerAs("btv1@demo.vn");
        var (refused, refusedBody) = await Send(committee, HttpMethod.Post, $"/api/v1/comment-periods/{periodId}/close");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("Chỉ Ban Tuyên giáo – Dân vận mở, đóng lấy ý kiến công khai.", Detail(refusedBody), StringComparison.Ordinal);
        Assert.Equal(today.AddDays(10), await app.WithDb(db => db.CommentPeriods.Where(p => p.Id == periodId).Select(p => p.EndsOn).SingleAsync()));

        var listed = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/comment-periods?round={roundCode}");
        Assert.Equal("Open", listed.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == periodId).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Send(secretariat, HttpMethod.Post, $"/api/v1/comment-periods/{periodId}/close")).Status);
        Assert.Equal(today.AddDays(-1), await app.WithDb(db => db.CommentPeriods.Where(p => p.Id == periodId).Select(p => p.EndsOn).SingleAsync()));
        var (again, againBody) = await Send(secretariat, HttpMethod.Post, $"/api/v1/comment-periods/{periodId}/close");
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("Đợt lấy ý kiến đã kết thúc ngày", Detail(againBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(secretariat, HttpMethod.Post, "/api/v1/comment-periods/2147483647/close")).Status);
    }

    [Fact]
    public async Task A_run_off_is_opened_from_the_selection_through_the_api_over_exactly_the_tie_by_the_secretariat_only()
    {
        var round = await app.FreshRound("TR", quotaIndividuals: 1);
        var a = await NewNomination(round, NominationStatus.Verified);
        var b = await NewNomination(round, NominationStatus.Verified);
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var committee = await app.BearerAs("btv1@demo.vn");

        // Before any ballot has closed, the selection has nothing to run off (the page's message).
        var (early, earlyBody) = await Send(secretariat, HttpMethod.Post, "/api/v1/ballots/selection/run-off", new { round, nominationIds = new[] { a, b } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early);
        Assert.Contains("Đợt này chưa có cuộc bỏ phiếu nào kết thúc.", Detail(earlyBody), StringComparison.Ordinal);

        // A main ballot where both get every vote: a tie for the one place.
        var (opened, openedBody) = await Send(secretariat, HttpMethod.Post, "/api/v1/ballots", new { round, title = "Bỏ phiếu chính thử", nominationIds = new[] { a, b } });
        Assert.Equal(HttpStatusCode.Created, opened);
        var main = openedBody.GetProperty("id").GetInt32();
        for (var i = 1; i <= 9; i++)
        {
            using var member = await app.BearerAs($"btv{i}@demo.vn");
            var paper = new { choices = new Dictionary<string, string> { [a.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "Approve", [b.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "Approve" } };
            Assert.Equal(HttpStatusCode.NoContent, (await Send(member, HttpMethod.Post, $"/api/v1/ballots/{main}/votes", paper)).Status);
        }

        await app.CloseByTrustees(main);
        Task<int> RunOffs() => app.WithDb(db => db.Ballots.CountAsync(x => x.ParentBallotId == main));

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(clerk, HttpMethod.Post, "/api/v1/ballots/selection/run-off", new { round, nominationIds = new[] { a, b } })).Status);
        var (notRunner, notRunnerBody) = await Send(committee, HttpMethod.Post, "/api/v1/ballots/selection/run-off", new { round, nominationIds = new[] { a, b } });
        Assert.Equal(HttpStatusCode.Forbidden, notRunner);
        Assert.Contains("Chỉ Ban Tuyên giáo – Dân vận mở phiếu bầu.", Detail(notRunnerBody), StringComparison.Ordinal);
        var (notTie, notTieBody) = await Send(secretariat, HttpMethod.Post, "/api/v1/ballots/selection/run-off", new { round, nominationIds = new[] { a } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notTie);
        Assert.Equal("not_a_tie", notTieBody.GetProperty("code").GetString());
        Assert.Equal(0, await RunOffs());

        var (runOff, runOffBody) = await Send(secretariat, HttpMethod.Post, "/api/v1/ballots/selection/run-off", new { round, nominationIds = new[] { b, a } });
        Assert.Equal(HttpStatusCode.Created, runOff);
        var ballot = await app.WithDb(db => db.Ballots.AsNoTracking().Include(x => x.Candidates).SingleAsync(x => x.Id == runOffBody.GetProperty("id").GetInt32()));
        Assert.Equal((BallotKind.RunOff, (int?)main, $"Bỏ phiếu lại các trường hợp bằng phiếu (đợt {round})"), (ballot.Kind, ballot.ParentBallotId, ballot.Title));
        Assert.Equal([a, b], ballot.Candidates.Select(c => c.NominationId).Order().ToArray());
        Assert.Equal(HttpStatusCode.Conflict, (await Send(secretariat, HttpMethod.Post, "/api/v1/ballots/selection/run-off", new { round, nominationIds = new[] { a, b } })).Status);
        Assert.Equal(1, await RunOffs());
    }

    [Fact]
    public async Task The_3_2_1_branch_is_chosen_through_the_api_by_the_unit_s_clerk_only_with_the_page_s_rules()
    {
        var id = await NewNomination("2021-2025", NominationStatus.Draft, category: EnterpriseBranch.CategoryCode);
        var other = await NewNomination("2021-2025", NominationStatus.Draft, category: "3.2.5");
        async Task<(bool? Leader, Guid Version)> Read()
        {
            var row = await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => new { n.BusinessLeader, n.Version }).SingleAsync());
            return (row.BusinessLeader, row.Version);
        }

        var (_, version) = await Read();
        using var clerk = await app.BearerAs("coso1@demo.vn", sendsReadVersion: false);
        using var otherClerk = await app.BearerAs("coso2@demo.vn", sendsReadVersion: false);
        using var secretariat = await app.BearerAs("tgdv@demo.vn", sendsReadVersion: false);
        var url = $"/api/v1/nominations/{id}/branch";

        Assert.Equal(HttpStatusCode.NotFound, (await Send(otherClerk, HttpMethod.Post, url, new { businessLeader = true, version })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(secretariat, HttpMethod.Post, url, new { businessLeader = true, version })).Status);
        var (unchosen, unchosenBody) = await Send(clerk, HttpMethod.Post, url, new { version });
        Assert.Equal(HttpStatusCode.BadRequest, unchosen);
        Assert.Contains("Mục 3.2.1: hãy chọn cá nhân là doanh nhân", Detail(unchosenBody), StringComparison.Ordinal);
        var (wrongCategory, wrongCategoryBody) = await Send(clerk, HttpMethod.Post, $"/api/v1/nominations/{other}/branch", new { businessLeader = true });
        Assert.Equal(HttpStatusCode.BadRequest, wrongCategory);
        Assert.Contains("Lựa chọn này chỉ dùng cho cá nhân mục 3.2.1.", Detail(wrongCategoryBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(clerk, HttpMethod.Post, url, new { businessLeader = true, version = Guid.NewGuid() })).Status);
        Assert.Equal((null, version), await Read());

        Assert.Equal(HttpStatusCode.NoContent, (await Send(clerk, HttpMethod.Post, url, new { businessLeader = true }, ifMatch: version)).Status);
        var (leader, newVersion) = await Read();
        Assert.True(leader);
        Assert.NotEqual(version, newVersion);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(clerk, HttpMethod.Post, url, new { businessLeader = false, version = newVersion })).Status);
        Assert.False((await Read()).Leader);

        // Sent: no longer editable.
        await app.WithDb(db => db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NominationStatus.Submitted)));
        var (sent, sentBody) = await Send(clerk, HttpMethod.Post, url, new { businessLeader = true });
        Assert.Equal(HttpStatusCode.Conflict, sent);
        Assert.Contains("Chỉ sửa được hồ sơ đang soạn hoặc bị trả lại.", Detail(sentBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_s_certificates_are_made_in_the_background_through_the_api_followed_and_fetched_by_their_starter_only()
    {
        var (_, decision) = await Commended();
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        using var committee = await app.BearerAs("btv1@demo.vn");
        using var admin = await app.BearerAs("admin@demo.vn");
        var jobsBefore = await app.WithDb(db => db.BackgroundJobs.CountAsync());

        // The roles that issue decisions only, for a decision that exists.
        var (refused, refusedBody) = await Send(committee, HttpMethod.Post, $"/api/v1/decisions/{decision}/certificate-batches");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("Chỉ Ban Tuyên giáo – Dân vận tạo Giấy khen.", Detail(refusedBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(secretariat, HttpMethod.Post, "/api/v1/decisions/2147483647/certificate-batches")).Status);
        Assert.Equal(jobsBefore, await app.WithDb(db => db.BackgroundJobs.CountAsync()));

        using var started = await secretariat.PostAsync($"/api/v1/decisions/{decision}/certificate-batches?format=zip", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var status = started.Headers.Location!.ToString();
        Assert.StartsWith("/api/v1/certificate-batches/", status, StringComparison.Ordinal);
        var batch = await secretariat.GetFromJsonAsync<JsonElement>(status);
        for (var i = 0; i < 200 && !batch.GetProperty("done").GetBoolean(); i++)
        {
            await Task.Delay(100);
            batch = await secretariat.GetFromJsonAsync<JsonElement>(status);
        }

        Assert.True(batch.GetProperty("done").GetBoolean());
        Assert.Equal(status + "/file", batch.GetProperty("file").GetString());
        using var file = await secretariat.GetAsync(batch.GetProperty("file").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/zip", file.Content.Headers.ContentType?.MediaType);
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(await file.Content.ReadAsByteArrayAsync())))
        {
            Assert.Single(archive.Entries);
        }

        // Someone else's batch is not theirs to follow or fetch.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(status + "/file")).StatusCode);
    }
}

[Collection(SqliteApp.Name)]
public sealed class PageTwinsPlansShowcaseTests_Sqlite(SqliteAppFactory app) : PageTwinsPlansShowcaseTests(app);

[Collection(PostgresApp.Name)]
public sealed class PageTwinsPlansShowcaseTests_Postgres(PostgresAppFactory app) : PageTwinsPlansShowcaseTests(app);
