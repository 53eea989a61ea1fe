using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>
/// Issue 16 point 2, as the secretariat clicks it: from the decision in the register to the ceremony, its invitation list
/// built from the decision, and the invitations downloaded as a Word file. Axe on each page; screenshots at 390, 1366
/// and 1920 px under TestResults/screenshots/ceremonies.
/// </summary>
public sealed class CeremoniesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Shots = Environment.GetEnvironmentVariable("EXEMPLARS_SHOTS")
        ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestResults", "screenshots", "ceremonies");

    private static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        foreach (var width in new[] { 390, 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1366, 900);
    }

    private static async Task Accessible(IPage page, List<string> problems)
    {
        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: axe {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
    }

    [Fact]
    public async Task From_the_decision_the_secretariat_plans_the_ceremony_and_downloads_the_invitations()
    {
        var page = await app.SignedInPage("tgdv@demo.vn");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var problems = new List<string>();

        // The register: the demo's 2021–2025 decision offers its ceremony.
        await page.GotoAsync("/Decisions");
        var offer = page.GetByRole(AriaRole.Link, new() { Name = "Lễ tuyên dương" }).First;
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await offer.ClickAsync();

        // The form comes prefilled from the round (19/5, its occasion) and the decision (programme); only the place is asked.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lập lễ tuyên dương" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("decision-facts")).ToContainTextAsync("-QĐ/");
        await Assertions.Expect(page.GetByLabel("Chương trình (mỗi mục một dòng, theo thứ tự)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Trao khen thưởng"));
        await page.GetByLabel("Địa điểm").FillAsync("Hội trường Đảng ủy, tầng 3");
        await Accessible(page, problems);
        await Shoot(page, "ceremony-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập lễ tuyên dương và danh sách mời" }).ClickAsync();

        // The invitation list built from the decision: the commended in the front rows, their units' leaders behind.
        await Assertions.Expect(page.GetByText("Đã lập lễ tuyên dương và danh sách mời từ quyết định.")).ToBeVisibleAsync();
        var guests = page.GetByTestId("guests");
        await Assertions.Expect(guests).ToContainTextAsync("A01");
        await Assertions.Expect(guests).ToContainTextAsync("Lãnh đạo đơn vị");
        await Assertions.Expect(page.GetByTestId("presentation-order")).ToContainTextAsync("-QĐ/");
        await Assertions.Expect(page.GetByTestId("programme")).ToContainTextAsync("Chào cờ");
        await Accessible(page, problems);
        await Shoot(page, "ceremony-details");

        // The invitations: one Word file, one "GIẤY MỜI" per guest.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Giấy mời (Word)" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"giay-moi-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        try
        {
            using var word = WordprocessingDocument.Open(path, false);
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            var invited = await guests.Locator("tbody tr").CountAsync();
            Assert.True(System.Text.RegularExpressions.Regex.Count(text, "GIẤY MỜI") >= invited, "fewer invitations than guests on the first page of the list");
            Assert.Contains("Hội trường Đảng ủy, tầng 3", text, StringComparison.Ordinal);
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        // The hour moved: corrected from the page's own form, which the secretariat opens on demand.
        await page.GetByText("Sửa thông tin buổi lễ").ClickAsync();
        await page.GetByLabel("Giờ", new() { Exact = true }).FillAsync("14:00");
        await Accessible(page, problems);
        await Shoot(page, "ceremony-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin buổi lễ" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã sửa thông tin buổi lễ.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("14:00, ngày")).ToBeVisibleAsync();

        // The ceremony is in the list and on the round's dashboard.
        await page.GotoAsync("/Ceremonies");
        await Assertions.Expect(page.GetByTestId("ceremonies")).ToContainTextAsync("Hội trường Đảng ủy, tầng 3");
        await Accessible(page, problems);
        await Shoot(page, "ceremony-index");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
