using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>
/// Issue 12 point 10, as a new user sees it: the demo's finished 2021–2025 rounds show in the register, the ballots list and
/// the public showcase (stories with their photos loaded). Screenshots at 390, 1366 and 1920 px go to the test results
/// (or EXEMPLARS_SHOTS) for review.
/// </summary>
public sealed class DemoHistoryBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Shots = Environment.GetEnvironmentVariable("EXEMPLARS_SHOTS")
        ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestResults", "screenshots", "demo-history");

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

    [Fact]
    public async Task A_new_user_sees_the_finished_rounds_in_the_register_the_ballots_and_the_showcase()
    {
        var secretariat = await app.SignedInPage("tgdv@demo.vn");
        await secretariat.GotoAsync("/Decisions");
        await Assertions.Expect(secretariat.GetByText("02-QĐ/ĐUK").First).ToBeVisibleAsync();
        await Assertions.Expect(secretariat.GetByText("01-TTr/ĐUK").First).ToBeVisibleAsync();
        await Shoot(secretariat, "decisions-secretariat");

        await secretariat.GotoAsync("/Ballots");
        await Assertions.Expect(secretariat.GetByText("Bỏ phiếu kín lựa chọn gương điển hình tiêu biểu giai đoạn 2021 - 2025").First).ToBeVisibleAsync();
        await Shoot(secretariat, "ballots-secretariat");

        await secretariat.GotoAsync("/Ballots/Selection?round=2021-2025");
        await Shoot(secretariat, "selection-2021-2025-secretariat");
        await secretariat.GotoAsync("/Showcase");
        await Shoot(secretariat, "showcase-secretariat");
        await secretariat.GotoAsync("/");
        await Shoot(secretariat, "home-secretariat");

        var context = await app.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/Showcase");
        var photos = anonymous.Locator("img.card-img-top");
        Assert.True(await photos.CountAsync() >= 8, "the public showcase shows the demo's stories with photos");
        await anonymous.LoadedAsync(LoadState.NetworkIdle);
        Assert.True(await anonymous.EvaluateAsync<bool>("() => [...document.querySelectorAll('img.card-img-top')].every(i => i.complete && i.naturalWidth > 0)"),
            "every photo loads");
        await Shoot(anonymous, "showcase-anonymous");
        await anonymous.GotoAsync("/");
        await Shoot(anonymous, "home-anonymous");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_secretariat_reads_a_demo_dossier_s_verification_with_criteria_by_name_and_opens_its_sent_files()
    {
        int id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Exemplars.Web.Infrastructure.Data.AppDbContext>();
            id = db.SentFiles.Where(f => f.CriterionCode != "minutes").OrderBy(f => f.Id).Select(f => f.Version!.NominationId).First();
        }

        var secretariat = await app.SignedInPage("tgdv@demo.vn");
        await secretariat.GotoAsync($"/Review/Verify/{id}");
        await Assertions.Expect(secretariat.Locator("[data-testid=verify-sent-file]").First).ToBeVisibleAsync();
        Assert.Equal(0, await secretariat.GetByText(new System.Text.RegularExpressions.Regex(@"Tiêu chí \d")).CountAsync());
        Assert.True(await secretariat.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll");
        await Shoot(secretariat, "verify-demo-dossier");
        await secretariat.SetViewportSizeAsync(390, 900);
        Assert.True(await secretariat.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll at 390 px");
        await secretariat.SetViewportSizeAsync(1366, 900);

        var href = await secretariat.Locator("[data-testid=verify-sent-file]").First.GetAttributeAsync("href");
        var response = await secretariat.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Equal("image/jpeg", response.Headers["content-type"]);
        var file = await secretariat.Context.NewPageAsync();
        await file.SetContentAsync($"<img alt=\"\" src=\"data:image/jpeg;base64,{Convert.ToBase64String(await response.BodyAsync())}\">");
        Directory.CreateDirectory(Shots);
        await file.ScreenshotAsync(new() { Path = Path.Combine(Shots, "demo-evidence-file.png"), FullPage = true });
    }
}
