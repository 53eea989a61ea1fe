using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

public sealed class ShowcaseTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>A commended collective with an approved story, as the secretariat would have published it.</summary>
    private async Task Publish()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        var unit = await db.Organizations.SingleAsync(o => o.Code == "CS004");
        var nomination = new Nomination
        {
            RoundId = round.Id, OrganizationId = unit.Id, Kind = NomineeKind.Collective, CollectiveId = unit.Id, NomineeKey = Nomination.KeyOf(NomineeKind.Collective, unit.Id),
            NomineeName = unit.Name, CategoryCode = "3.1.2", Status = NominationStatus.Verified, SubmissionCount = 1, CreatedAtUtc = DateTime.UtcNow,
        };
        db.Nominations.Add(nomination);
        var decision = new Decision { Issuer = "ĐUK", Year = 2025, Number = 15, Type = DocumentType.Decision, Title = "Quyết định khen thưởng", Date = new DateOnly(2025, 5, 19), Signer = "Phạm Thị Tố Loan", CreatedBy = "seed" };
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        db.Awards.Add(new Award { DecisionId = decision.Id, NominationId = nomination.Id, OrganizationId = unit.Id, RecipientName = unit.Name, AwardType = "Giấy khen của Ban Thường vụ Đảng ủy Khối" });
        db.ExemplarStories.Add(new ExemplarStory
        {
            NominationId = nomination.Id, Title = "Đưa điện về bản làng vùng cao", StoryHtml = "<p>Tập thể đã kéo điện lưới về 12 thôn đặc biệt khó khăn.</p>",
            PublishedTitle = "Đưa điện về bản làng vùng cao", PublishedHtml = "<p>Tập thể đã kéo điện lưới về 12 thôn đặc biệt khó khăn.</p>",
            SearchText = "dang bo cong ty dien luc tinh dua dien ve ban lang vung cao", Approved = true, ApprovedBy = "seed", PublishedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Public_searches_the_showcase_and_a_unit_pledges_to_replicate()
    {
        await Publish();
        var context = await app.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync("/Showcase");
        await visitor.GetByLabel("Tìm kiếm").FillAsync("ban lang vung cao");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("exemplars")).ToContainTextAsync("Đưa điện về bản làng vùng cao");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Đảng bộ Công ty Điện lực tỉnh" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("story")).ToContainTextAsync("kéo điện lưới về 12 thôn");
        await Assertions.Expect(visitor.GetByTestId("replications")).ToContainTextAsync("0 đơn vị");
        await context.CloseAsync();

        var clerk = await app.SignedInPage("coso2@demo.vn");
        await clerk.GoAsync("Gương điển hình", "Gương điển hình");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Đảng bộ Công ty Điện lực tỉnh" }).ClickAsync();
        await clerk.GetByLabel("Nội dung sẽ áp dụng").FillAsync("Học cách tổ chức đội xung kích hỗ trợ thôn khó khăn.");
        await clerk.GetByLabel("Hoàn thành trước ngày").FillAsync(DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("replications")).ToContainTextAsync("1 đơn vị");

        await clerk.GotoAsync("/Replication");
        await Assertions.Expect(clerk.GetByTestId("pledges")).ToContainTextAsync("Học cách tổ chức đội xung kích");
        await clerk.GetByLabel("Kết quả").FillAsync("Đã lập 3 đội xung kích.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Báo cáo kết quả" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("pledges")).ToContainTextAsync("Đã lập 3 đội xung kích.");
    }
}
