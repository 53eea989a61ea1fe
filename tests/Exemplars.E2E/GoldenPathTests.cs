using Microsoft.Playwright;
using MiniExcelLibs;

namespace Exemplars.E2E;

public sealed class GoldenPathTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Grassroots_clerk_signs_in_and_sees_only_their_own_unit()
    {
        var page = await app.SignedInPage("coso1@demo.vn");
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("Đảng bộ Sở Tài chính");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

        await page.GoAsync("Hồ sơ", "Tổ chức");
        var codes = await page.Locator("table[data-testid=organizations] tbody tr td:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.StartsWith("CS001", c, StringComparison.Ordinal));
        Assert.Contains("CS001", codes);

        await page.GetByLabel("Tìm theo tên hoặc mã").FillAsync("y te");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Không có tổ chức nào phù hợp.")).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Người dùng" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/Users");
        Assert.Contains("/Account/AccessDenied", page.Url, StringComparison.Ordinal);
        Assert.NotNull(response);
    }

    [Fact]
    public async Task Pages_fit_a_phone_screen_and_work_from_the_keyboard()
    {
        var context = await app.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByLabel("Thư điện tử")).ToBeFocusedAsync(); // the form is ready to type into
        await page.GetByLabel("Thư điện tử").FillAsync("coso1@demo.vn");
        await page.GetByLabel("Mật khẩu").FillAsync("Demo@2025-Khoi");
        await page.GetByLabel("Mật khẩu").PressAsync("Enter");
        await page.ArriveAtAsync(app.BaseUrl + "/");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
        foreach (var url in new[] { "/", "/Organizations", "/People", "/Nominations" })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a 375px phone");
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mở menu" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hồ sơ", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ đề nghị", Exact = true })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task Admin_signs_in_and_imports_organisations_from_xlsx()
    {
        var code = "E2E" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var file = Path.Combine(Path.GetTempPath(), $"to-chuc-{code}.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object?>
            {
                ["Mã tổ chức"] = code, ["Tên tổ chức"] = "Chi bộ Công ty TNHH Điện tử Quang Minh", ["Loại tổ chức"] = "Tổ chức cơ sở đảng",
                ["Loại hình"] = "Doanh nghiệp ngoài nhà nước", ["Mã tổ chức cấp trên"] = "DUK", ["Địa chỉ"] = "Khu công nghiệp Tịnh Phong",
            },
        }, overwriteFile: true);
        try
        {
            var page = await app.SignedInPage("admin@demo.vn");
            await page.GetByRole(AriaRole.Link, new() { Name = "Nhập tổ chức từ Excel" }).ClickAsync();
            await page.GetByLabel("Tệp Excel (.xlsx, tối đa 10 MB)").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("thêm mới 1");

            await page.GotoAsync("/Organizations?search=quang%20minh");
            await Assertions.Expect(page.Locator("table[data-testid=organizations]")).ToContainTextAsync("Chi bộ Công ty TNHH Điện tử Quang Minh");
            await page.GetByRole(AriaRole.Link, new() { Name = "Chi bộ Công ty TNHH Điện tử Quang Minh" }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Doanh nghiệp ngoài nhà nước");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
