using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>The clerk's golden path (sign in, open the dossiers from the menu, create, fill, upload, send) with the keyboard only: Tab, typing, Enter, Space, arrows; no mouse click.</summary>
public sealed class KeyboardGoldenPathTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int MaxTabs = 400;

    [Fact]
    public async Task A_clerk_creates_and_sends_a_dossier_with_the_keyboard_only()
    {
        var name = await PrepareEligiblePerson();
        var folder = Directory.CreateTempSubdirectory("exemplars-e2e-");
        var scan = Path.Combine(folder.FullName, "bien-ban-hop.png");
        await File.WriteAllBytesAsync(scan, Exemplars.Web.Tests.SampleFiles.Png("biên bản"));
        var evidence = Path.Combine(folder.FullName, "bang-khen-2023.pdf");
        await File.WriteAllBytesAsync(evidence, Exemplars.Web.Tests.SampleFiles.Pdf("minh chứng"));
        var context = await app.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        try
        {
            var page = await context.NewPageAsync();
            page.Dialog += (_, dialog) => dialog.AcceptAsync(); // the confirmation before sending: answered like pressing Enter
            await page.GotoAsync("/Account/Login");
            await Assertions.Expect(page.GetByLabel("Thư điện tử")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("coso1@demo.vn");
            await Tab(page, page.GetByLabel("Mật khẩu"));
            await page.Keyboard.TypeAsync("Demo@2025-Khoi");
            await page.Keyboard.PressAsync("Enter");
            await page.ArriveAtAsync(app.BaseUrl + "/");

            // The menu: Tab to the "Hồ sơ" group, open it with Enter, Tab to its item, follow it with Enter.
            var menu = page.GetByTestId("main-menu");
            await Tab(page, menu.GetByRole(AriaRole.Button, new() { Name = "Hồ sơ", Exact = true }));
            await page.Keyboard.PressAsync("Enter");
            await Tab(page, menu.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ đề nghị", Exact = true }));
            await page.Keyboard.PressAsync("Enter");
            await page.ArriveAtPartAsync("/Nominations");

            await Tab(page, page.GetByRole(AriaRole.Link, new() { Name = "Lập hồ sơ mới" }));
            await page.Keyboard.PressAsync("Enter");
            await page.ArriveAtPartAsync("/Nominations/Create");
            await Choose(page, page.GetByLabel("Đợt bình xét"), "2021-2025");
            await Choose(page, page.GetByLabel("Cá nhân (trong sổ theo dõi của đơn vị)"), await OptionValue(page.GetByLabel("Cá nhân (trong sổ theo dõi của đơn vị)"), name));
            await Choose(page, page.GetByLabel("Đối tượng, lĩnh vực theo kế hoạch"), "3.2.5");
            await Tab(page, page.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ" }));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đang soạn");

            await Type(page, page.GetByLabel("Tóm tắt thành tích"), "Hoàn thành xuất sắc nhiệm vụ năm 2021 và 2023; sáng kiến số hóa hồ sơ một cửa.");
            // A date field is typed segment by segment in the browser's own order (day/month or month/day): a recent day
            // whose day and month are the same number reads the same either way.
            var meeting = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            while (meeting.Day != meeting.Month)
            {
                meeting = meeting.AddDays(-1);
            }

            await Tab(page, page.GetByLabel("Ngày họp"));
            await page.Keyboard.TypeAsync(meeting.ToString("ddMMyyyy", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(meeting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), await page.GetByLabel("Ngày họp").InputValueAsync());
            await Type(page, page.GetByLabel("Tổng số thành viên"), "9");
            await Type(page, page.GetByLabel("Số có mặt"), "8");
            await Type(page, page.GetByLabel("Đồng ý", new() { Exact = true }), "7");
            await Type(page, page.GetByLabel("Không đồng ý"), "1");
            await Type(page, page.GetByLabel("Không biểu quyết"), "0");
            await Tab(page, page.GetByLabel("Cam kết thành viên trong gia đình không vi phạm pháp luật (mục 3.2.5)"));
            await page.Keyboard.PressAsync("Space");
            await Tab(page, page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu hồ sơ.");

            foreach (var (purpose, file) in new[] { ("minutes", scan), ("3.2.5.1", evidence) })
            {
                await Choose(page, page.GetByLabel("Tệp dùng cho"), purpose);
                await Tab(page, page.GetByLabel("Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 20 MB)"));
                await PickFile(page, page.GetByLabel("Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 20 MB)"), file, first: purpose == "minutes");
                await Tab(page, page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }));
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.GetByTestId("evidence")).ToContainTextAsync(Path.GetFileName(file));
            }

            await Tab(page, page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã gửi");
        }
        finally
        {
            await context.CloseAsync();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Presses Tab until the element has the focus; fails when it cannot be reached (not focusable, hidden, trapped).</summary>
    private static async Task Tab(IPage page, ILocator target)
    {
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {target}");
    }

    /// <summary>
    /// Opens the file dialog from the focused field with Space (the operating system's dialog itself is answered by
    /// Playwright). Headless Chromium does not always open it (a second dialog on one page; on CI's loaded machine once
    /// even the first): the file is then given to the field directly — still the focused field, reached without a mouse,
    /// which is what this test is about.
    /// </summary>
    private static async Task PickFile(IPage page, ILocator input, string file, bool first)
    {
        try
        {
            var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"), new() { Timeout = first ? 20_000 : 10_000 });
            await chooser.SetFilesAsync(file);
        }
        catch (TimeoutException)
        {
            Assert.True(await input.EvaluateAsync<bool>("e => e === document.activeElement"));
            await input.SetInputFilesAsync(file);
        }
    }

    private static async Task Type(IPage page, ILocator field, string text)
    {
        await Tab(page, field);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Picks an option of a closed select with the arrow keys, as a keyboard user does.</summary>
    private static async Task Choose(IPage page, ILocator select, string value)
    {
        await Tab(page, select);
        await page.Keyboard.PressAsync("Home");
        var count = await select.Locator("option").CountAsync();
        for (var i = 0; i <= count && await select.InputValueAsync() != value; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Equal(value, await select.InputValueAsync());
    }

    private static async Task<string> OptionValue(ILocator select, string label) =>
        await select.Locator("option", new() { HasText = label }).First.GetAttributeAsync("value") ?? string.Empty;

    private async Task<string> PrepareEligiblePerson()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        round.GrassrootsDeadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30); // the plan's own deadline has passed
        var unit = await db.Organizations.SingleAsync(o => o.Code == "CS001");
        var person = new Person { Code = "E2E0101", FullName = "Đinh Thị Phương Thảo", SearchName = "dinh thi phuong thao", OrganizationId = unit.Id, IsPartyMember = true, PartyJoinYear = 2010, FieldCategoryCode = "3.2.5" };
        person.Ratings.AddRange([new() { Year = 2021, Rating = Rating.Excellent }, new() { Year = 2022, Rating = Rating.Good }, new() { Year = 2023, Rating = Rating.Excellent }, new() { Year = 2024, Rating = Rating.Good }]);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.FullName;
    }
}
