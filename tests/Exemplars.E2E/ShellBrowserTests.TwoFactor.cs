using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Exemplars.E2E;

public sealed partial class ShellBrowserTests
{
    /// <summary>
    /// A clerk turns on two-step sign-in from the account menu as a person would (key read off the page, the code an
    /// authenticator app would show typed in), then signs out and in again through the second step (ADR 025). Both
    /// pages are checked with axe and the Vietnamese-only check, and photographed at three widths.
    /// </summary>
    [Fact]
    public async Task A_clerk_turns_on_two_step_sign_in_from_the_menu_and_signs_in_with_a_code()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var page = await app.SignedInPage("coso2@demo.vn");
        await page.Locator("nav .dropdown-toggle").Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Xác thực hai bước" }).ClickAsync();
        await page.ArriveAtAsync(new Regex("/Account/TwoFactor$"));
        await Check(page, "/Account/TwoFactor", "coso2", problems, Axe.All);
        await Photograph(page, "coso2", "/Account/TwoFactor");
        var key = await page.Locator("[data-testid=authenticator-key]").InnerTextAsync();
        await page.GetByLabel("Mã xác thực").FillAsync(Exemplars.Web.Tests.Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bật xác thực hai bước" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);
        await Photograph(page, "coso2", "/Account/TwoFactor-da-bat");

        await page.Locator("nav .dropdown-toggle").Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.GetByLabel("Thư điện tử").FillAsync("coso2@demo.vn");
        await page.GetByLabel("Mật khẩu").FillAsync("Demo@2025-Khoi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.ArriveAtPartAsync("/Account/LoginTwoFactor");
        await Check(page, "/Account/LoginTwoFactor", "coso2", problems, Axe.All);
        await Photograph(page, "coso2", "/Account/LoginTwoFactor");
        await page.GetByLabel("Mã xác thực").FillAsync(Exemplars.Web.Tests.Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await page.ArriveAtAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.Locator("[data-testid=current-user]")).ToContainTextAsync("Cán bộ cấp ủy cơ sở");
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }
}
