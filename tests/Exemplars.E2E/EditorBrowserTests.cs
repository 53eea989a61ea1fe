using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>The rich-text editor (Quill) on the dossier's report and the showcase stories: paste from Word, the CSP, the no-script fallback.</summary>
public sealed class EditorBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Shots = "/tmp/shots/files-stories";

    /// <summary>What Word puts on the clipboard for two paragraphs, a bulleted list and a table (trimmed, same shape).</summary>
    private const string WordHtml =
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">"
        + "<head><meta charset=\"utf-8\"><style>p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;} @list l0:level1{mso-level-number-format:bullet;mso-level-text:\\F0B7;mso-level-tab-stop:none;}</style></head><body lang=VI>"
        + "<!--StartFragment--><p class=MsoNormal style='margin-bottom:6.0pt;text-align:justify'><b><span style='font-size:13.0pt'>Thành tích nổi bật</span></b> trong năm 2024.</p>"
        + "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Chủ trì sáng kiến số hóa hồ sơ</p>"
        + "<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Hướng dẫn 12 đảng viên trẻ</p>"
        + "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>"
        + "<tr><td width=200 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'><p class=MsoNormal>Năm</p></td><td width=300 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal>Danh hiệu</p></td></tr>"
        + "<tr><td width=200 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal>2024</p></td><td width=300 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal>Chiến sĩ thi đua cơ sở</p></td></tr></table>"
        + "<p class=MsoNormal>Đoạn kết của báo cáo.</p><!--EndFragment--></body></html>";

    private async Task<int> DraftDossier(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        round.GrassrootsDeadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var unit = await db.Organizations.SingleAsync(o => o.Code == "CS001");
        var person = new Person { Code = code, FullName = "Đặng Thu Hà " + code, SearchName = "dang thu ha", OrganizationId = unit.Id, IsPartyMember = true, PartyJoinYear = 2012, FieldCategoryCode = "3.2.5" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var nomination = new Nomination
        {
            RoundId = round.Id, OrganizationId = unit.Id, Kind = NomineeKind.Individual, PersonId = person.Id, NomineeKey = Nomination.KeyOf(NomineeKind.Individual, person.Id),
            NomineeName = person.FullName, CategoryCode = "3.2.5", Status = NominationStatus.Draft, CreatedAtUtc = DateTime.UtcNow,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    private async Task<string?> ReportOf(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Nominations.Where(n => n.Id == id).Select(n => n.ReportHtml).SingleAsync();
    }

    /// <summary>Records every Content-Security-Policy violation the page reports, from the first script on.</summary>
    private static async Task<List<string>> WatchCsp(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + e.sample));");
        return violations;
    }

    private static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        foreach (var width in new[] { 390, 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = $"{Shots}/{name}-{width}.png", FullPage = true });
        }

        await page.SetViewportSizeAsync(1366, 900);
    }

    [Fact]
    public async Task Pasting_from_word_keeps_paragraphs_lists_and_tables_under_the_csp()
    {
        var id = await DraftDossier("ED00001");
        var page = await app.SignedInPage("coso1@demo.vn");
        var violations = await WatchCsp(page);
        await page.GotoAsync($"/Nominations/Edit/{id}");
        var editor = page.Locator(".rich-editor .ql-editor");
        await Assertions.Expect(editor).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("textarea#reportHtml")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Báo cáo chi tiết" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "In đậm" })).ToBeVisibleAsync();

        await editor.ClickAsync();
        await page.EvaluateAsync(@"html => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', 'Thành tích nổi bật');
            document.querySelector('.rich-editor .ql-editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", WordHtml);
        await Assertions.Expect(editor.Locator("table td")).ToHaveCountAsync(4);
        await Assertions.Expect(editor.Locator("li")).ToHaveCountAsync(2);
        await Shoot(page, "nomination-edit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu hồ sơ.");
        var stored = await ReportOf(id);
        Assert.NotNull(stored);
        Assert.Contains("Thành tích nổi bật", stored, StringComparison.Ordinal);
        Assert.Matches("<(strong|b)>Thành tích nổi bật</(strong|b)>", stored);
        Assert.True(stored.Contains("<ul><li>Chủ trì sáng kiến số hóa hồ sơ</li><li>Hướng dẫn 12 đảng viên trẻ</li></ul>", StringComparison.Ordinal), stored);
        Assert.Contains("<td>2024</td>", stored, StringComparison.Ordinal);
        Assert.Contains("<p>Đoạn kết của báo cáo.</p>", stored, StringComparison.Ordinal);
        var tags = System.Text.RegularExpressions.Regex.Matches(stored, "</?([a-z0-9]+)").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(HtmlCleaner.AllowedTags.ToHashSet(), tags); // what the DOCX renderer handles
        Assert.DoesNotContain("style", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Mso", stored, StringComparison.Ordinal);

        await page.ReloadAsync(); // the saved report comes back into the editor with its table
        await Assertions.Expect(editor.Locator("table td")).ToHaveCountAsync(4);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Without_scripts_the_report_is_a_plain_textarea_whose_lines_are_kept()
    {
        var id = await DraftDossier("ED00002");
        var context = await app.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Thư điện tử").FillAsync("coso1@demo.vn");
        await page.GetByLabel("Mật khẩu").FillAsync("Demo@2025-Khoi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GotoAsync($"/Nominations/Edit/{id}");
        var area = page.GetByLabel("Báo cáo chi tiết");
        await Assertions.Expect(area).ToBeVisibleAsync();
        await area.FillAsync("Đoạn một\ndòng hai\n\nĐoạn ba");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
        Assert.Equal("<p>Đoạn một<br>dòng hai</p><p>Đoạn ba</p>", await ReportOf(id));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Showcase_manage_page_edits_stories_in_the_editor_under_the_csp()
    {
        int nominationId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            nominationId = await DraftDossier("ED00003");
            var nomination = await db.Nominations.SingleAsync(n => n.Id == nominationId);
            nomination.Status = NominationStatus.Verified;
            var decision = new Decision { Issuer = "ĐUK", Year = 2025, Number = 77, Type = DocumentType.Decision, Title = "Quyết định khen thưởng", Date = new DateOnly(2025, 5, 19), Signer = "Phạm Thị Tố Loan", CreatedBy = "seed" };
            decision.Awards.Add(new Award { NominationId = nomination.Id, RecipientName = nomination.NomineeName, AwardType = "Giấy khen" });
            db.Decisions.Add(decision);
            await db.SaveChangesAsync();
        }

        var page = await app.SignedInPage("tgdv@demo.vn");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var violations = await WatchCsp(page);
        await page.GotoAsync("/Showcase/Manage");
        var card = page.GetByTestId($"story-{nominationId}");
        await card.GetByText("Viết bài").ClickAsync();
        await card.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync("Người giữ lửa phong trào");
        var editor = card.Locator(".rich-editor .ql-editor");
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Chị là người giữ lửa.");
        await Shoot(page, "showcase-manage");
        await card.GetByRole(AriaRole.Button, new() { Name = "Lưu và duyệt đăng" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId($"story-{nominationId}").GetByTestId("state")).ToHaveTextAsync("Đang đăng công khai");
        await Shoot(page, "showcase-manage-published");
        Assert.Empty(violations);
    }
}
