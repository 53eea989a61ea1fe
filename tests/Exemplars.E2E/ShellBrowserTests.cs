using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>
/// Every page every role can reach from the menu (and one detail page behind each list) is checked in Chromium:
/// no serious or critical axe-core violation (WCAG 2.1 AA), no sideways scroll on a 390 px phone, no English words,
/// codes or hashes in the visible text. The menu stays on one line on wide screens. Screenshots of the main pages at
/// 390, 1366 and 1920 px are saved under TestResults/screenshots/ for people to look at.
/// </summary>
public sealed partial class ShellBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// The demo accounts, one per role (and a branch clerk beside the bloc association's); null is a visitor who has not
    /// signed in. Two lanes of about the same number of pages run side by side, one browser page each: axe-core's checks
    /// run in the page's own renderer, so the two cores both work.
    /// </summary>
    private static readonly string?[][] Lanes =
    [
        ["admin@demo.vn", "coso1@demo.vn", "doankhoi@demo.vn", "chidoan1@demo.vn"],
        ["tgdv@demo.vn", "btv1@demo.vn", "tinhuy@demo.vn", null],
    ];

    /// <summary>Accounts whose pages are also photographed at three widths.</summary>
    private static readonly string?[] Photographed = ["admin@demo.vn", "coso1@demo.vn", "chidoan1@demo.vn", null];

    private static readonly string[] PublicPages = ["/Showcase", "/PublicComments/Candidates", "/Account/Login"];

    /// <summary>Links from a list to the record behind it: the detail pages that need an id, picked from demo data.</summary>
    private const string DetailLinks =
        "main a[href*='/Details'], main a[href*='/View'], main a[href*='/Selection'], main a[href*='/Certificates'], main a[href*='/Edit']";

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestResults", "screenshots");

    /// <summary>An address that answers 404 with the error page (which must be as readable as any other page).</summary>
    private const string MissingRecord = "/Showcase/Details/987654";

    /// <summary>Task pages reached from a record rather than the menu (the bloc report's assessment, a dossier's sent files), and two menu pages photographed as the secretariat sees them.</summary>
    private async Task<List<string>> SecretariatTaskPages()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Exemplars.Web.Infrastructure.Data.AppDbContext>();
        var period = await db.ReportingPeriods.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var sent = await db.Nominations.Where(n => n.SubmissionCount > 0).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync();
        var decision = await db.Decisions.Where(d => d.Awards.Any()).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        // The certificates' offer (the register's buttons post straight to it) and the error page, shown for a missing record.
        return [$"/Reports/Bloc?periodId={period}", $"/Nominations/SentFiles/{sent}", $"/Documents/Certificates?id={decision}", MissingRecord, "/Discovery", "/Dashboard"];
    }

    [Fact]
    public async Task Every_page_of_every_role_is_accessible_fits_a_phone_and_speaks_Vietnamese()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var visited = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var contrastChecked = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        await Task.WhenAll(Lanes.Select(async lane =>
        {
            foreach (var account in lane)
            {
                await CheckAccount(account, problems, visited, contrastChecked);
            }
        }));

        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems.Prepend("Pages checked:" + Environment.NewLine + string.Join(Environment.NewLine, visited))));
    }

    private async Task CheckAccount(string? account, System.Collections.Concurrent.ConcurrentQueue<string> problems, System.Collections.Concurrent.ConcurrentQueue<string> visited,
        System.Collections.Concurrent.ConcurrentDictionary<string, bool> contrastChecked)
    {
        var page = account is null ? await Visitor() : await app.SignedInPage(account);
        await page.SetViewportSizeAsync(1366, 900);
        var who = account?.Split('@')[0] ?? "khach";
        var urls = account is null ? PublicPages.ToList() : await MenuLinks(page);
        urls.Insert(0, account is null ? "/Showcase" : "/");
        if (account is not null)
        {
            urls.Add("/Account/ChangePassword");
            urls.Add("/Account/TwoFactor");
        }

        // Pages reached from a list's buttons, not the menu: the secretariat's record pages, the registry imports.
        var tasks = account switch
        {
            "tgdv@demo.vn" => await SecretariatTaskPages(),
            "coso1@demo.vn" => ["/People/Import"],
            "admin@demo.vn" => ["/Organizations/Import"],
            _ => [],
        };

        // Colour contrast, by far axe's slowest rule, depends on the stylesheet rather than the role: judged on the first
        // visit of each page, whoever makes it; every other rule on every visit, except that the read-only roles (standing
        // committee, province), who see a subset of what the secretariat sees on the same page, leave axe to whoever came first.
        var reader = account is "btv1@demo.vn" or "tinhuy@demo.vn";
        Axe FirstVisit(string url) => contrastChecked.TryAdd(url.Split('?')[0], true) ? Axe.All : reader ? Axe.None : Axe.AllButContrast;
        var details = new List<string>();
        foreach (var url in urls.Distinct().ToList())
        {
            await Check(page, url, who, problems, FirstVisit(url));
            var link = page.Locator(DetailLinks).First;
            if (await link.CountAsync() > 0 && await link.GetAttributeAsync("href") is { } href && !href.Contains("handler=", StringComparison.Ordinal))
            {
                details.Add(href);
            }

            if (Photographed.Contains(account))
            {
                await Photograph(page, who, url);
            }
        }

        foreach (var url in details.Distinct())
        {
            await Check(page, url, who, problems, FirstVisit(url));
        }

        foreach (var url in tasks)
        {
            await Check(page, url, who, problems, FirstVisit(url));
            await Photograph(page, who, url);
        }

        visited.Enqueue($"{who}: {string.Join(" ", urls.Concat(details).Concat(tasks).Distinct())}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_menu_is_one_line_on_wide_screens_marks_the_current_page_and_folds_on_a_phone()
    {
        var page = await app.SignedInPage("admin@demo.vn");
        await page.GotoAsync("/Organizations");
        foreach (var width in new[] { 1024, 1280, 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var height = await page.EvaluateAsync<double>("() => document.querySelector('header nav').getBoundingClientRect().height");
            Assert.True(height <= 72, $"the menu is {height}px tall at {width}px (one line is about 56px)");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"sideways scroll at {width}px");
        }

        // The current page is marked for screen readers, and its group is shown as active.
        var current = page.Locator("header [aria-current=page]");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        await Assertions.Expect(current).ToHaveTextAsync("Tổ chức");
        await Assertions.Expect(page.GetByTestId("main-menu").GetByRole(AriaRole.Button, new() { Name = "Hồ sơ", Exact = true })).ToHaveClassAsync(new Regex("active"));

        // A detail page has breadcrumbs back to its list.
        await page.Locator("table[data-testid=organizations] tbody a[href*='/Organizations/Details']").First.ClickAsync();
        var crumbs = page.Locator("nav[aria-label='Đường dẫn']");
        await Assertions.Expect(crumbs.GetByRole(AriaRole.Link, new() { Name = "Tổ chức", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(crumbs.Locator("[aria-current=page]")).Not.ToBeEmptyAsync();

        // On a phone the menu folds behind one button and opens on demand.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.GetByTestId("main-menu")).ToBeHiddenAsync();
        await page.GoAsync("Báo cáo", "Báo cáo định kỳ");
        await page.ArriveAtPartAsync("/Reports");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> Visitor()
    {
        var context = await app.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        return await context.NewPageAsync();
    }

    private static async Task<List<string>> MenuLinks(IPage page)
    {
        var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('[data-testid=main-menu] a.dropdown-item')).map(a => a.getAttribute('href'))");
        return links.ToList();
    }

    /// <summary>Which axe-core rules a visit runs.</summary>
    private enum Axe
    {
        All,
        AllButContrast,
        None,
    }

    private static async Task Check(IPage page, string url, string who, System.Collections.Concurrent.ConcurrentQueue<string> problems, Axe rules)
    {
        await page.SetViewportSizeAsync(1366, 900);
        var response = await page.GotoAsync(url);
        var expected = url == MissingRecord ? 404 : 200;
        if (response is null || (response.Status >= 400 && response.Status != expected) || page.Url.Contains("/Account/AccessDenied", StringComparison.Ordinal))
        {
            problems.Enqueue($"{who} {url}: the menu offers a page that does not open ({response?.Status}, {page.Url})");
            return;
        }

        if (rules != Axe.None)
        {
            var axe = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
                Rules = rules == Axe.All ? null : new Dictionary<string, RuleOptions> { ["color-contrast"] = new RuleOptions { Enabled = false } },
            });
            foreach (var violation in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                problems.Enqueue($"{who} {url}: axe {violation.Impact} {violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
            }
        }

        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        foreach (var word in Foreign(text))
        {
            problems.Enqueue($"{who} {url}: not Vietnamese on screen: \"{word}\"");
        }

        await page.SetViewportSizeAsync(390, 844);
        try
        {
            // Charts and other scripted parts redraw for the new width a moment later.
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth", null, new() { Timeout = 3000 });
        }
        catch (TimeoutException)
        {
            // measured and reported below
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            var culprits = await page.EvaluateAsync<string[]>(Overflowing);
            problems.Enqueue($"{who} {url}: {overflow}px of sideways scroll on a 390px phone, from {string.Join(", ", culprits)}");
        }

        foreach (var squeezed in await page.EvaluateAsync<string[]>(Squeezed))
        {
            problems.Enqueue($"{who} {url}: a table cell squeezed to a few letters a line on a 390px phone: {squeezed}");
        }
    }

    /// <summary>Table cells of a longer text squeezed narrower than a short word (they wrap a word or less per line).</summary>
    private const string Squeezed = """
        () => Array.from(document.querySelectorAll('main td'))
            .filter(td => td.offsetParent !== null && td.getBoundingClientRect().width < 88 && td.innerText.trim().length > 24)
            .slice(0, 3)
            .map(td => (td.closest('table').dataset.testid || 'table') + ' "' + td.innerText.trim().slice(0, 30) + '" ' + Math.round(td.getBoundingClientRect().width) + 'px')
        """;

    /// <summary>The innermost elements that stick out on the right, to say where a sideways scroll comes from.</summary>
    private const string Overflowing = """
        () => {
            const width = document.documentElement.clientWidth;
            const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
            const wide = Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > width + 1 && !clipped(e));
            const spilling = Array.from(document.querySelectorAll('body *')).filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && !clipped(e));
            return wide.filter(e => !wide.some(o => o !== e && e.contains(o))).concat(spilling.filter(e => !spilling.some(o => o !== e && e.contains(o)))).slice(0, 6)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
        }
        """;

    /// <summary>English words, codes and hashes in a page's visible text (e-mail addresses and file names aside).</summary>
    public static IEnumerable<string> Foreign(string text)
    {
        var cleaned = Addresses().Replace(text, " ");
        return EnglishWords().Matches(cleaned).Select(m => m.Value)
            .Concat(Hashes().Matches(cleaned).Select(m => m.Value))
            .Concat(CriterionCodes().Matches(cleaned).Select(m => m.Value))
            .Distinct();
    }

    private static async Task Photograph(IPage page, string who, string url)
    {
        var name = who + "-" + (url.Trim('/').Length == 0 ? "trang-chu" : Regex.Replace(url.Trim('/'), "[^A-Za-z0-9]+", "-")).ToLowerInvariant();
        foreach (var width in new[] { 390, 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 1000);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        }
    }

    [GeneratedRegex(@"\b(minutes|draft|submitted|pending|approved|rejected|returned|accepted|withdrawn|null|true|false|undefined|NaN|index|details|edit|delete|save|cancel|search|next|previous|error|exception|leader|member|employee|checksum|organi[sz]ation|nomination|ballot|status|round|category|individual|collective|secretariat|grassroots|clerk|province|viewer|unknown|page|submit|login|logout|password|dashboard|tracker|showcase|replication|discovery|excellent|good|completed|failed|passed|open|closed|yes)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"\b(SHA-?256|[0-9a-f]{12,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hashes();

    /// <summary>A criterion shown by its code with an English part ("3.2.leader") instead of its name.</summary>
    [GeneratedRegex(@"\b\d+(\.\d+)*\.[a-z_]{2,}\b")]
    private static partial Regex CriterionCodes();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+|\b[\w-]+\.(pdf|docx|xlsx|png|jpg|jpeg)\b|https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Addresses();
}
