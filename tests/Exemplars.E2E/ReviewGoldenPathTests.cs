using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

public sealed class ReviewGoldenPathTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Four individuals and five collectives already verified, and one submitted dossier left for the secretariat to verify in the browser.</summary>
    private readonly string _round = "RV" + Guid.NewGuid().ToString("N")[..7];

    private async Task<int> Prepare()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A round of its own: the demo's finished 2021–2025 round already has its ballot and province list.
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Code == "2021-2025");
        (round.Id, round.Code, round.Name) = (0, _round, "Đợt thử " + _round);
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        var units = await db.Organizations.Where(o => o.Kind == OrganizationKind.Grassroots).OrderBy(o => o.Code).Take(10).ToListAsync();
        var people = new List<Person>();
        string[] names = ["Trần Quốc Khánh", "Nguyễn Thị Mỹ Duyên", "Phạm Đức Long", "Hồ Thị Thanh Tâm", "Đặng Văn Lực"];
        for (var i = 0; i < names.Length; i++)
        {
            var person = new Person { Code = $"RV{i:000}", FullName = names[i], SearchName = names[i].ToLowerInvariant(), OrganizationId = units[i].Id, IsPartyMember = true, PartyJoinYear = 2005, FieldCategoryCode = "3.2.5" };
            person.Ratings.AddRange(Enumerable.Range(2021, 4).Select(y => new PersonRating { Year = y, Rating = y <= 2022 ? Rating.Excellent : Rating.Good }));
            people.Add(person);
        }

        db.People.AddRange(people);
        await db.SaveChangesAsync();
        var nominations = people.Select((p, i) => new Nomination
        {
            RoundId = round.Id, OrganizationId = p.OrganizationId, Kind = NomineeKind.Individual, PersonId = p.Id, NomineeKey = Nomination.KeyOf(NomineeKind.Individual, p.Id),
            NomineeName = p.FullName, CategoryCode = "3.2.5", Status = i == 0 ? NominationStatus.Submitted : NominationStatus.Verified, Summary = "Thành tích tiêu biểu giai đoạn 2021 - 2025.",
            FamilyLawAttested = true, SubmissionCount = 1, CreatedAtUtc = DateTime.UtcNow, SubmittedAtUtc = DateTime.UtcNow,
        }).ToList();
        nominations.AddRange(units.Skip(5).Select(u => new Nomination
        {
            RoundId = round.Id, OrganizationId = u.Id, Kind = NomineeKind.Collective, CollectiveId = u.Id, NomineeKey = Nomination.KeyOf(NomineeKind.Collective, u.Id),
            NomineeName = u.Name, CategoryCode = u.HostUnitType == HostUnitType.StateAgency ? "3.1.1" : "3.1.2", Status = NominationStatus.Verified,
            Summary = "Tập thể hoàn thành xuất sắc nhiệm vụ nhiều năm liền.", SubmissionCount = 1, CreatedAtUtc = DateTime.UtcNow, SubmittedAtUtc = DateTime.UtcNow,
        }));
        db.Nominations.AddRange(nominations);
        await db.SaveChangesAsync();
        return nominations[0].Id;
    }

    [Fact]
    public async Task From_verification_through_the_secret_ballot_to_the_list_of_ten()
    {
        var toVerify = await Prepare();
        var secretariat = await app.SignedInPage("tgdv@demo.vn");
        secretariat.Dialog += (_, dialog) => dialog.AcceptAsync();

        await secretariat.GotoAsync($"/Nominations/Details/{toVerify}");
        await secretariat.GetByTestId("verify-link").ClickAsync();
        var criteria = secretariat.GetByTestId("criterion");
        var count = await criteria.CountAsync();
        Assert.True(count >= 2);
        for (var i = 0; i < count; i++)
        {
            await criteria.Nth(i).GetByLabel("Đạt", new() { Exact = true }).CheckAsync();
        }

        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Lưu và tiếp nhận hồ sơ" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi kết quả thẩm định và tiếp nhận hồ sơ.");
        await Assertions.Expect(secretariat.GetByTestId("status")).ToHaveTextAsync("Đã thẩm định");

        await secretariat.GotoAsync("/Ballots");
        await secretariat.GetByLabel("Đợt").SelectOptionAsync(_round);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Xem hồ sơ chờ bỏ phiếu" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("[data-testid=open-candidates] input:checked")).ToHaveCountAsync(10);
        await Assertions.Expect(secretariat.Locator("[data-testid=open-trustees] input:checked")).ToHaveCountAsync(3);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Mở cuộc bỏ phiếu" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Đã mở cuộc bỏ phiếu.")).ToBeVisibleAsync();
        var ballotUrl = new Uri(secretariat.Url).AbsolutePath;
        var ballotId = ballotUrl.Split('/')[^1];
        var shares = new List<string>();

        for (var member = 1; member <= 9; member++)
        {
            var page = await app.SignedInPage($"btv{member}@demo.vn");
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            if (member <= 2)
            {
                // A trustee takes their key share once, keeps it, and confirms: the server then forgets it.
                await page.GotoAsync(ballotUrl);
                await page.GetByRole(AriaRole.Link, new() { Name = "Nhận mảnh khóa" }).ClickAsync();
                shares.Add((await page.GetByTestId("share").TextContentAsync())!.Trim());
                await page.GetByRole(AriaRole.Button, new() { Name = "Tôi đã lưu mảnh khóa" }).ClickAsync();
                await Assertions.Expect(page.GetByText("máy chủ đã xóa bản đang giữ")).ToBeVisibleAsync();
            }

            await page.GotoAsync(ballotUrl);
            var approvals = page.Locator("[data-testid=paper] input[value=Approve]");
            Assert.Equal(10, await approvals.CountAsync());
            for (var i = 0; i < 10; i++)
            {
                await approvals.Nth(i).CheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Đồng chí đã bỏ phiếu.")).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }

        await secretariat.GotoAsync(ballotUrl);
        await Assertions.Expect(secretariat.GetByText("Kết quả chỉ công bố sau khi kết thúc bỏ phiếu.")).ToBeVisibleAsync();
        Assert.Equal(0, await secretariat.GetByRole(AriaRole.Button, new() { Name = "Nhập mảnh khóa để kiểm phiếu" }).CountAsync());
        for (var trustee = 1; trustee <= 2; trustee++)
        {
            var page = await app.SignedInPage($"btv{trustee}@demo.vn");
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.GotoAsync(ballotUrl);
            await page.GetByLabel("Mảnh khóa của đồng chí").FillAsync(shares[trustee - 1]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập mảnh khóa để kiểm phiếu" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync(trustee == 1 ? "Đã nhận mảnh khóa (1/2)" : "Đã kiểm phiếu và kết thúc bỏ phiếu");
            await page.Context.CloseAsync();
        }

        Assert.StartsWith($"PK-{ballotId}-", shares[0], StringComparison.Ordinal);
        await secretariat.GotoAsync(ballotUrl);
        await Assertions.Expect(secretariat.GetByTestId("results")).ToContainTextAsync("Đạt");

        await secretariat.GotoAsync($"/Ballots/Selection?round={_round}");
        var forwarded = secretariat.Locator("[data-testid=to-province] li");
        await Assertions.Expect(forwarded).ToHaveCountAsync(10);
        await Assertions.Expect(secretariat.Locator("[data-testid=to-province]")).ToContainTextAsync("Trần Quốc Khánh");
        Assert.Equal(5, await secretariat.Locator("[data-testid=to-province] li", new() { HasTextString = "Tập thể" }).CountAsync());
    }
}
