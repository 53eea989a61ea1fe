using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>The dashboard's charts are drawn in a real browser under the app's strict CSP, and each table sits beside (or, on a phone, below) its chart.</summary>
public sealed class DashboardBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string RecordViolations =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));";

    private const string ChartsDrawn =
        "() => Array.from(document.querySelectorAll('canvas[data-chart]')).filter(c => window.Chart && window.Chart.getChart(c) && c.width > 0 && c.height > 0).length";

    [Fact]
    public async Task Secretariat_follows_the_tracker_link_and_every_chart_is_drawn_without_breaking_the_CSP()
    {
        var page = await app.SignedInPage("tgdv@demo.vn");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.AddInitScriptAsync(RecordViolations);

        await page.GotoAsync("/Review/Tracker?round=2021-2025");
        await page.GetByTestId("dashboard-link").ClickAsync();
        await page.ArriveAtPartAsync("/Dashboard?round=2021-2025");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Số liệu đợt bình xét", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(ChartsDrawn + " === 6");
        Assert.Equal(6, await page.Locator("main table caption").CountAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__violations"));
        Assert.Empty(errors);

        // On a wide screen the table is beside its chart.
        await page.SetViewportSizeAsync(1400, 900);
        var chart = await page.Locator("#chart-status").BoundingBoxAsync();
        var table = await page.Locator("#table-status").BoundingBoxAsync();
        Assert.True(table!.X >= chart!.X + chart.Width, "the status table should stand to the right of its chart");

        // On a phone it stacks below, and nothing overflows the screen.
        await page.SetViewportSizeAsync(375, 740);
        await page.WaitForFunctionAsync("() => document.querySelector('#chart-status').getBoundingClientRect().width < 375");
        chart = await page.Locator("#chart-status").BoundingBoxAsync();
        table = await page.Locator("#table-status").BoundingBoxAsync();
        Assert.True(table!.Y >= chart!.Y + chart.Height, "the status table should stand below its chart on a phone");
        // Chart.js resizes its canvases from a ResizeObserver, a frame or two after the viewport changes: wait for it, then name what still overflows.
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new() { Timeout = 20000 }); // under the full suite's load the observer can lag
        }
        catch (TimeoutException)
        {
            var wide = await page.EvaluateAsync<string[]>(
                "() => Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
            Assert.Fail("the dashboard is wider than a 375px phone: " + string.Join(", ", wide));
        }
        await page.Context.CloseAsync();
    }
}
