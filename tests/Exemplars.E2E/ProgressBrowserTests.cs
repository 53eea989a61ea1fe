using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>
/// Issue 12, point 12: progress for anything over a second. A form post the server has not answered within a moment
/// says "Đang xử lý…" and disables its button, so the official neither waits in silence nor sends twice.
/// </summary>
public sealed class ProgressBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_slow_post_shows_that_it_is_being_processed_and_cannot_be_sent_twice()
    {
        var context = await app.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        var posts = 0;
        var release = new TaskCompletionSource();
        var held = new List<Task>();
        await page.RouteAsync("**/Account/Login**", route =>
        {
            if (route.Request.Method != "POST")
            {
                return route.ContinueAsync();
            }

            // The server is slow: the answer waits until the test has looked. Not awaited here, or Playwright's
            // message loop would wait with it.
            Interlocked.Increment(ref posts);
            held.Add(release.Task.ContinueWith(_ => route.ContinueAsync(), TaskScheduler.Default).Unwrap());
            return Task.CompletedTask;
        });

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Thư điện tử").FillAsync("tgdv@demo.vn");
        await page.GetByLabel("Mật khẩu").FillAsync("Demo@2025-Khoi");
        // While a navigation is pending Playwright waits for it before any locator or evaluation, so the page reports
        // what it shows through the console: once busy, it says so and tries to send the form a second time.
        var busy = new TaskCompletionSource<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith("BUSY", StringComparison.Ordinal))
            {
                busy.TrySetResult(message.Text);
            }
        };
        await page.EvaluateAsync("""
            () => {
                const button = document.querySelector('main form button[type=submit]');
                const watch = new MutationObserver(() => {
                    const status = document.getElementById('busy-status');
                    if (status && !status.hidden && status.textContent) {
                        watch.disconnect();
                        console.log(`BUSY|${status.getAttribute('role')}|${status.textContent}|${button.disabled}|${button.getAttribute('aria-busy')}`);
                        button.click();
                    }
                });
                watch.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
                button.click();
            }
            """);
        var seen = await busy.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("BUSY|status|Đang xử lý, xin chờ trong giây lát…|true|true", seen);
        await Task.Delay(500);
        Assert.Equal(1, Volatile.Read(ref posts));

        release.SetResult();
        await Task.WhenAll(held);
        await page.ArriveAtAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.Locator("#busy-status")).ToBeHiddenAsync();
        await context.CloseAsync();
    }
}
