using System.IO.Compression;
using System.Text.Json;
using Exemplars.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 13 point 7: the bloc report's assessment (kết quả, hạn chế và nguyên nhân, phương hướng) is drafted from the
/// units' reports, edited by the secretariat (sanitized, versioned), printed as edited, and frozen when issued with a
/// number from the document register. A period of its own (annual 2087).
/// </summary>
public abstract class BlocReportTests(AppFactory app)
{
    private const int Year = 2087;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient api, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<string> DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return await reader.ReadToEndAsync();
    }

    /// <summary>The period, and two units' sent reports with narratives that speak of results, difficulties and proposals.</summary>
    private Task<int> Seed() => app.WithDb(async db =>
    {
        var plan = await db.Plans.SingleAsync(p => p.Code == "2021-2025");
        var period = await db.ReportingPeriods.SingleOrDefaultAsync(p => p.PlanId == plan.Id && p.Year == Year && p.Kind == ReportPeriodKind.Annual);
        if (period is not null)
        {
            return period.Id;
        }

        period = new ReportingPeriod { PlanId = plan.Id, Kind = ReportPeriodKind.Annual, Year = Year, From = new DateOnly(Year - 1, 12, 16), To = new DateOnly(Year, 12, 15), Deadline = new DateOnly(Year, 12, 20) };
        db.ReportingPeriods.Add(period);
        await db.SaveChangesAsync();
        var units = await db.Users.Where(u => u.Email == "coso4@demo.vn" || u.Email == "coso5@demo.vn").OrderBy(u => u.Email).Select(u => u.OrganizationId).ToListAsync();
        var sentAt = new DateTime(Year, 12, 18, 3, 0, 0, DateTimeKind.Utc);
        db.PeriodicReports.AddRange(
            new PeriodicReport
            {
                ReportingPeriodId = period.Id, OrganizationId = units[0], Status = ReportStatus.Submitted, SubmittedAtUtc = sentAt, SubmittedBy = "coso4@demo.vn", UpdatedAtUtc = sentAt,
                CommendedGrassroots = 3, Discovered = 2,
                Narrative = "Đơn vị đã tổ chức ba hội nghị biểu dương người tốt việc tốt. Một số chi bộ còn khó khăn về kinh phí khen thưởng. Đề xuất Đảng ủy cấp trên tập huấn cách viết bài về gương điển hình.",
            },
            new PeriodicReport
            {
                ReportingPeriodId = period.Id, OrganizationId = units[1], Status = ReportStatus.Submitted, SubmittedAtUtc = sentAt, SubmittedBy = "coso5@demo.vn", UpdatedAtUtc = sentAt,
                CommendedGrassroots = 1,
                Narrative = "Phong trào thi đua sáng tạo trong sản xuất lan rộng tới mọi phân xưởng.",
            });
        await db.SaveChangesAsync();
        return period.Id;
    });

    [Fact]
    public async Task The_assessment_is_drafted_from_the_units_edited_versioned_printed_and_frozen_when_issued()
    {
        var periodId = await Seed();
        using var secretariat = await app.BearerAs("tgdv@demo.vn", sendsReadVersion: false);
        using var clerk = await app.BearerAs("coso4@demo.vn", sendsReadVersion: false);
        var url = $"/api/v1/reports/periods/{periodId}/bloc";

        // The draft: written from the units' narratives, each sentence under the section it speaks to, with the figures.
        var draft = await secretariat.GetFromJsonAsync<JsonElement>(url);
        Assert.False(draft.GetProperty("saved").GetBoolean());
        var results = draft.GetProperty("resultsHtml").GetString()!;
        Assert.Contains("Đơn vị đã tổ chức ba hội nghị biểu dương người tốt việc tốt.", results, StringComparison.Ordinal);
        Assert.Contains("Phong trào thi đua sáng tạo trong sản xuất lan rộng tới mọi phân xưởng.", results, StringComparison.Ordinal);
        Assert.Contains("khen thưởng cấp cơ sở: 4", results, StringComparison.Ordinal);
        Assert.Contains("Một số chi bộ còn khó khăn về kinh phí khen thưởng.", draft.GetProperty("limitationsHtml").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("khó khăn về kinh phí", results, StringComparison.Ordinal);
        Assert.Contains("Đề xuất Đảng ủy cấp trên tập huấn cách viết bài về gương điển hình.", draft.GetProperty("directionsHtml").GetString(), StringComparison.Ordinal);

        // A grassroots clerk reaches none of it: not the draft, not the save, not the page.
        using (var peek = await clerk.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(clerk, HttpMethod.Put, url, new { resultsHtml = "x", limitationsHtml = "x", directionsHtml = "x" })).Status);
        using (var page = await (await app.SignedInAs("coso4@demo.vn")).GetAsync($"/Reports/Bloc?periodId={periodId}"))
        {
            Assert.Contains("/Account/AccessDenied", page.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.False(await app.WithDb(db => db.Set<BlocReport>().AnyAsync(r => r.ReportingPeriodId == periodId)));

        // An empty section is refused whole; the edited text is cleaned of scripts and saved with a version.
        var (empty, emptyProblem) = await Send(secretariat, HttpMethod.Put, url, new { resultsHtml = "<p> </p>", limitationsHtml = "<p>x</p>", directionsHtml = "<p>x</p>" });
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Contains("Kết quả đạt được", emptyProblem.GetRawText(), StringComparison.Ordinal);
        const string edited = "Ban Thường vụ ghi nhận 27 gương điển hình được nhân rộng trong toàn đảng bộ.";
        var (saved, savedBody) = await Send(secretariat, HttpMethod.Put, url, new
        {
            resultsHtml = $"<p><strong>{edited}</strong></p><script>alert(1)</script>",
            limitationsHtml = draft.GetProperty("limitationsHtml").GetString(),
            directionsHtml = "<ul><li>Tổ chức hội nghị điển hình tiên tiến vào quý I năm sau.</li></ul>",
        });
        Assert.Equal(HttpStatusCode.OK, saved);
        var version = savedBody.GetProperty("version").GetGuid();
        var stored = await app.WithDb(db => db.Set<BlocReport>().SingleAsync(r => r.ReportingPeriodId == periodId));
        Assert.DoesNotContain("script", stored.ResultsHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("tgdv@demo.vn", stored.UpdatedBy);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "BlocReport")));

        // Every later write needs the version read: missing is 428, stale is 409, and nothing changes.
        var body = new { resultsHtml = "<p>Bản sửa khác.</p>", limitationsHtml = "<p>x</p>", directionsHtml = "<p>x</p>" };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Send(secretariat, HttpMethod.Put, url, body)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(secretariat, HttpMethod.Put, url, new { body.resultsHtml, body.limitationsHtml, body.directionsHtml, version = Guid.NewGuid() })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(secretariat, HttpMethod.Post, url + "/issue", new { version = Guid.NewGuid() })).Status);
        Assert.Contains(edited, await app.WithDb(db => db.Set<BlocReport>().Where(r => r.ReportingPeriodId == periodId).Select(r => r.ResultsHtml).SingleAsync()), StringComparison.Ordinal);

        // The DOCX prints the edited text under its heading, still without a number.
        var docx = await secretariat.GetByteArrayAsync($"/api/v1/reports/periods/{periodId}/bloc.docx");
        var xml = await DocumentXml(docx);
        Assert.Contains(edited, xml, StringComparison.Ordinal);
        Assert.Contains("4. Hạn chế và nguyên nhân", xml, StringComparison.Ordinal);
        Assert.Contains("Tổ chức hội nghị điển hình tiên tiến vào quý I năm sau.", xml, StringComparison.Ordinal);
        Assert.Contains("......-BC/", xml, StringComparison.Ordinal);

        // Issuing: the next "BC" number of the register, the text frozen.
        var (issued, issuedBody) = await Send(secretariat, HttpMethod.Post, url + "/issue", new { version });
        Assert.Equal(HttpStatusCode.OK, issued);
        var number = issuedBody.GetProperty("number").GetString()!;
        Assert.Matches(@"^\d{2,}-BC/", number);
        Assert.Contains(await app.WithDb(db => db.Decisions.Where(d => d.Type == Domain.Documents.DocumentType.Report).Select(d => d.Title).ToListAsync()), t => t.Contains($"năm {Year}", StringComparison.Ordinal));
        var after = await secretariat.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(number, after.GetProperty("number").GetString());
        Assert.False(after.GetProperty("canEdit").GetBoolean());
        var frozen = await Send(secretariat, HttpMethod.Put, url, new { body.resultsHtml, body.limitationsHtml, body.directionsHtml, version = after.GetProperty("version").GetGuid() });
        Assert.Equal(HttpStatusCode.Conflict, frozen.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(secretariat, HttpMethod.Post, url + "/issue", new { version = after.GetProperty("version").GetGuid() })).Status);

        // The issued DOCX, read back through LibreOffice: the number and the edited text.
        var folder = Directory.CreateTempSubdirectory("exemplars-bloc-");
        try
        {
            var path = Path.Combine(folder.FullName, "bao-cao.docx");
            await File.WriteAllBytesAsync(path, await secretariat.GetByteArrayAsync($"/api/v1/reports/periods/{periodId}/bloc.docx"));
            var text = await Office.ToPdfText(path, folder.FullName);
            Assert.Contains("Số " + number, text, StringComparison.Ordinal);
            Assert.Contains(edited, text, StringComparison.Ordinal);
            Assert.Contains("5. Phương hướng, nhiệm vụ thời gian tới", text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // The register lists it; the page shows it issued and read-only.
        Assert.Contains(number, await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync("/Issuers/Register"), StringComparison.Ordinal);
        var issuedPage = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/Reports/Bloc?periodId={periodId}");
        Assert.Contains("Đã ban hành", issuedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rich-editor", issuedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_reports_issued_at_the_same_moment_take_consecutive_numbers_of_the_register()
    {
        // Two periods of their own (2088), each with a saved assessment, issued at once: the register's shared
        // "take the next number, then issue" step gives each its own number, one after the other.
        using var secretariat = await app.BearerAs("tgdv@demo.vn", sendsReadVersion: false);
        var periods = await app.WithDb(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Code == "2021-2025");
            var ids = new List<int>();
            foreach (var kind in new[] { ReportPeriodKind.HalfYear, ReportPeriodKind.Annual })
            {
                var period = new ReportingPeriod { PlanId = plan.Id, Kind = kind, Year = 2088, From = new DateOnly(2087, 12, 16), To = new DateOnly(2088, kind == ReportPeriodKind.Annual ? 12 : 6, 15), Deadline = new DateOnly(2088, kind == ReportPeriodKind.Annual ? 12 : 6, 20) };
                db.ReportingPeriods.Add(period);
                await db.SaveChangesAsync();
                ids.Add(period.Id);
            }

            return ids;
        });
        var versions = new List<Guid>();
        foreach (var id in periods)
        {
            var (saved, body) = await Send(secretariat, HttpMethod.Put, $"/api/v1/reports/periods/{id}/bloc", new { resultsHtml = "<p>Kết quả.</p>", limitationsHtml = "<p>Hạn chế.</p>", directionsHtml = "<p>Phương hướng.</p>" });
            Assert.Equal(HttpStatusCode.OK, saved);
            versions.Add(body.GetProperty("version").GetGuid());
        }

        var issued = await Task.WhenAll(periods.Select((id, i) => Send(secretariat, HttpMethod.Post, $"/api/v1/reports/periods/{id}/bloc/issue", new { version = versions[i] })));
        Assert.All(issued, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var numbers = issued.Select(r => int.Parse(r.Body.GetProperty("number").GetString()!.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(numbers[0] + 1, numbers[1]);
    }

    [Fact]
    public async Task The_page_saves_the_edited_sections_and_refuses_a_stale_form()
    {
        var periodId = await app.WithDb(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Code == "2021-2025");
            var period = new ReportingPeriod { PlanId = plan.Id, Kind = ReportPeriodKind.HalfYear, Year = Year, From = new DateOnly(Year - 1, 12, 16), To = new DateOnly(Year, 6, 15), Deadline = new DateOnly(Year, 6, 20) };
            if (await db.ReportingPeriods.SingleOrDefaultAsync(p => p.PlanId == plan.Id && p.Year == Year && p.Kind == ReportPeriodKind.HalfYear) is { } existing)
            {
                return existing.Id;
            }

            db.ReportingPeriods.Add(period);
            await db.SaveChangesAsync();
            return period.Id;
        });
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var url = $"/Reports/Bloc?periodId={periodId}";

        async Task<HttpResponseMessage> Press(string handler, Dictionary<string, string> values, string? version = null)
        {
            var page = await Forms.GetDocumentAsync(secretariat, url);
            var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
            form.SetAttribute("action", $"{url}&handler={handler}");
            if (version is not null)
            {
                values["Version"] = version;
            }

            return await Forms.SubmitAsync(secretariat, url, form, values);
        }

        var page = await Forms.GetDocumentAsync(secretariat, url);
        Assert.Equal(3, page.QuerySelectorAll("textarea[data-rich-editor]").Length);
        using (var saved = await Press("Save", new() { ["ResultsHtml"] = "<p>Kết quả sáu tháng do Ban Tuyên giáo viết lại.</p>" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var stale = (await Forms.GetDocumentAsync(secretariat, url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        using (var again = await Press("Save", new() { ["ResultsHtml"] = "<p>Lần sửa thứ hai.</p>" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        using (var conflict = await Press("Save", new() { ["ResultsHtml"] = "<p>Sửa từ trang cũ.</p>" }, stale))
        {
            Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
            Assert.Contains("vừa được người khác sửa", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("Lần sửa thứ hai.", await app.WithDb(db => db.Set<BlocReport>().Where(r => r.ReportingPeriodId == periodId).Select(r => r.ResultsHtml).SingleAsync()), StringComparison.Ordinal);
    }
}

[Collection(SqliteApp.Name)]
public sealed class BlocReportTests_Sqlite(SqliteAppFactory app) : BlocReportTests(app);

[Collection(PostgresApp.Name)]
public sealed class BlocReportTests_Postgres(PostgresAppFactory app) : BlocReportTests(app);
