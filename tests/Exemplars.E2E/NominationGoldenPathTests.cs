using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplars.E2E;

public sealed class NominationGoldenPathTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<string> PrepareEligiblePerson()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        round.GrassrootsDeadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30); // the plan's own deadline has passed
        var unit = await db.Organizations.SingleAsync(o => o.Code == "CS001");
        var person = new Person { Code = "E2E0001", FullName = "Lương Thị Bích Ngọc", SearchName = "luong thi bich ngoc", OrganizationId = unit.Id, IsPartyMember = true, PartyJoinYear = 2009, FieldCategoryCode = "3.2.5" };
        person.Ratings.AddRange([new() { Year = 2021, Rating = Rating.Excellent }, new() { Year = 2022, Rating = Rating.Good }, new() { Year = 2023, Rating = Rating.Excellent }, new() { Year = 2024, Rating = Rating.Good }]);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.FullName;
    }

    [Fact]
    public async Task Clerk_builds_and_submits_a_full_dossier()
    {
        var name = await PrepareEligiblePerson();
        var folder = Directory.CreateTempSubdirectory("exemplars-e2e-");
        var scan = Path.Combine(folder.FullName, "bien-ban-hop.png");
        var evidence = Path.Combine(folder.FullName, "bang-khen-2023.pdf");
        await File.WriteAllBytesAsync(scan, Exemplars.Web.Tests.SampleFiles.Png("biên bản"));
        await File.WriteAllBytesAsync(evidence, Exemplars.Web.Tests.SampleFiles.Pdf("minh chứng"));
        try
        {
            var page = await app.SignedInPage("coso1@demo.vn");
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.GoAsync("Hồ sơ", "Hồ sơ đề nghị");
            await page.GetByRole(AriaRole.Link, new() { Name = "Lập hồ sơ mới" }).ClickAsync();

            await page.GetByLabel("Đợt bình xét").SelectOptionAsync("2021-2025");
            await page.GetByLabel("Cá nhân (trong sổ theo dõi của đơn vị)").SelectOptionAsync(new SelectOptionValue { Label = $"{name} (E2E0001)" });
            await page.GetByLabel("Đối tượng, lĩnh vực theo kế hoạch").SelectOptionAsync("3.2.5");
            // Live verdict: the family attestation is not given yet, so the checkable rules cannot conclude.
            await Assertions.Expect(page.GetByTestId("eligibility")).ToContainTextAsync("Chưa có cam kết thành viên trong gia đình");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đang soạn");
            await page.GetByLabel("Tóm tắt thành tích").FillAsync("Hoàn thành xuất sắc nhiệm vụ năm 2021 và 2023; sáng kiến số hóa hồ sơ một cửa.");
            await page.GetByLabel("Ngày họp").FillAsync(DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Tổng số thành viên").FillAsync("9");
            await page.GetByLabel("Số có mặt").FillAsync("8");
            await page.GetByLabel("Đồng ý", new() { Exact = true }).FillAsync("7");
            await page.GetByLabel("Không đồng ý").FillAsync("1");
            await page.GetByLabel("Không biểu quyết").FillAsync("0");
            await page.GetByLabel("Cam kết thành viên trong gia đình không vi phạm pháp luật (mục 3.2.5)").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu hồ sơ.");
            await Assertions.Expect(page.GetByTestId("eligibility")).ToContainTextAsync("Đủ điều kiện");

            await page.GetByLabel("Tệp dùng cho").SelectOptionAsync("minutes");
            await page.GetByLabel("Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 20 MB)").SetInputFilesAsync(scan);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("evidence")).ToContainTextAsync("bien-ban-hop.png");
            await page.GetByLabel("Tệp dùng cho").SelectOptionAsync("3.2.5.1");
            await page.GetByLabel("Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 20 MB)").SetInputFilesAsync(evidence);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("evidence")).ToContainTextAsync("bang-khen-2023.pdf");

            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã gửi");
            await Assertions.Expect(page.GetByTestId("versions")).ToContainTextAsync("Lần 1");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
