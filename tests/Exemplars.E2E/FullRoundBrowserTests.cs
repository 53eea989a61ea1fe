using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>
/// Issue 12, "Done when": one whole round of the current demo plan (interim round 2026-2028, quota 5 collectives and 5
/// individuals, a candidate passes with more than half of the 9 standing-committee members) run in Chromium through the
/// pages only, each step started from the menu or a link on the page the official is on. Nothing is written to the
/// database by the test; the database is only read to check the outcome. Screenshots of the main pages at 390, 1366
/// and 1920 px go to TestResults/screenshots/full-round/ for review.
/// </summary>
public sealed class FullRoundBrowserTests(BrowserApp app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private void Step(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");

    private const string Round = "2026-2028";
    private const string BallotTitle = "Bỏ phiếu kín lựa chọn gương điển hình sơ kết 2026 - 2028";

    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestResults", "screenshots", "full-round");

    private static readonly string Today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private readonly List<string> _errors = [];

    private readonly List<IPage> _members = [];

    private sealed record Dossier(string Clerk, bool Collective, string Name, string Category);

    [Fact]
    public async Task A_whole_round_from_the_first_dossier_to_a_pledge_is_run_in_the_browser_by_pages_only()
    {
        Directory.CreateDirectory(Shots);
        var files = Directory.CreateTempSubdirectory("exemplars-full-round-");
        try
        {
            await RunRound(files.FullName);
        }
        finally
        {
            files.Delete(recursive: true);
        }
    }

    private async Task RunRound(string folder)
    {
        var minutes = Path.Combine(folder, "bien-ban-hop-binh-xet.png");
        var evidence = Path.Combine(folder, "minh-chung-thanh-tich.pdf");
        await File.WriteAllBytesAsync(minutes, Exemplars.Web.Tests.SampleFiles.Png("biên bản"));
        await File.WriteAllBytesAsync(evidence, Exemplars.Web.Tests.SampleFiles.Pdf("minh chứng"));

        Step("nominate");
        // 1. Three grassroots clerks pick eligible people (and one collective) from the suggestions page and send seven dossiers.
        var dossiers = new List<Dossier>();
        foreach (var (clerk, collectives) in new[] { ("coso1@demo.vn", 1), ("coso2@demo.vn", 0), ("coso3@demo.vn", 0) })
        {
            var page = await SignIn(clerk);
            var picked = await Suggestions(page, clerk, collectives, individuals: 2, shoot: clerk == "coso1@demo.vn");
            foreach (var dossier in picked)
            {
                await Nominate(page, dossier, minutes, evidence, shoot: dossiers.Count == 0);
                dossiers.Add(dossier);
            }

            await page.Context.CloseAsync();
        }

        var individuals = dossiers.Where(d => !d.Collective).Select(d => d.Name).ToList();
        var collective = dossiers.Single(d => d.Collective).Name;
        Assert.Equal(6, individuals.Count);
        Assert.Equal(6, individuals.Distinct().Count());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What the clerks sent: the report written in the editor (bold heading kept), the minutes' scan and one piece of evidence each.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var round = await db.Rounds.SingleAsync(r => r.Code == Round);
            var sent = await db.Nominations.Include(n => n.Evidence).Where(n => n.RoundId == round.Id).ToListAsync();
            Assert.Equal(dossiers.Select(d => d.Name).Order(), sent.Select(n => n.NomineeName).Order());
            Assert.All(sent, n =>
            {
                Assert.Equal(NominationStatus.Submitted, n.Status);
                Assert.Contains("<strong>Thành tích nổi bật</strong>", n.ReportHtml, StringComparison.Ordinal);
                Assert.Equal(2, n.Evidence.Count);
                Assert.Single(n.Evidence, e => e.CriterionCode == EvidenceFile.MinutesScan);
                Assert.NotNull(n.MinutesScanId);
            });
        }

        Step("verify");
        // 2. The secretariat verifies each sent dossier on its verification page, reached from the list of dossiers.
        var secretariat = await SignIn("tgdv@demo.vn");
        for (var i = 0; i < dossiers.Count; i++)
        {
            await Verify(secretariat, shoot: i == 0);
        }

        Assert.Equal(7, await Count(NominationStatus.Verified));

        Step("public comment");
        // 3. Public comment: opened for the verified candidates, seen by the public, then closed.
        await secretariat.GoAsync("Xét chọn", "Ý kiến góp ý");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Mở, kết thúc lấy ý kiến công khai" }).ClickAsync();
        var crumbs = await secretariat.GetByTestId("breadcrumbs").Locator("li").AllInnerTextsAsync();
        Assert.Equal(crumbs.Count, crumbs.Distinct().Count()); // not "Lấy ý kiến công khai / Lấy ý kiến công khai"
        await secretariat.GetByLabel("Đợt bình xét", new() { Exact = true }).SelectOptionAsync(Round);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        var openForm = secretariat.GetByTestId("open-form");
        foreach (var dossier in dossiers)
        {
            // Each label reads "name – unit"; a collective's name is also its unit's.
            await openForm.GetByLabel(new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(dossier.Name)} – ")).CheckAsync();
        }

        await Assertions.Expect(openForm.Locator("input[type=checkbox]:checked")).ToHaveCountAsync(7);

        await secretariat.GetByLabel("Từ ngày").FillAsync(Today);
        await secretariat.GetByLabel("Đến hết ngày").FillAsync(DateTime.UtcNow.AddHours(7).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Shoot(secretariat, "consultation-periods");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Mở lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã mở lấy ý kiến công khai");
        await Assertions.Expect(secretariat.GetByTestId("periods")).ToContainTextAsync("Đang lấy ý kiến");
        await PublicSees("Lấy ý kiến công khai", individuals[0]);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Kết thúc lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByTestId("periods")).ToContainTextAsync("Đã kết thúc");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Button, new() { Name = "Kết thúc lấy ý kiến" })).ToHaveCountAsync(0);

        Step("open ballot");
        // 4. The secretariat opens the ballot over the seven verified dossiers.
        await secretariat.GoAsync("Xét chọn", "Bỏ phiếu");
        await secretariat.GetByLabel("Đợt", new() { Exact = true }).SelectOptionAsync(Round);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Xem hồ sơ chờ bỏ phiếu" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("[data-testid=open-candidates] input:checked")).ToHaveCountAsync(7);
        await Assertions.Expect(secretariat.Locator("[data-testid=open-trustees] input:checked")).ToHaveCountAsync(3);
        await secretariat.GetByLabel("Tên cuộc bỏ phiếu").FillAsync(BallotTitle);
        await Shoot(secretariat, "ballots-open");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Mở cuộc bỏ phiếu" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Đã mở cuộc bỏ phiếu.")).ToBeVisibleAsync();

        Step("vote");
        // 5. Nine members vote; the three trustees first take their key shares. Four individuals and the collective get 9
        // approvals; the fifth and sixth individuals 7 each: a tie for the last of the 5 places for individuals.
        var (fifth, sixth) = (individuals[4], individuals[5]);
        var shares = await Vote(BallotTitle, (member, name) =>
            name == fifth ? member <= 7 : name == sixth ? member >= 3 : true, dossiers.Select(d => d.Name).ToList());
        Assert.Equal(3, shares.Count);

        Step("close, tie");
        // 6. Two trustees close the ballot with their shares; the selection page shows the tie and opens the run-off.
        await CloseByTrustees(BallotTitle, shares);
        await secretariat.GoAsync("Xét chọn", "Bỏ phiếu");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Kết quả lựa chọn theo đợt" }).ClickAsync();
        await secretariat.GetByLabel("Đợt", new() { Exact = true }).SelectOptionAsync(Round);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        var ties = secretariat.GetByTestId("ties");
        await Assertions.Expect(ties).ToContainTextAsync($"Có 2 cá nhân cùng 7 phiếu đồng ý cho 1 suất còn lại");
        await Assertions.Expect(ties).ToContainTextAsync(fifth);
        await Assertions.Expect(ties).ToContainTextAsync(sixth);
        await Shoot(secretariat, "selection-tie");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Mở phiếu bầu lại cho các trường hợp bằng phiếu" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Đã mở cuộc bỏ phiếu lại.")).ToBeVisibleAsync();
        var runOffTitle = (await secretariat.Locator("h1").TextContentAsync())!.Trim();
        Assert.Contains("Bỏ phiếu lại", runOffTitle, StringComparison.Ordinal);

        var runOffShares = await Vote(runOffTitle, (member, name) => name == fifth ? member <= 6 : member <= 3, [fifth, sixth]);
        await CloseByTrustees(runOffTitle, runOffShares);
        foreach (var member in _members)
        {
            await member.Context.CloseAsync();
        }

        Step("selection");
        // 7. The selection is settled: the five individuals (the run-off's winner among them) and the collective go to the province.
        await secretariat.GoAsync("Xét chọn", "Bỏ phiếu");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Kết quả lựa chọn theo đợt" }).ClickAsync();
        await secretariat.GetByLabel("Đợt", new() { Exact = true }).SelectOptionAsync(Round);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        var toProvince = secretariat.GetByTestId("to-province");
        await Assertions.Expect(toProvince.Locator("li")).ToHaveCountAsync(6);
        await Assertions.Expect(toProvince).ToContainTextAsync(fifth);
        await Assertions.Expect(toProvince).Not.ToContainTextAsync(sixth);
        await Assertions.Expect(secretariat.GetByTestId("commended").Locator("li")).ToHaveCountAsync(7);
        await Shoot(secretariat, "selection");

        // The Quyết định for the seven commended, straight from the selection page.
        await secretariat.GetByTestId("next-steps").GetByRole(AriaRole.Link, new() { Name = "Ra Quyết định khen thưởng" }).ClickAsync();
        var issue = secretariat.GetByTestId("issue-form");
        foreach (var dossier in dossiers)
        {
            await Assertions.Expect(issue.GetByLabel(dossier.Name, new() { Exact = true })).ToBeCheckedAsync();
        }

        await secretariat.GetByLabel("Người ký").FillAsync("Phạm Thị Tố Loan");
        await secretariat.GetByLabel("Ngày ký").FillAsync(Today);
        await Shoot(secretariat, "decision-issue");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Vào sổ Quyết định" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Đã vào sổ Quyết định số")).ToBeVisibleAsync();

        // The list sent to the province is adjusted with a justification: the fourth individual out, the run-off's loser in.
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Điều chỉnh danh sách đề nghị Tỉnh ủy" }).ClickAsync();
        var list = secretariat.GetByTestId("province-list");
        var outRow = list.Locator("tr", new() { HasText = individuals[3] });
        await outRow.GetByLabel("Giải trình").FillAsync("Đồng chí đã được đề nghị Tỉnh ủy khen thưởng theo chuyên đề khác trong năm 2026.");
        await outRow.GetByRole(AriaRole.Button, new() { Name = "Đưa ra khỏi danh sách" }).ClickAsync();
        await Assertions.Expect(list.Locator("tr", new() { HasText = individuals[3] })).ToContainTextAsync("Giải trình:");
        var inRow = list.Locator("tr", new() { HasText = sixth });
        await inRow.GetByLabel("Giải trình").FillAsync("Ban Thường vụ thống nhất đề nghị bổ sung vì có sáng kiến được áp dụng toàn tỉnh.");
        await inRow.GetByRole(AriaRole.Button, new() { Name = "Đưa vào danh sách" }).ClickAsync();
        await Assertions.Expect(list.Locator("tr", new() { HasText = sixth })).ToContainTextAsync("Có");
        await Shoot(secretariat, "province-list");

        // The Tờ trình with that list, then the province's outcome.
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Lập Tờ trình với danh sách này" }).ClickAsync();
        var submission = secretariat.GetByTestId("issue-form");
        await Assertions.Expect(submission.GetByLabel(sixth, new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(submission).Not.ToContainTextAsync(individuals[3]);
        await secretariat.GetByLabel("Người ký").FillAsync("Phạm Thị Tố Loan");
        await secretariat.GetByLabel("Ngày ký").FillAsync(Today);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Vào sổ Tờ trình" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Đã vào sổ Tờ trình số")).ToBeVisibleAsync();
        Assert.Equal(6, await Count(NominationStatus.ProposedToProvince));

        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Ghi kết quả của Tỉnh ủy" }).ClickAsync();
        foreach (var (name, commended) in new[] { (individuals[0], true), (sixth, false) })
        {
            var row = secretariat.GetByTestId("outcomes").Locator("tr", new() { HasText = name });
            await row.GetByLabel(commended ? "Được khen thưởng" : "Không được khen thưởng", new() { Exact = true }).CheckAsync();
            await row.GetByLabel("Ghi chú (số quyết định, hình thức khen)").FillAsync(commended ? "Bằng khen của Ban Thường vụ Tỉnh ủy" : "Tỉnh ủy chưa xét trong đợt này");
            await row.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả" }).ClickAsync();
            await Assertions.Expect(secretariat.GetByText($"Đã ghi kết quả của Tỉnh ủy cho {name}")).ToBeVisibleAsync();
        }

        await Assertions.Expect(secretariat.GetByTestId("outcomes").Locator("tr", new() { HasText = individuals[0] })).ToContainTextAsync("Được cấp trên khen thưởng");
        await Shoot(secretariat, "province-outcomes");
        Assert.Equal(1, await Count(NominationStatus.ProvinceCommended));
        Assert.Equal(1, await Count(NominationStatus.ProvinceNotCommended));

        Step("certificates");
        // 8. Certificates for the decision: one PDF with every name, and a zip with one file each.
        await secretariat.GoAsync("Xét chọn", "Quyết định, tờ trình");
        // The register also holds the demo's finished rounds: this round's decision is the one dated today (Vietnam time).
        var issuedOn = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var decisionRow = secretariat.GetByTestId("decisions").Locator("tr", new() { HasText = "-QĐ/" }).Filter(new() { HasText = issuedOn });
        await Shoot(secretariat, "decisions");
        await decisionRow.GetByRole(AriaRole.Button, new() { Name = "Giấy khen (PDF)" }).ClickAsync();
        var pdf = await Download(secretariat, Path.Combine(folder, "giay-khen.pdf"));
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(pdf), StringComparison.Ordinal);
        var text = Normalize(await PdfText(pdf));
        foreach (var dossier in dossiers)
        {
            Assert.Contains(Normalize(dossier.Name), text, StringComparison.Ordinal);
        }

        await secretariat.GoAsync("Xét chọn", "Quyết định, tờ trình");
        await decisionRow.GetByRole(AriaRole.Button, new() { Name = "từng tệp (zip)" }).ClickAsync();
        var zip = await Download(secretariat, Path.Combine(folder, "giay-khen.zip"));
        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.Equal(7, archive.Entries.Count);
            Assert.All(archive.Entries, e => Assert.EndsWith(".pdf", e.Name, StringComparison.Ordinal));
        }

        Step("story");
        // 9. A story about the individual the province commended, approved and published, then seen by an anonymous visitor.
        var storyTitle = "Người lan tỏa tinh thần số hóa một cửa";
        await secretariat.GoAsync("Gương điển hình", "Biên tập gương");
        var card = secretariat.Locator("section[data-testid^='story-']", new() { HasText = individuals[0] }).Filter(new() { HasText = "Chưa có bài" }).First;
        var cardId = await card.GetAttributeAsync("data-testid");
        card = secretariat.GetByTestId(cardId!);
        await card.GetByText("Viết bài").ClickAsync();
        await card.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(storyTitle);
        await card.Locator(".rich-editor .ql-editor").ClickAsync();
        await secretariat.Keyboard.TypeAsync("Đồng chí đã chủ trì số hóa toàn bộ hồ sơ một cửa, rút ngắn thời gian giải quyết thủ tục còn một nửa.");
        await Shoot(secretariat, "showcase-manage");
        await card.GetByRole(AriaRole.Button, new() { Name = "Lưu và duyệt đăng" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByTestId(cardId!).GetByTestId("state")).ToHaveTextAsync("Đang đăng công khai");
        await secretariat.Context.CloseAsync();

        var visitor = await app.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var anonymous = await visitor.NewPageAsync();
        await anonymous.GotoAsync("/");
        await anonymous.GetByRole(AriaRole.Link, new() { Name = "Gương điển hình", Exact = true }).First.ClickAsync();
        await anonymous.GetByLabel("Tìm kiếm").FillAsync("so hoa mot cua");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Assertions.Expect(anonymous.GetByTestId("exemplars")).ToContainTextAsync(storyTitle);
        await Shoot(anonymous, "showcase");
        await anonymous.GetByTestId("exemplars").Locator("article", new() { HasText = storyTitle }).GetByRole(AriaRole.Link, new() { Name = individuals[0] }).ClickAsync();
        await Assertions.Expect(anonymous.GetByTestId("story")).ToContainTextAsync("rút ngắn thời gian giải quyết thủ tục");
        await visitor.CloseAsync();

        Step("pledge");
        // 10. Another unit pledges to replicate the exemplar and later reports what it did.
        var other = await SignIn("coso4@demo.vn");
        await other.GoAsync("Gương điển hình", "Gương điển hình");
        await other.GetByLabel("Tìm kiếm").FillAsync("so hoa mot cua");
        await other.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await other.GetByTestId("exemplars").Locator("article", new() { HasText = storyTitle }).GetByRole(AriaRole.Link, new() { Name = individuals[0] }).ClickAsync();
        await other.GetByLabel("Nội dung sẽ áp dụng").FillAsync("Số hóa hồ sơ một cửa tại bộ phận tiếp nhận của Công ty.");
        await other.GetByLabel("Hoàn thành trước ngày").FillAsync(DateTime.UtcNow.AddHours(7).AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await other.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();
        await Assertions.Expect(other.GetByTestId("replications")).ToContainTextAsync("1 đơn vị");
        await Shoot(other, "showcase-details");
        await other.GoAsync("Gương điển hình", "Nhân rộng");
        var pledge = other.GetByTestId("pledges").Locator("tr", new() { HasText = "Số hóa hồ sơ một cửa tại bộ phận tiếp nhận" });
        await pledge.GetByLabel("Kết quả").FillAsync("Đã số hóa 1.200 hồ sơ, thời gian tiếp nhận giảm từ 3 ngày xuống 1 ngày.");
        await pledge.GetByRole(AriaRole.Button, new() { Name = "Báo cáo kết quả" }).ClickAsync();
        await Assertions.Expect(other.GetByTestId("pledges")).ToContainTextAsync("Đã số hóa 1.200 hồ sơ");
        await Shoot(other, "replication");

        Step("done");
        Assert.True(_errors.Count == 0, string.Join(Environment.NewLine, _errors));
    }

    /// <summary>The clerk's "eligible people and collectives" page for the open round: the first few of their own unit.</summary>
    private static async Task<List<Dossier>> Suggestions(IPage page, string clerk, int collectives, int individuals, bool shoot)
    {
        await page.GoAsync("Hồ sơ", "Gợi ý người, tập thể đủ điều kiện");
        await page.GetByLabel("Đợt bình xét", new() { Exact = true }).SelectOptionAsync(Round);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        var rows = page.GetByTestId("suggestions").Locator("tbody tr");
        await Assertions.Expect(rows.First).Not.ToContainTextAsync("Chưa có cá nhân");
        if (shoot)
        {
            await Shoot(page, "suggestions");
        }

        var picked = new List<Dossier>();
        foreach (var row in await rows.AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            var collective = cells[0].Trim() == "Tập thể";
            if (collective ? picked.Count(p => p.Collective) < collectives : picked.Count(p => !p.Collective) < individuals)
            {
                picked.Add(new Dossier(clerk, collective, cells[1].Trim(), cells[3].Trim()));
            }
        }

        Assert.Equal(collectives + individuals, picked.Count);
        return picked;
    }

    /// <summary>Create from the list, write the report in the editor, fill the review meeting, upload the minutes and one piece of evidence, send.</summary>
    private static async Task Nominate(IPage page, Dossier dossier, string minutes, string evidence, bool shoot)
    {
        await page.GoAsync("Hồ sơ", "Hồ sơ đề nghị");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lập hồ sơ mới" }).ClickAsync();
        await page.GetByLabel("Đợt bình xét", new() { Exact = true }).SelectOptionAsync(Round);
        if (dossier.Collective)
        {
            await page.GetByRole(AriaRole.Radio, new() { Name = "Tập thể", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Tập thể", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = dossier.Name });
        }
        else
        {
            var option = page.Locator("#person option", new() { HasText = dossier.Name });
            await page.GetByLabel("Cá nhân (trong sổ theo dõi của đơn vị)").SelectOptionAsync((await option.First.GetAttributeAsync("value"))!);
        }

        await page.GetByLabel("Đối tượng, lĩnh vực theo kế hoạch").SelectOptionAsync(dossier.Category);
        if (shoot)
        {
            await Shoot(page, "nomination-create");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đang soạn");

        await page.GetByLabel("Tóm tắt thành tích").FillAsync($"{dossier.Name} hoàn thành xuất sắc nhiệm vụ năm 2026, dẫn đầu phong trào thi đua của đơn vị.");
        var editor = page.Locator(".rich-editor .ql-editor");
        await editor.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "In đậm" }).ClickAsync();
        await page.Keyboard.TypeAsync("Thành tích nổi bật");
        await page.GetByRole(AriaRole.Button, new() { Name = "In đậm" }).ClickAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Chủ trì số hóa hồ sơ một cửa; hướng dẫn đảng viên trẻ học tập và làm theo gương Bác.");
        await page.GetByLabel("Ngày họp").FillAsync(DateTime.UtcNow.AddHours(7).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Tổng số thành viên").FillAsync("9");
        await page.GetByLabel("Số có mặt").FillAsync("9");
        await page.GetByLabel("Đồng ý", new() { Exact = true }).FillAsync("8");
        await page.GetByLabel("Không đồng ý").FillAsync("1");
        await page.GetByLabel("Không biểu quyết").FillAsync("0");
        if (!dossier.Collective)
        {
            await page.GetByLabel("Cam kết thành viên trong gia đình không vi phạm pháp luật (mục 3.2.5)").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu hồ sơ.");
        await Assertions.Expect(page.GetByTestId("eligibility")).ToContainTextAsync("Đủ điều kiện");

        await page.GetByLabel("Tệp dùng cho").SelectOptionAsync(EvidenceFile.MinutesScan);
        await page.GetByLabel("Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 20 MB)").SetInputFilesAsync(minutes);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("evidence")).ToContainTextAsync(Path.GetFileName(minutes));
        await page.GetByLabel("Tệp dùng cho").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.GetByLabel("Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 20 MB)").SetInputFilesAsync(evidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("evidence")).ToContainTextAsync(Path.GetFileName(evidence));
        if (shoot)
        {
            await Shoot(page, "nomination-edit");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã gửi");
    }

    /// <summary>From the list of sent dossiers of the round, the first one: its page, then its verification page, every criterion Đạt, accepted.</summary>
    private static async Task Verify(IPage page, bool shoot)
    {
        await page.GoAsync("Hồ sơ", "Hồ sơ đề nghị");
        await page.GetByLabel("Đợt", new() { Exact = true }).SelectOptionAsync(Round);
        await page.GetByLabel("Trạng thái", new() { Exact = true }).SelectOptionAsync(nameof(NominationStatus.Submitted));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        var first = page.GetByTestId("nominations").Locator("tbody tr td a").First;
        var name = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();
        await page.GetByTestId("verify-link").ClickAsync();
        var criteria = page.GetByTestId("criterion");
        await Assertions.Expect(criteria.First).ToBeVisibleAsync();
        var count = await criteria.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await criteria.Nth(i).GetByLabel("Đạt", new() { Exact = true }).CheckAsync();
        }

        if (shoot)
        {
            await Shoot(page, "verify");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và tiếp nhận hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi kết quả thẩm định và tiếp nhận hồ sơ.");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã thẩm định");
        Assert.False(string.IsNullOrEmpty(name));
    }

    /// <summary>The nine standing-committee members, each signed in once in a browser of their own.</summary>
    private async Task<IPage> Member(int member)
    {
        while (_members.Count < member)
        {
            _members.Add(await SignIn($"btv{_members.Count + 1}@demo.vn"));
        }

        return _members[member - 1];
    }

    /// <summary>
    /// Each of the nine members opens the ballot from the ballots page; a trustee first takes the key share (downloads the
    /// file, confirms it is kept). Returns the trustees (member number and the share read from the downloaded file).
    /// </summary>
    private async Task<List<(int Member, string Share)>> Vote(string title, Func<int, string, bool> approves, IReadOnlyList<string> candidates)
    {
        var shares = new List<(int, string)>();
        for (var member = 1; member <= 9; member++)
        {
            var page = await Member(member);
            await page.GoAsync("Xét chọn", "Bỏ phiếu");
            await page.GetByTestId("ballots").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            var take = page.GetByRole(AriaRole.Link, new() { Name = "Nhận mảnh khóa" });
            if (await take.CountAsync() > 0)
            {
                await take.ClickAsync();
                var shown = (await page.GetByTestId("share").TextContentAsync())!.Trim();
                var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải tệp mảnh khóa (.txt)" }).ClickAsync());
                var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
                Assert.Equal(shown, lines[^1]);
                shares.Add((member, lines[^1]));
                if (shares.Count == 1 && title == BallotTitle)
                {
                    await Shoot(page, "ballot-share");
                }

                await page.GetByRole(AriaRole.Button, new() { Name = "Tôi đã lưu mảnh khóa" }).ClickAsync();
                await Assertions.Expect(page.GetByText("máy chủ đã xóa bản đang giữ")).ToBeVisibleAsync(); // back on the ballot's page
            }

            var paper = page.GetByTestId("paper");
            foreach (var name in candidates)
            {
                var choice = approves(member, name) ? $"Đồng ý {name}" : $"Không đồng ý {name}";
                await paper.GetByLabel(choice, new() { Exact = true }).CheckAsync();
            }

            if (member == 1 && title == BallotTitle)
            {
                await Shoot(page, "ballot-vote");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Đồng chí đã bỏ phiếu.")).ToBeVisibleAsync();
        }

        return shares;
    }

    /// <summary>Two of the three trustees enter their shares on the ballot's page; the second closes it and the result shows.</summary>
    private async Task CloseByTrustees(string title, List<(int Member, string Share)> trustees)
    {
        Assert.Equal(3, trustees.Count);
        for (var i = 0; i < 2; i++)
        {
            var page = await Member(trustees[i].Member);
            await page.GoAsync("Xét chọn", "Bỏ phiếu");
            await page.GetByTestId("ballots").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await page.GetByLabel("Mảnh khóa của đồng chí", new() { Exact = false }).FillAsync(trustees[i].Share);
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập mảnh khóa để kiểm phiếu" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync(i == 0 ? "Đã nhận mảnh khóa (1/2)" : "Đã kiểm phiếu và kết thúc bỏ phiếu");
            if (i == 1)
            {
                await Assertions.Expect(page.GetByTestId("results")).ToBeVisibleAsync();
                if (title == BallotTitle)
                {
                    await Shoot(page, "ballot-results");
                }
            }
        }
    }

    /// <summary>An anonymous visitor finds the candidate on the public page named in the public menu.</summary>
    private async Task PublicSees(string link, string name)
    {
        var context = await app.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(name);
        await Shoot(page, "consultation-candidates");
        await context.CloseAsync();
    }

    /// <summary>The background job page polls until the file is made; the link then downloads it.</summary>
    private static async Task<string> Download(IPage page, string path)
    {
        var link = page.GetByTestId("download");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        await download.SaveAsAsync(path);
        return path;
    }

    private static async Task<string> PdfText(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    /// <summary>Text out of a PDF may be upper-cased, split over lines and in decomposed Unicode: compare words only.</summary>
    private static string Normalize(string text) =>
        string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<int> Count(NominationStatus status)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = await db.Rounds.SingleAsync(r => r.Code == Round);
        return await db.Nominations.CountAsync(n => n.RoundId == round.Id && n.Status == status);
    }

    private async Task<IPage> SignIn(string email)
    {
        var page = await app.SignedInPage(email);
        await page.SetViewportSizeAsync(1366, 900);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        page.PageError += (_, error) => _errors.Add($"{email} {page.Url}: {error}");
        return page;
    }

    private static async Task Shoot(IPage page, string name)
    {
        foreach (var width in new[] { 390, 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1366, 900);
    }
}
