using System.Text.Json;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Programme;
using Exemplars.Domain.Reports;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Periodic reports (issue 7.4): the figures a committee's report is filled with, counted from seeded data of a period
/// no other test touches (year 2083), across the Vietnam-time day boundaries; sending, tracking and the bloc report.
/// </summary>
public abstract class ReportsTests(AppFactory app)
{
    private const int Year = 2083;

    private static DateTime Utc(int month, int day, int hour = 3, int minute = 0, int second = 0) => new(Year, month, day, hour, minute, second, DateTimeKind.Utc);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient api, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A POST without a body's version: the version, when given, travels in <c>If-Match</c>.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostIfMatch(HttpClient api, string url, object body, Guid? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A half-year period of <see cref="Year"/> (figures 01/01–15/06, due 20/06) and everything CS of coso4 did around it.</summary>
    private async Task<(int PeriodId, int UnitId)> Seed()
    {
        return await app.WithDb(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Code == "2021-2025");
            var existing = await db.ReportingPeriods.SingleOrDefaultAsync(p => p.PlanId == plan.Id && p.Year == Year && p.Kind == ReportPeriodKind.HalfYear);
            var unitId = await db.Users.Where(u => u.Email == "coso4@demo.vn").Select(u => u.OrganizationId).SingleAsync();
            if (existing is not null)
            {
                return (existing.Id, unitId);
            }

            var period = new ReportingPeriod { PlanId = plan.Id, Kind = ReportPeriodKind.HalfYear, Year = Year, From = new DateOnly(Year, 1, 1), To = new DateOnly(Year, 6, 15), Deadline = new DateOnly(Year, 6, 20) };
            db.ReportingPeriods.Add(period);
            var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");

            DiscoveredExemplar Found(DateTime at, DateTime? nurturedAt = null) => new()
            {
                OrganizationId = unitId, Kind = NomineeKind.Individual, Name = "Gương " + at.ToString("o", System.Globalization.CultureInfo.InvariantCulture), Achievements = "Thành tích",
                Stage = nurturedAt is null ? DiscoveryStage.Discovered : DiscoveryStage.Nurtured, NurturedAtUtc = nurturedAt, RecordedBy = "coso4@demo.vn", RecordedAtUtc = at,
            };

            GrassrootsCommendation Commended(DateOnly on) => new()
            {
                OrganizationId = unitId, Kind = NomineeKind.Individual, Name = "Khen " + on.ToString("o", System.Globalization.CultureInfo.InvariantCulture), SearchName = "khen",
                Achievements = "Thành tích", Form = "Giấy khen", DecisionNumber = "05-QĐ/ĐU", DecisionDate = on, RecordedBy = "coso4@demo.vn", RecordedAtUtc = Utc(6, 16),
            };

            // The committee's own commendations count by their decision's date: the first and the last day in, the days around out.
            db.GrassrootsCommendations.AddRange(Commended(new DateOnly(Year, 1, 1)), Commended(new DateOnly(Year, 6, 15)), Commended(new DateOnly(Year - 1, 12, 31)), Commended(new DateOnly(Year, 6, 16)));
            db.DiscoveredExemplars.AddRange(
                Found(Utc(3, 1)),
                Found(Utc(3, 2), nurturedAt: Utc(4, 1)),
                Found(new DateTime(Year - 1, 12, 31, 17, 0, 0, DateTimeKind.Utc)), // 00:00 on 01/01 in Viet Nam: inside
                Found(new DateTime(Year - 1, 12, 31, 16, 59, 59, DateTimeKind.Utc)), // 23:59:59 on 31/12: outside
                Found(Utc(6, 15, hour: 16, minute: 59), nurturedAt: Utc(6, 15, hour: 17))); // recorded 23:59 on 15/06 (inside), nurtured 00:00 on 16/06 (outside)

            Nomination Dossier(string key, params DateTime[] sent)
            {
                var nomination = new Nomination
                {
                    RoundId = round.Id, OrganizationId = unitId, Kind = NomineeKind.Individual, NomineeKey = key, NomineeName = "Hồ sơ " + key, CategoryCode = "3.2.5",
                    Status = NominationStatus.Submitted, CreatedAtUtc = sent[0], SubmittedAtUtc = sent[^1], SubmissionCount = sent.Length,
                };
                nomination.Versions.AddRange(sent.Select((at, i) => new NominationVersion { Number = i + 1, SubmittedAtUtc = at, SubmittedBy = "coso4@demo.vn" }));
                return nomination;
            }

            var first = Dossier($"R:{Year}:1", Utc(2, 1));
            var resent = Dossier($"R:{Year}:2", new DateTime(Year - 1, 11, 1, 3, 0, 0, DateTimeKind.Utc), Utc(2, 2)); // first sent last year: not counted again
            resent.ProvinceOutcome = ProvinceOutcome.Commended;
            resent.ProvinceOutcomeAtUtc = Utc(6, 10);
            db.Nominations.AddRange(first, resent);
            await db.SaveChangesAsync();

            var decision = new Decision { Issuer = "KT", Year = Year, Number = 1, Type = DocumentType.Decision, Title = "Khen thưởng", Date = new DateOnly(Year, 5, 19), Signer = "X", CreatedBy = "t" };
            decision.Awards.Add(new Award { NominationId = first.Id, RecipientName = first.NomineeName, AwardType = "Giấy khen" });
            var lateDecision = new Decision { Issuer = "KT", Year = Year, Number = 2, Type = DocumentType.Decision, Title = "Khen thưởng", Date = new DateOnly(Year, 6, 16), Signer = "X", CreatedBy = "t" };
            lateDecision.Awards.Add(new Award { NominationId = resent.Id, RecipientName = resent.NomineeName, AwardType = "Giấy khen" }); // after the cut-off
            var submission = new Decision { Issuer = "KT", Year = Year, Number = 3, Type = DocumentType.Submission, Title = "Tờ trình", Date = new DateOnly(Year, 5, 20), Signer = "X", CreatedBy = "t" };
            db.Decisions.AddRange(decision, lateDecision, submission);
            await db.SaveChangesAsync();
            first.ForwardedInDecisionId = submission.Id;

            var stories = new[] { first, resent }.Select(n => new ExemplarStory { NominationId = n.Id, Title = n.NomineeName, StoryHtml = "<p>x</p>", SearchText = "x", Approved = true, PublishedAtUtc = Utc(5, 1), UpdatedAtUtc = Utc(5, 1) }).ToList();
            db.ExemplarStories.AddRange(stories);
            await db.SaveChangesAsync();
            db.ReplicationPledges.AddRange(
                new ReplicationPledge { ExemplarStoryId = stories[0].Id, OrganizationId = unitId, WhatToApply = "Áp dụng", DueOn = new DateOnly(Year, 9, 1), PledgedBy = "coso4@demo.vn", PledgedAtUtc = Utc(3, 5), Result = "Đã làm", ReportedAtUtc = Utc(6, 1) },
                new ReplicationPledge { ExemplarStoryId = stories[1].Id, OrganizationId = unitId, WhatToApply = "Áp dụng", DueOn = new DateOnly(Year, 9, 1), PledgedBy = "coso4@demo.vn", PledgedAtUtc = Utc(6, 12), Result = "Đã làm", ReportedAtUtc = Utc(7, 1) });
            await db.SaveChangesAsync();
            return (period.Id, unitId);
        });
    }

    [Fact]
    public async Task A_committee_saves_sends_and_is_tracked_and_the_bloc_report_adds_up()
    {
        var (periodId, unitId) = await Seed();
        using var clerk = await app.BearerAs("coso4@demo.vn");
        using var otherClerk = await app.BearerAs("coso5@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var otherUnit = await app.WithDb(db => db.Users.Where(u => u.Email == "coso5@demo.vn").Select(u => u.OrganizationId).SingleAsync());

        // While a draft, the figures are counted live from the system, within the period's days in Vietnam time.
        var report = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{periodId}/units/{unitId}");
        var figures = report.GetProperty("figures");
        Assert.Equal(4, figures.GetProperty("discovered").GetInt32()); // 01/03, 02/03, 00:00 on 01/01 and 23:59 on 15/06; not 23:59:59 on 31/12 the year before
        Assert.Equal(1, figures.GetProperty("nurtured").GetInt32()); // not the one nurtured at 00:00 on 16/06
        Assert.Equal(1, figures.GetProperty("nominated").GetInt32()); // first sent in the period; a dossier first sent last year and re-sent now is not counted again
        Assert.Equal(2, figures.GetProperty("commendedGrassroots").GetInt32()); // counted from the decisions recorded, not typed
        Assert.Equal(1, figures.GetProperty("commendedBloc").GetInt32()); // not the award decided on 16/06
        Assert.Equal(1, figures.GetProperty("sentToProvince").GetInt32());
        Assert.Equal(1, figures.GetProperty("commendedProvince").GetInt32());
        Assert.Equal(2, figures.GetProperty("pledges").GetInt32());
        Assert.Equal(1, figures.GetProperty("pledgeResults").GetInt32()); // not the result reported on 01/07
        Assert.Equal("Draft", report.GetProperty("status").GetString());
        Assert.Equal("NotYetDue", report.GetProperty("state").GetString());

        // Scope: another committee cannot read this one's report; a clerk cannot track the bloc.
        using (var peek = await otherClerk.GetAsync($"/api/v1/reports/periods/{periodId}/units/{unitId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        }

        using (var track = await clerk.GetAsync($"/api/v1/reports/periods/{periodId}/tracker"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, track.StatusCode);
        }

        // Bad input is refused whole.
        var (bad, _) = await Send(clerk, HttpMethod.Put, $"/api/v1/reports/periods/{periodId}/mine", new { narrative = new string('x', 20_001) });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.False(await app.WithDb(db => db.PeriodicReports.AnyAsync(r => r.ReportingPeriodId == periodId && r.OrganizationId == unitId)));

        // A draft without a narrative cannot be sent.
        var (saved, draft) = await Send(clerk, HttpMethod.Put, $"/api/v1/reports/periods/{periodId}/mine", new { narrative = "" });
        Assert.Equal(HttpStatusCode.OK, saved);
        var (empty, _) = await Send(clerk, HttpMethod.Post, $"/api/v1/reports/periods/{periodId}/mine/submit", new { version = draft.GetProperty("version").GetGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, empty);

        const string narrative = "=HYPERLINK(\"http://x\") Đơn vị đã phát hiện, bồi dưỡng nhiều gương điển hình trong sản xuất.";
        (saved, draft) = await Send(clerk, HttpMethod.Put, $"/api/v1/reports/periods/{periodId}/mine", new { narrative, version = draft.GetProperty("version").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, saved);
        var version = draft.GetProperty("version").GetGuid();

        // Sent at 23:59 on the deadline day, Vietnam time: on time.
        try
        {
            app.Clock.SetUtcNow(new DateTimeOffset(Year, 6, 20, 16, 59, 0, TimeSpan.Zero));
            using var clerkThen = await app.BearerAs("coso4@demo.vn"); // tokens issued on the pinned clock
            using var otherClerkThen = await app.BearerAs("coso5@demo.vn");
            using var secretariatThen = await app.BearerAs("tgdv@demo.vn");
            // Sending needs the version of the draft it sends: missing is 428, stale is 409, and nothing is sent.
            var (noVersion, noVersionProblem) = await Send(clerkThen, HttpMethod.Post, $"/api/v1/reports/periods/{periodId}/mine/submit", new { });
            Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion);
            Assert.Contains("Thiếu phiên bản", noVersionProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var (staleSend, _) = await PostIfMatch(clerkThen, $"/api/v1/reports/periods/{periodId}/mine/submit", new { }, Guid.NewGuid());
            Assert.Equal(HttpStatusCode.Conflict, staleSend);
            Assert.Equal(ReportStatus.Draft, await app.WithDb(db => db.PeriodicReports.Where(r => r.ReportingPeriodId == periodId && r.OrganizationId == unitId).Select(r => r.Status).SingleAsync()));
            var (sent, _) = await Send(clerkThen, HttpMethod.Post, $"/api/v1/reports/periods/{periodId}/mine/submit", new { version });
            Assert.Equal(HttpStatusCode.OK, sent);
            var (again, _) = await Send(clerkThen, HttpMethod.Post, $"/api/v1/reports/periods/{periodId}/mine/submit", new { version });
            Assert.Equal(HttpStatusCode.Conflict, again);

            // The other committee sends one minute into the next day: late.
            var (otherSaved, otherDraft) = await Send(otherClerkThen, HttpMethod.Put, $"/api/v1/reports/periods/{periodId}/mine", new { narrative = "Báo cáo của đơn vị thứ hai, gửi trễ một phút." });
            Assert.Equal(HttpStatusCode.OK, otherSaved);
            app.Clock.SetUtcNow(new DateTimeOffset(Year, 6, 20, 17, 1, 0, TimeSpan.Zero));
            Assert.Equal(HttpStatusCode.OK, (await Send(otherClerkThen, HttpMethod.Post, $"/api/v1/reports/periods/{periodId}/mine/submit", new { version = otherDraft.GetProperty("version").GetGuid() })).Status);

            // Data recorded after sending does not change a sent report: its figures were frozen.
            await app.WithDb(async db =>
            {
                db.DiscoveredExemplars.Add(new DiscoveredExemplar { OrganizationId = unitId, Kind = NomineeKind.Collective, Name = "Muộn", Achievements = "x", RecordedBy = "t", RecordedAtUtc = Utc(5, 5) });
                return await db.SaveChangesAsync();
            });
            var frozen = await secretariatThen.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{periodId}/units/{unitId}");
            Assert.Equal("Submitted", frozen.GetProperty("status").GetString());
            Assert.Equal(4, frozen.GetProperty("figures").GetProperty("discovered").GetInt32());
            Assert.Equal(2, frozen.GetProperty("figures").GetProperty("commendedGrassroots").GetInt32());

            var tracker = await secretariatThen.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{periodId}/tracker?page=1");
            var summary = tracker.GetProperty("summary");
            var units = summary.GetProperty("units").GetInt32();
            Assert.Equal(1, summary.GetProperty("onTime").GetInt32());
            Assert.Equal(1, summary.GetProperty("late").GetInt32());
            Assert.Equal(units - 2, summary.GetProperty("missing").GetInt32()); // the deadline has passed for everyone else
            Assert.Equal(0, summary.GetProperty("waiting").GetInt32());
            Assert.Equal(2, summary.GetProperty("totals").GetProperty("commendedGrassroots").GetInt32());
            Assert.Equal(4, summary.GetProperty("totals").GetProperty("discovered").GetInt32());
            var late = await secretariatThen.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{periodId}/tracker?state=Late");
            Assert.Equal(otherUnit, late.GetProperty("units").GetProperty("items").EnumerateArray().Single().GetProperty("organizationId").GetInt32());

            // The bloc report: a valid party-format DOCX that LibreOffice reads, and an XLSX with a total row, safe from formulas.
            var docx = await secretariatThen.GetByteArrayAsync($"/api/v1/reports/periods/{periodId}/bloc.docx");
            using (var stream = new MemoryStream(docx))
            using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false))
            {
                var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Description).ToList();
                Assert.True(errors.Count == 0, string.Join(" | ", errors));
            }

            var folder = Directory.CreateTempSubdirectory("exemplars-report-");
            try
            {
                var path = Path.Combine(folder.FullName, "bao-cao.docx");
                await File.WriteAllBytesAsync(path, docx);
                var text = await Office.ToPdfText(path, folder.FullName);
                Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
                Assert.Contains($"6 tháng đầu năm {Year}", text, StringComparison.Ordinal);
                Assert.Contains($"{units} tổ chức cơ sở đảng; 2 đơn vị đã gửi báo cáo (1 đúng hạn, 1 trễ hạn); {units - 2} đơn vị chưa gửi báo cáo", text, StringComparison.Ordinal);
                Assert.True(text.Contains("Số lượng 4 1 1 2 1 1 1 2 1", StringComparison.Ordinal), text); // the totals column, as pdftotext reads the table
            }
            finally
            {
                folder.Delete(recursive: true);
            }

            var xlsx = await secretariatThen.GetByteArrayAsync($"/api/v1/reports/periods/{periodId}/bloc.xlsx");
            var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(units + 1, rows.Count);
            var total = rows[^1];
            Assert.Equal(2d, Convert.ToDouble(total["Khen thưởng cấp cơ sở"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2d, Convert.ToDouble(total["Đăng ký học tập"], System.Globalization.CultureInfo.InvariantCulture));
            var mine = rows.Single(r => (r["Tình trạng"] as string) == "Đúng hạn");
            Assert.StartsWith("=HYPERLINK", (string)mine["Nội dung báo cáo"], StringComparison.Ordinal);
            SpreadsheetFormulaTests.AssertQuotedText(xlsx, (string)mine["Nội dung báo cáo"]);
            using (var clerkDocx = await clerkThen.GetAsync($"/api/v1/reports/periods/{periodId}/bloc.docx"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, clerkDocx.StatusCode);
            }

            // The secretariatThen returns the late one with a reason; the committee is told and may edit again.
            // Returning needs the version of the sent report the secretariat read.
            var sentOther = (await secretariatThen.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{periodId}/units/{otherUnit}")).GetProperty("version").GetGuid();
            var returnUrl = $"/api/v1/reports/periods/{periodId}/units/{otherUnit}/return";
            Assert.Equal(HttpStatusCode.BadRequest, (await Send(secretariatThen, HttpMethod.Post, returnUrl, new { reason = " ", version = sentOther })).Status);
            var (returnNoVersion, returnNoVersionProblem) = await Send(secretariatThen, HttpMethod.Post, returnUrl, new { reason = "Bổ sung số liệu khen thưởng." });
            Assert.Equal(HttpStatusCode.PreconditionRequired, returnNoVersion);
            Assert.Contains("Thiếu phiên bản", returnNoVersionProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Conflict, (await Send(secretariatThen, HttpMethod.Post, returnUrl, new { reason = "Bổ sung số liệu khen thưởng.", version = Guid.NewGuid() })).Status);
            Assert.Equal(ReportStatus.Submitted, await app.WithDb(db => db.PeriodicReports.Where(r => r.ReportingPeriodId == periodId && r.OrganizationId == otherUnit).Select(r => r.Status).SingleAsync()));
            Assert.Equal(HttpStatusCode.NoContent, (await PostIfMatch(secretariatThen, returnUrl, new { reason = "Bổ sung số liệu khen thưởng." }, sentOther)).Status);
            Assert.True(await app.WithDb(db => db.Notifications.AnyAsync(n => n.OrganizationId == otherUnit && n.Text.Contains("Bổ sung số liệu khen thưởng."))));
            var returned = await otherClerkThen.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{periodId}/units/{otherUnit}");
            Assert.Equal("Draft", returned.GetProperty("status").GetString());
            Assert.Equal("Missing", returned.GetProperty("state").GetString());
            Assert.Equal(HttpStatusCode.PreconditionRequired, (await Send(otherClerkThen, HttpMethod.Put, $"/api/v1/reports/periods/{periodId}/mine", new { narrative = "Không kèm phiên bản." })).Status);
            // The unit records the commendation its decision gave in the period: the report counts it when sent again.
            await app.WithDb(async db =>
            {
                db.GrassrootsCommendations.Add(new GrassrootsCommendation
                {
                    OrganizationId = otherUnit, Kind = NomineeKind.Collective, Name = "Tổ Kỹ thuật", SearchName = "to ky thuat", Achievements = "Thành tích", Form = "Giấy khen",
                    DecisionNumber = "07-QĐ/ĐU", DecisionDate = new DateOnly(Year, 6, 1), RecordedBy = "coso5@demo.vn", RecordedAtUtc = Utc(6, 21),
                });
                return await db.SaveChangesAsync();
            });
            var (fixedUp, fixedBody) = await Send(otherClerkThen, HttpMethod.Put, $"/api/v1/reports/periods/{periodId}/mine",
                new { narrative = "Đã bổ sung số liệu khen thưởng cấp cơ sở theo yêu cầu.", version = returned.GetProperty("version").GetGuid() });
            Assert.Equal(HttpStatusCode.OK, fixedUp);
            Assert.Equal(HttpStatusCode.OK, (await Send(otherClerkThen, HttpMethod.Post, $"/api/v1/reports/periods/{periodId}/mine/submit", new { version = fixedBody.GetProperty("version").GetGuid() })).Status);
            var resent = await secretariatThen.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periods/{periodId}/units/{otherUnit}");
            Assert.Equal("Late", resent.GetProperty("state").GetString()); // sent again after the deadline
            Assert.Equal(1, resent.GetProperty("figures").GetProperty("commendedGrassroots").GetInt32());
        }
        finally
        {
            app.Clock.Reset();
        }

        // Pages: the clerk's form shows the frozen figures; the secretariat's tracker links the downloads.
        var periodsPage = await (await app.SignedInAs("coso4@demo.vn")).GetStringAsync($"/Reports?year={Year}");
        Assert.Contains($"Báo cáo 6 tháng đầu năm {Year}", periodsPage, StringComparison.Ordinal);
        Assert.Contains($"/Reports/Edit?periodId={periodId}", periodsPage, StringComparison.Ordinal);
        Assert.Contains($"/Reports/Tracker?periodId={periodId}", await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/Reports?year={Year}"), StringComparison.Ordinal);
        var clerkPage = await (await app.SignedInAs("coso4@demo.vn")).GetStringAsync($"/Reports/Edit?periodId={periodId}");
        Assert.Contains("Đã gửi lúc", clerkPage, StringComparison.Ordinal);
        var trackerPage = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/Reports/Tracker?periodId={periodId}&state=OnTime");
        Assert.Contains("handler=Docx", trackerPage, StringComparison.Ordinal);
        using var forbidden = await (await app.SignedInAs("coso4@demo.vn")).GetAsync($"/Reports/Tracker?periodId={periodId}");
        Assert.Contains("/Account/AccessDenied", forbidden.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_saves_refuses_a_short_report_keeps_the_draft_and_then_sends()
    {
        var periodId = await app.WithDb(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Code == "2021-2025");
            var period = await db.ReportingPeriods.SingleOrDefaultAsync(p => p.PlanId == plan.Id && p.Year == Year && p.Kind == ReportPeriodKind.Annual);
            if (period is null)
            {
                period = new ReportingPeriod { PlanId = plan.Id, Kind = ReportPeriodKind.Annual, Year = Year, From = new DateOnly(Year - 1, 12, 16), To = new DateOnly(Year, 12, 15), Deadline = new DateOnly(Year, 12, 20) };
                db.ReportingPeriods.Add(period);
                await db.SaveChangesAsync();
            }

            return period.Id;
        });
        var clerk = await app.SignedInAs("coso3@demo.vn");
        var url = $"/Reports/Edit?periodId={periodId}";

        async Task<HttpResponseMessage> Press(string handler, Dictionary<string, string> values)
        {
            var page = await Forms.GetDocumentAsync(clerk, url);
            var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
            form.SetAttribute("action", $"{url}&handler={handler}");
            return await Forms.SubmitAsync(clerk, url, form, values);
        }

        // Sending a too-short report: the draft is saved, sending is refused with a Vietnamese reason, the text stays.
        using (var tooShort = await Press("Submit", new() { ["Narrative"] = "Ngắn quá." }))
        {
            var html = await tooShort.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
            Assert.Contains("ít nhất 20 ký tự", html, StringComparison.Ordinal);
            Assert.Contains("Ngắn quá.", html, StringComparison.Ordinal);
            var version = Forms.Parse(html).QuerySelector("input[name=Version]")!.GetAttribute("value");
            Assert.Equal(await app.WithDb(db => db.PeriodicReports.Where(r => r.ReportingPeriodId == periodId).Select(r => r.Version).SingleAsync()), Guid.Parse(version!));
        }

        // Fixed and sent from the redisplayed form: no false "someone else edited" conflict.
        var redisplayed = await Forms.GetDocumentAsync(clerk, url);
        Assert.Equal("Ngắn quá.", redisplayed.QuerySelector("textarea[name=Narrative]")!.TextContent.Trim());
        using (var sent = await Press("Submit", new() { ["Narrative"] = "Đơn vị đã tổ chức học tập, làm theo ba gương điển hình trong năm." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Assert.Contains("Đã gửi lúc", await clerk.GetStringAsync(url), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, await app.WithDb(db => db.PeriodicReports.Where(r => r.ReportingPeriodId == periodId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_built_in_plan_ships_a_half_year_and_annual_calendar_and_admins_edit_it()
    {
        var periods = await app.WithDb(db => db.ReportingPeriods.Where(p => p.Year >= 2021 && p.Year <= 2025).OrderBy(p => p.Deadline).ToListAsync());
        Assert.Equal(10, periods.Count);
        Assert.Equal(new DateOnly(2021, 6, 20), periods[0].Deadline);
        Assert.Equal(new DateOnly(2025, 12, 20), periods[^1].Deadline);

        using var admin = await app.BearerAs("admin@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var target = periods[2]; // half-year 2022
        var (refused, _) = await Send(secretariat, HttpMethod.Put, $"/api/v1/reports/periods/{target.Id}", new { from = "2022-01-01", to = "2022-06-30", deadline = "2022-07-05" });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        var (invalid, _) = await Send(admin, HttpMethod.Put, $"/api/v1/reports/periods/{target.Id}", new { from = "2022-01-01", to = "2022-06-30", deadline = "2022-06-01", version = target.Version });
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        var (unversioned, _) = await Send(admin, HttpMethod.Put, $"/api/v1/reports/periods/{target.Id}", new { from = "2022-01-01", to = "2022-06-30", deadline = "2022-07-05" });
        Assert.Equal((HttpStatusCode)428, unversioned);
        var version = target.Version;
        try
        {
            var (ok, body) = await Send(admin, HttpMethod.Put, $"/api/v1/reports/periods/{target.Id}", new { from = "2022-01-01", to = "2022-06-30", deadline = "2022-07-05", version });
            Assert.Equal(HttpStatusCode.OK, ok);
            Assert.Equal("2022-07-05", body.GetProperty("deadline").GetString());
            var (stale, _) = await Send(admin, HttpMethod.Put, $"/api/v1/reports/periods/{target.Id}", new { from = "2022-01-01", to = "2022-06-30", deadline = "2022-07-10", version });
            Assert.Equal(HttpStatusCode.Conflict, stale);
            version = body.GetProperty("version").GetGuid();
        }
        finally
        {
            await Send(admin, HttpMethod.Put, $"/api/v1/reports/periods/{target.Id}", new { from = "2022-01-01", to = "2022-06-15", deadline = "2022-06-20", version });
        }

        var list = await (await app.BearerAs("coso1@demo.vn")).GetFromJsonAsync<JsonElement>("/api/v1/reports/periods?year=2021");
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal("Missing", p.GetProperty("myState").GetString()));
    }

    [Fact]
    public async Task Twenty_administrators_editing_one_period_from_the_same_reading_give_one_edit_and_nineteen_conflicts()
    {
        var target = await app.WithDb(db => db.ReportingPeriods.Where(p => p.Year == 2023 && p.Kind == Exemplars.Domain.Reports.ReportPeriodKind.Annual).SingleAsync());
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.BearerAs("admin@demo.vn")));
        var results = await Task.WhenAll(clients.Select((client, i) =>
            Send(client, HttpMethod.Put, $"/api/v1/reports/periods/{target.Id}", new { from = "2023-01-01", to = "2023-12-15", deadline = $"2023-12-{20 + (i % 5):00}", version = target.Version })));
        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(19, results.Count(r => r.Status == HttpStatusCode.Conflict));
        var winner = results.Single(r => r.Status == HttpStatusCode.OK).Body;
        var stored = await app.WithDb(db => db.ReportingPeriods.SingleAsync(p => p.Id == target.Id));
        Assert.Equal(winner.GetProperty("deadline").GetString(), stored.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(winner.GetProperty("version").GetGuid(), stored.Version);

        // Put back as it was, from the version now stored.
        var (restored, _) = await Send(clients[0], HttpMethod.Put, $"/api/v1/reports/periods/{target.Id}", new { from = target.From, to = target.To, deadline = target.Deadline, version = stored.Version });
        Assert.Equal(HttpStatusCode.OK, restored);
    }
}

[Collection(SqliteApp.Name)]
public sealed class ReportsTests_Sqlite(SqliteAppFactory app) : ReportsTests(app);

[Collection(PostgresApp.Name)]
public sealed class ReportsTests_Postgres(PostgresAppFactory app) : ReportsTests(app);
