using System.Net.Http.Headers;
using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>Issue 12 point 10: the demo works on the day it is started, and its lists are long enough to page.</summary>
public abstract class DemoDataTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly byte[] Pdf = SampleFiles.Pdf();
    private static readonly byte[] Png = SampleFiles.Png();

    [Fact]
    public async Task Demo_has_a_current_plan_whose_interim_round_is_open_months_ahead_and_the_history_is_kept()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam).DateTime);
        var rounds = await app.WithDb(db => db.Rounds.AsNoTracking().ToListAsync());
        Assert.Contains(rounds, r => r.Code == "2021-2023");
        Assert.Contains(rounds, r => r.Code == "2021-2025");
        var plan = await app.WithDb(db => db.Plans.AsNoTracking().Include(p => p.Rounds).Include(p => p.Criteria).SingleAsync(p => p.Code == "2026-2030"));
        Assert.False(plan.IsBuiltIn);
        Assert.Equal(await app.WithDb(db => db.Criteria.CountAsync(c => c.PlanId == db.Plans.Single(p => p.Code == "2021-2025").Id && c.RetiredInVersion == null)), plan.Criteria.Count);
        var interim = plan.Rounds.Single(r => r.Kind == RoundKind.Interim);
        Assert.Equal("2026-2028", interim.Code);
        Assert.True(interim.GrassrootsDeadline >= today.AddMonths(3), $"hạn {interim.GrassrootsDeadline} phải sau hôm nay vài tháng");
        Assert.True(interim.LastRatingYear < interim.GrassrootsDeadline.Year);
        Assert.Equal("2026-2030", plan.Rounds.Single(r => r.Kind == RoundKind.Final).Code);
    }

    [Fact]
    public async Task Demo_lists_are_long_enough_to_page()
    {
        Assert.True(await app.WithDb(db => db.Organizations.CountAsync()) >= 120);
        Assert.True(await app.WithDb(db => db.People.CountAsync()) >= 300);
        Assert.True(await app.WithDb(db => db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Grassroots)) >= 45);
    }

    [Fact]
    public async Task New_clerk_creates_and_sends_a_dossier_in_the_current_round_without_any_extension()
    {
        // A party member of the clerk's unit who is eligible in the current round: every counted year good or better, one excellent.
        var unit = await app.WithDb(db => db.Organizations.SingleAsync(o => o.Code == "CS001"));
        var round = await app.WithDb(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Code == "2026-2028"));
        var candidates = await app.WithDb(db => db.People.AsNoTracking().Include(p => p.Ratings).Include(p => p.Disciplines)
            .Where(p => p.OrganizationId == unit.Id && p.IsPartyMember && !p.IsLeader).ToListAsync());
        var used = await app.WithDb(db => db.Nominations.Where(n => n.RoundId == round.Id && n.PersonId != null).Select(n => n.PersonId!.Value).ToListAsync());
        var person = candidates.First(p => !used.Contains(p.Id) && p.Disciplines.Count == 0
            && Enumerable.Range(round.FirstRatingYear, round.LastRatingYear - round.FirstRatingYear + 1).All(y => p.Ratings.Any(r => r.Year == y && r.Rating is Rating.Excellent or Rating.Good))
            && p.Ratings.Count(r => r.Year >= round.FirstRatingYear && r.Year <= round.LastRatingYear && r.Rating == Rating.Excellent) >= round.MinExcellentYears);
        Assert.False(await app.WithDb(db => db.DeadlineExtensions.AnyAsync(x => x.RoundId == round.Id)));

        // The create page offers the current round first; the clerk only picks the person.
        var clerk = await app.SignedInAs("coso1@demo.vn");
        var create = await Forms.GetDocumentAsync(clerk, "/Nominations/Create");
        // (Other tests of the shared app may reopen an older round; the default is still a round open today.)
        var offered = ((AngleSharp.Html.Dom.IHtmlSelectElement)create.QuerySelector("#round")!).Value;
        var open = await app.WithDb(db => db.Rounds.Where(r => r.GrassrootsDeadline >= DateOnly.FromDateTime(DateTime.UtcNow)).Select(r => r.Code).ToListAsync());
        Assert.Contains(offered, open);
        Assert.Contains("2026-2028", open);
        using var created = await Forms.SubmitAsync(clerk, "/Nominations/Create", new Dictionary<string, string>
        {
            ["Round"] = "2026-2028", ["Kind"] = "Individual", ["PersonId"] = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Category"] = "3.2.5",
        }, "#create-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(round.Id, await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.RoundId).SingleAsync()));

        using var api = await app.BearerAs("coso1@demo.vn");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);
        using (var saved = await api.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            summary = "Hoàn thành xuất sắc nhiệm vụ năm 2026, có sáng kiến cấp cơ sở.",
            minutesDate = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            membersTotal = 9, membersPresent = 8, votesAgree = 8, votesDisagree = 0, votesAbstain = 0, familyLawAttested = true,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        foreach (var (name, content, criterion) in new[] { ("bien-ban.png", Png, "minutes"), ("bang-khen.pdf", Pdf, "3.2.5.1") })
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", name);
            form.Add(new StringContent(criterion), "criterionCode");
            using var upload = await api.PostAsync($"/api/v1/nominations/{id}/evidence", form);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        using var sent = await api.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { });
        var body = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement;
        Assert.True(sent.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        Assert.False(await app.WithDb(db => db.DeadlineExtensions.AnyAsync(x => x.RoundId == round.Id)));
    }
}

[Collection(SqliteApp.Name)]
public sealed class DemoDataTests_Sqlite(SqliteAppFactory app) : DemoDataTests(app);

[Collection(PostgresApp.Name)]
public sealed class DemoDataTests_Postgres(PostgresAppFactory app) : DemoDataTests(app);
