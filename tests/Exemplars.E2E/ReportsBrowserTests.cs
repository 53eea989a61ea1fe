using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>Golden path of a periodic report: a committee writes and sends it; the secretariat tracks it and downloads the bloc report.</summary>
public sealed class ReportsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_committee_sends_its_annual_report_and_the_secretariat_tracks_and_downloads()
    {
        var clerk = await app.SignedInPage("coso5@demo.vn");
        clerk.Dialog += (_, dialog) => dialog.AcceptAsync();
        await clerk.GoAsync("Báo cáo", "Báo cáo định kỳ");
        await clerk.GetByLabel("Năm").FillAsync("2025");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var annual = clerk.GetByTestId("periods").Locator("tr", new() { HasText = "Báo cáo năm 2025" });
        await Assertions.Expect(annual).ToContainTextAsync("Quá hạn, chưa gửi");
        await annual.GetByRole(AriaRole.Link, new() { Name = "Soạn, gửi" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("figures")).ToContainTextAsync("Phát hiện");
        // Grassroots commendations are counted from the decisions the unit recorded, not typed here: the form says where they come from.
        await Assertions.Expect(clerk.GetByTestId("figures")).ToContainTextAsync("Khen thưởng cấp cơ sở");
        await Assertions.Expect(clerk.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Khen thưởng cấp cơ sở" })).ToBeVisibleAsync();
        await Assertions.Expect(clerk.GetByTestId("implementation-plan")).ToBeVisibleAsync();
        await clerk.GetByLabel("Nội dung báo cáo").FillAsync("Đơn vị phát động phong trào thi đua gắn với học tập và làm theo gương điển hình.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi báo cáo");
        await Assertions.Expect(clerk.GetByTestId("state")).ToHaveTextAsync("Trễ hạn");
        await Assertions.Expect(clerk.GetByTestId("narrative")).ToContainTextAsync("phát động phong trào thi đua");

        var secretariat = await app.SignedInPage("tgdv@demo.vn");
        await secretariat.GotoAsync("/Reports?year=2025");
        await secretariat.GetByTestId("periods").Locator("tr", new() { HasText = "Báo cáo năm 2025" }).GetByRole(AriaRole.Link, new() { Name = "Theo dõi, tổng hợp" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByTestId("summary")).ToContainTextAsync("8 đúng hạn");
        await secretariat.GetByLabel("Tìm đơn vị").FillAsync("may hung phat");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByTestId("tracker")).ToContainTextAsync("Trễ hạn");
        var download = await secretariat.RunAndWaitForDownloadAsync(() => secretariat.GetByRole(AriaRole.Link, new() { Name = "Bảng tổng hợp số liệu (XLSX)" }).ClickAsync());
        Assert.Equal("bao-cao-tong-hop-nam-2025.xlsx", download.SuggestedFilename);
        var docx = await secretariat.RunAndWaitForDownloadAsync(() => secretariat.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tổng hợp (DOCX)" }).ClickAsync());
        Assert.Equal("bao-cao-tong-hop-nam-2025.docx", docx.SuggestedFilename);
    }
}
