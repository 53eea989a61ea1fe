using System.Net.Http.Json;
using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>After the ballot: the secretariat issues the Quyết định and the Tờ trình from the decisions page and records the province's outcome.</summary>
public sealed class DecisionsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Shots = "/tmp/shots/nomination-states";

    /// <summary>Three verified individuals, put to a ballot through the API: two commended, one with 4 of 9 votes.</summary>
    private readonly string _round = "QD" + Guid.NewGuid().ToString("N")[..7];

    private async Task<(string[] Commended, string Failed)> Prepare()
    {
        string[] names = ["Lê Minh Hoàng", "Vũ Thị Ngọc Ánh", "Đỗ Văn Thắng"];
        int[] ids;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A round of its own: the demo's finished 2021–2025 round already has its ballot, decision and submission.
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Code == "2021-2025");
            (round.Id, round.Code, round.Name) = (0, _round, "Đợt thử " + _round);
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            var units = await db.Organizations.Where(o => o.Kind == OrganizationKind.Grassroots).OrderBy(o => o.Code).Take(3).ToListAsync();
            var people = names.Select((name, i) =>
            {
                var person = new Person { Code = $"QD{i:000}", FullName = name, SearchName = name.ToLowerInvariant(), OrganizationId = units[i].Id, IsPartyMember = true, PartyJoinYear = 2005, FieldCategoryCode = "3.2.5" };
                person.Ratings.AddRange(Enumerable.Range(2021, 4).Select(y => new PersonRating { Year = y, Rating = Rating.Excellent }));
                return person;
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var nominations = people.Select(p => new Nomination
            {
                RoundId = round.Id, OrganizationId = p.OrganizationId, Kind = NomineeKind.Individual, PersonId = p.Id, NomineeKey = Nomination.KeyOf(NomineeKind.Individual, p.Id),
                NomineeName = p.FullName, CategoryCode = "3.2.5", Status = NominationStatus.Verified, Summary = "Thành tích tiêu biểu giai đoạn 2021 - 2025.",
                FamilyLawAttested = true, SubmissionCount = 1, CreatedAtUtc = DateTime.UtcNow, SubmittedAtUtc = DateTime.UtcNow,
            }).ToList();
            db.Nominations.AddRange(nominations);
            await db.SaveChangesAsync();
            ids = nominations.Select(n => n.Id).ToArray();
        }

        using var secretariat = await Api("tgdv@demo.vn");
        using var opened = await secretariat.PostAsJsonAsync("/api/v1/ballots", new { round = _round, title = "Bỏ phiếu kín xét khen thưởng", nominationIds = ids });
        opened.EnsureSuccessStatusCode();
        var ballot = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        for (var member = 1; member <= 9; member++)
        {
            using var api = await Api($"btv{member}@demo.vn");
            var choices = new Dictionary<string, string> { [$"{ids[0]}"] = "Approve", [$"{ids[1]}"] = "Approve", [$"{ids[2]}"] = member <= 4 ? "Approve" : "Disapprove" };
            using var voted = await api.PostAsJsonAsync($"/api/v1/ballots/{ballot}/votes", new { choices });
            voted.EnsureSuccessStatusCode();
        }

        // The ballot-count committee closes it: two of the three default trustees (btv1–btv3) enter their key shares.
        foreach (var email in new[] { "btv1@demo.vn", "btv2@demo.vn" })
        {
            using var trustee = await Api(email);
            var share = (await trustee.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot}/share")).GetProperty("text").GetString();
            using var closed = await trustee.PostAsJsonAsync($"/api/v1/ballots/{ballot}/close", new { share });
            closed.EnsureSuccessStatusCode();
        }

        return ([names[0], names[1]], names[2]);
    }

    private async Task<HttpClient> Api(string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Demo@2025-Khoi" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        foreach (var width in new[] { 390, 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = $"{Shots}/{name}-{width}.png", FullPage = true });
        }

        await page.SetViewportSizeAsync(1366, 900);
    }

    [Fact]
    public async Task The_secretariat_issues_the_decision_and_the_submission_and_records_the_province_outcome()
    {
        var (commended, failed) = await Prepare();
        var secretariat = await app.SignedInPage("tgdv@demo.vn");
        var confirmations = new List<string>();
        secretariat.Dialog += (_, dialog) =>
        {
            confirmations.Add(dialog.Message);
            dialog.AcceptAsync();
        };

        await secretariat.GotoAsync("/Decisions");
        await secretariat.GetByLabel("Đợt", new() { Exact = true }).SelectOptionAsync(_round);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Chọn đợt" }).ClickAsync();
        await Shoot(secretariat, "decisions-index");

        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Ra Quyết định khen thưởng" }).ClickAsync();
        var list = secretariat.GetByTestId("issue-form");
        foreach (var name in commended)
        {
            await Assertions.Expect(list.GetByLabel(name)).ToBeCheckedAsync();
        }

        await Assertions.Expect(list).Not.ToContainTextAsync(failed);
        await secretariat.GetByLabel("Người ký").FillAsync("Phạm Thị Tố Loan");
        await Shoot(secretariat, "decisions-issue");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Vào sổ Quyết định" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Đã vào sổ Quyết định số")).ToBeVisibleAsync();
        Assert.Contains(confirmations, c => c.Contains("Quyết định khen thưởng", StringComparison.Ordinal));
        await Assertions.Expect(secretariat.GetByTestId("decisions")).ToContainTextAsync("-QĐ/ĐUK");

        await secretariat.GetByLabel("Đợt", new() { Exact = true }).SelectOptionAsync(_round);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Chọn đợt" }).ClickAsync();
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Điều chỉnh danh sách đề nghị Tỉnh ủy" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByTestId("province-list")).ToContainTextAsync(commended[0]);
        await Shoot(secretariat, "decisions-province-list");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Lập Tờ trình với danh sách này" }).ClickAsync();
        await secretariat.GetByLabel("Người ký").FillAsync("Phạm Thị Tố Loan");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Vào sổ Tờ trình" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Đã vào sổ Tờ trình số")).ToBeVisibleAsync();

        await secretariat.GetByLabel("Đợt", new() { Exact = true }).SelectOptionAsync(_round);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Chọn đợt" }).ClickAsync();
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Ghi kết quả của Tỉnh ủy" }).ClickAsync();
        var row = secretariat.GetByTestId("outcomes").Locator("tr", new() { HasText = commended[0] });
        await row.GetByLabel("Được khen thưởng", new() { Exact = true }).CheckAsync();
        await row.GetByLabel("Ghi chú (số quyết định, hình thức khen)").FillAsync("Bằng khen của Ban Thường vụ Tỉnh ủy");
        await row.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText($"Đã ghi kết quả của Tỉnh ủy cho {commended[0]}")).ToBeVisibleAsync();
        await Assertions.Expect(secretariat.GetByTestId("outcomes").Locator("tr", new() { HasText = commended[0] })).ToContainTextAsync("Được cấp trên khen thưởng");
        await Shoot(secretariat, "decisions-outcomes");
    }
}
