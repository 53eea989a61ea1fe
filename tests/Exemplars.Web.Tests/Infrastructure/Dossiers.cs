using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>Dossiers made the way a grassroots clerk makes them, through the API, for tests that need one already sent.</summary>
public static class Dossiers
{
    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly byte[] Pdf = SampleFiles.Pdf();
    private static readonly byte[] Png = SampleFiles.Png();

    /// <summary>
    /// A submitted dossier of a new, eligible party member of <paramref name="organizationCode"/> in
    /// <paramref name="roundCode"/>, whose grassroots deadline is moved 30 days ahead of the app's clock.
    /// </summary>
    /// <summary>A draft dossier of a new, eligible party member of the unit, the round's deadline a month ahead.</summary>
    public static async Task<int> DraftAsync(AppFactory app, HttpClient clerk, string organizationCode = "CS001", string roundCode = "2021-2025")
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);
        await app.WithDb(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Code == roundCode);
            round.GrassrootsDeadline = today.AddDays(30);
            return await db.SaveChangesAsync();
        });
        var personId = await app.WithDb(async db =>
        {
            var unit = await db.Organizations.SingleAsync(o => o.Code == organizationCode);
            var code = "B" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var person = new Person { Code = code, FullName = "Ứng viên " + code, SearchName = Exemplars.Domain.Common.VietnameseText.Fold("Ứng viên " + code), OrganizationId = unit.Id, IsPartyMember = true, PartyJoinYear = 2008, FieldCategoryCode = "3.2.5" };
            person.Ratings.AddRange(Enumerable.Range(2021, 4).Select(y => new PersonRating { Year = y, Rating = y % 2 == 0 ? Rating.Excellent : Rating.Good }));
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        using var created = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = roundCode, kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    public static async Task<int> SubmittedAsync(AppFactory app, HttpClient clerk, string organizationCode = "CS001", string roundCode = "2021-2025")
    {
        var id = await DraftAsync(app, clerk, organizationCode, roundCode);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);
        using (var put = await clerk.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            summary = "Thành tích tiêu biểu.", minutesDate = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
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

        using var submit = await clerk.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { });
        Assert.True(submit.StatusCode == HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A submitted dossier the secretariat has checked criterion by criterion and accepted.</summary>
    public static async Task<int> VerifiedAsync(AppFactory app, HttpClient clerk, HttpClient secretariat, string roundCode = "2021-2025")
    {
        var id = await SubmittedAsync(app, clerk, roundCode: roundCode);
        var details = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{id}");
        foreach (var criterion in details.GetProperty("judgementCriteria").EnumerateArray())
        {
            using var check = await secretariat.PostAsJsonAsync($"/api/v1/nominations/{id}/checks", new { criterionCode = criterion.GetProperty("code").GetString(), result = "Pass" });
            Assert.Equal(HttpStatusCode.NoContent, check.StatusCode);
        }

        using var accept = await secretariat.PostAsJsonAsync($"/api/v1/nominations/{id}/accept", new { });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        return id;
    }

    /// <summary>Verified dossiers put to one main ballot of the final round that every member approves, then closed: commended.</summary>
    public static async Task<int[]> CommendedAsync(AppFactory app, HttpClient clerk, HttpClient secretariat, int count = 1)
    {
        var ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await VerifiedAsync(app, clerk, secretariat);
        }

        using var opened = await secretariat.PostAsJsonAsync("/api/v1/ballots", new { round = "2021-2025", title = "Bỏ phiếu kín", nominationIds = ids });
        var ballot = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        foreach (var member in await MembersAsync(app))
        {
            using var vote = await member.PostAsJsonAsync($"/api/v1/ballots/{ballot}/votes", Paper(ids.Select(id => (id, "Approve")).ToArray()));
            Assert.Equal(HttpStatusCode.NoContent, vote.StatusCode);
        }

        await app.CloseByTrustees(ballot);
        return ids;
    }

    /// <summary>The nine standing committee members of the demo, signed in for the API.</summary>
    public static async Task<List<HttpClient>> MembersAsync(AppFactory app)
    {
        var members = new List<HttpClient>();
        for (var i = 1; i <= 9; i++)
        {
            members.Add(await app.BearerAs($"btv{i}@demo.vn"));
        }

        return members;
    }

    /// <summary>A ballot paper: each nomination's choice.</summary>
    public static object Paper(params (int Id, string Choice)[] choices) =>
        new { choices = choices.ToDictionary(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Choice) };
}
