using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>
/// Verification on one page, public comment and extensions by picking, in Chromium under the app's CSP: the confirmation
/// dialog stops an irreversible step until accepted, and each step ends with a success message. Screenshots at 390, 1366
/// and 1920 px go to /tmp/shots/round-pages for review.
/// </summary>
public sealed class RoundPagesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "shots", "round-pages");

    private async Task<int> SubmittedInCurrentRound()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = await db.Rounds.SingleAsync(r => r.Code == "2026-2028");
        var unit = await db.Organizations.SingleAsync(o => o.Code == "CS001");
        var person = new Person { Code = "RP001", FullName = "Lương Thị Bích Ngọc", SearchName = "luong thi bich ngoc", OrganizationId = unit.Id, IsPartyMember = true, PartyJoinYear = 2005, FieldCategoryCode = "3.2.5" };
        person.Ratings.AddRange(Enumerable.Range(2021, 6).Select(y => new PersonRating { Year = y, Rating = Rating.Excellent }));
        db.People.Add(person);
        await db.SaveChangesAsync();
        var nomination = new Nomination
        {
            RoundId = round.Id, OrganizationId = unit.Id, Kind = NomineeKind.Individual, PersonId = person.Id, NomineeKey = Nomination.KeyOf(NomineeKind.Individual, person.Id),
            NomineeName = person.FullName, CategoryCode = "3.2.5", Status = NominationStatus.Submitted, Summary = "Hoàn thành xuất sắc nhiệm vụ năm 2026.",
            FamilyLawAttested = true, SubmissionCount = 1, CreatedAtUtc = DateTime.UtcNow.AddDays(-1), SubmittedAtUtc = DateTime.UtcNow.AddDays(-1),
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    private static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        foreach (var width in new[] { 390, 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{width}.png"), FullPage = true });
            // The page's own content fits (the shared menu's width is the layout's concern, issue 12 point 3).
            Assert.True(await page.EvaluateAsync<bool>("() => { const m = document.querySelector('main'); return m.scrollWidth <= m.clientWidth + 1; }"), $"{name} scrolls sideways at {width} px");
        }

        await page.SetViewportSizeAsync(1366, 900);
    }

    [Fact]
    public async Task Secretariat_verifies_on_one_page_with_a_confirmation_then_publishes_and_extends_by_picking()
    {
        var id = await SubmittedInCurrentRound();
        var page = await app.SignedInPage("tgdv@demo.vn");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var dialogs = new List<string>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            if (accept)
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }
        };

        await page.GotoAsync($"/Review/Verify/{id}");
        var criteria = page.GetByTestId("criterion");
        var count = await criteria.CountAsync();
        Assert.True(count >= 2);
        await Assertions.Expect(page.Locator("[data-testid=criterion] input[type=radio]:checked")).ToHaveCountAsync(0);
        await Shoot(page, "verify");
        for (var i = 0; i < count; i++)
        {
            await criteria.Nth(i).GetByLabel("Đạt", new() { Exact = true }).CheckAsync();
        }

        // Dismissed: nothing is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và tiếp nhận hồ sơ" }).ClickAsync();
        Assert.Single(dialogs);
        Assert.Contains("Tiếp nhận hồ sơ", dialogs[0], StringComparison.Ordinal);
        Assert.EndsWith($"/Review/Verify/{id}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        accept = true;
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và tiếp nhận hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi kết quả thẩm định và tiếp nhận hồ sơ.");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã thẩm định");
        await Assertions.Expect(page.GetByTestId("verification-history")).ToContainTextAsync("tiếp nhận");
        await Shoot(page, "details-after-verification");

        await page.GotoAsync("/PublicComments/Periods?Round=2026-2028");
        await Shoot(page, "comment-periods");
        await page.GetByLabel("Lương Thị Bích Ngọc", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã mở lấy ý kiến công khai");
        await Assertions.Expect(page.GetByTestId("periods")).ToContainTextAsync("Đang lấy ý kiến");
        await Shoot(page, "comment-periods-open");

        await page.GotoAsync("/Nominations/Extensions");
        await Shoot(page, "extensions");
        await page.GetByRole(AriaRole.Link, new() { Name = "2", Exact = true }).ClickAsync();
        await page.ArriveAtPartAsync("page=2");
        await Shoot(page, "extensions-page-2");
        await page.GetByLabel("Tìm đơn vị theo tên").FillAsync("bệnh viện");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await page.Locator("[data-testid=units] input[type=checkbox]").First.CheckAsync();
        await page.GetByLabel("Gia hạn đến hết ngày").FillAsync(DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Lý do").FillAsync("Đơn vị đang hoàn thiện minh chứng.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gia hạn cho các đơn vị đã chọn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gia hạn nộp hồ sơ");
        Assert.Empty(errors);

        var clerk = await app.SignedInPage("coso4@demo.vn");
        await clerk.GotoAsync("/Nominations/Create");
        await Shoot(clerk, "create-with-3-2-1-choice");
    }
}
