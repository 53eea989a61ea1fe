using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Exemplars.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>Documents printed from the register and the issuers' data, read back from the package and through LibreOffice.</summary>
public abstract class DocumentsTests(AppFactory app)
{
    private static readonly string[] Symbols = ["ĐUK", "ĐUĐ"];

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>An issuer of the 2025 reorganisation, with two officers and a term, under its own symbol.</summary>
    private async Task EnsureIssuer(string symbol)
    {
        await app.WithDb(async db =>
        {
            if (await db.Set<Issuer>().AnyAsync(i => i.Symbol == symbol))
            {
                return 0;
            }

            db.Set<Issuer>().Add(new Issuer
            {
                Symbol = symbol, SuperiorLine = "ĐẢNG BỘ TỈNH QUẢNG NGÃI", Name = "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", SigningOrgan = "ĐẢNG ỦY",
                OrganName = "Đảng ủy các cơ quan Đảng tỉnh", Place = "Quảng Ngãi", SuperiorOrgan = "Ban Thường vụ Tỉnh ủy", PartyName = "Đảng bộ các cơ quan Đảng tỉnh",
                AdvisingBoard = "Ban Tổ chức", DecisionRecipients = "Như Điều 3,\nLưu Văn phòng.", SubmissionRecipients = "Thường trực Tỉnh ủy (để báo cáo),\nLưu Văn phòng.", ReportRecipients = "Lưu.",
                Officers =
                [
                    new IssuerOfficer { FullName = "Trần Văn Cũ", Position = "BÍ THƯ", Signs = true, From = new DateOnly(2080, 1, 1), Until = new DateOnly(2085, 3, 31) },
                    new IssuerOfficer { FullName = "Lê Thị Mới", Position = "PHÓ BÍ THƯ THƯỜNG TRỰC", Signs = true, From = new DateOnly(2085, 4, 1) },
                ],
                Terms = [new IssuerTerm { Label = "Nhiệm kỳ 2080 - 2085", StartsOn = new DateOnly(2080, 8, 1) }],
            });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Numbers_count_from_01_per_issuer_type_and_term_even_when_issued_at_the_same_moment()
    {
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        await EnsureIssuer("ĐUĐ");
        var requests = Enumerable.Range(0, 6).SelectMany(i => Symbols.Select(issuer =>
            Post(secretariat, "/api/v1/decisions", new { type = "Submission", issuer, title = $"Tờ trình {i}", date = "2082-03-0" + (i + 1), signer = "Lê Thị Mới" })));
        var results = await Task.WhenAll(requests);
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        var numbers = results.Select(r => r.Body.GetProperty("number").GetString()!).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{n:00}-TTr/ĐUK"), numbers.Where(n => n.EndsWith("/ĐUK", StringComparison.Ordinal)).Order());
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{n:00}-TTr/ĐUĐ"), numbers.Where(n => n.EndsWith("/ĐUĐ", StringComparison.Ordinal)).Order());

        // Same term (from 01/8/2080), another year: the sequence goes on; the other type has its own from 01.
        var (_, sameTerm) = await Post(secretariat, "/api/v1/decisions", new { type = "Submission", issuer = "ĐUĐ", title = "Tờ trình", date = "2083-01-05", signer = "Lê Thị Mới" });
        Assert.Equal("07-TTr/ĐUĐ", sameTerm.GetProperty("number").GetString());
        var (_, beforeTerm) = await Post(secretariat, "/api/v1/decisions", new { type = "Submission", issuer = "ĐUĐ", title = "Tờ trình", date = "2080-07-31", signer = "Trần Văn Cũ" });
        Assert.Equal("01-TTr/ĐUĐ", beforeTerm.GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_submission_prints_its_issuer_signer_and_recipients_from_data_and_only_the_facts_that_happened()
    {
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        await EnsureIssuer("ĐUĐ");
        var (status, issued) = await Post(secretariat, "/api/v1/decisions", new { type = "Submission", issuer = "ĐUĐ", title = "về việc đề nghị biểu dương gương điển hình", date = "2090-01-09", signer = "Lê Thị Mới" });
        Assert.Equal(HttpStatusCode.Created, status);
        var number = issued.GetProperty("number").GetString()!;
        var id = await app.WithDb(db => db.Decisions.Where(d => d.Issuer == "ĐUĐ" && d.Date == new DateOnly(2090, 1, 9)).Select(d => d.Id).SingleAsync());
        var bytes = await secretariat.GetByteArrayAsync($"/api/v1/decisions/{id}/docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            foreach (var expected in new[] { "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "Số " + number, "ngày 09 tháng 01 năm 2090", "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Thị Mới", "- Thường trực Tỉnh ủy (để báo cáo),", "Kính gửi: Ban Thường vụ Tỉnh ủy" })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("bỏ phiếu", text, StringComparison.Ordinal);
            Assert.DoesNotContain("DANH SÁCH", text, StringComparison.Ordinal); // nothing listed, no list page
            Assert.DoesNotContain("kèm theo", text, StringComparison.Ordinal); // and no "(có danh sách kèm theo)" for 0 people
            Assert.DoesNotContain("KHỐI", text, StringComparison.Ordinal);
        }

        var folder = Directory.CreateTempSubdirectory("exemplars-submission-");
        try
        {
            var docx = Path.Combine(folder.FullName, "to-trinh.docx");
            await File.WriteAllBytesAsync(docx, bytes);
            var pdfText = await Office.ToPdfText(docx, folder.FullName);
            Assert.Contains("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", pdfText, StringComparison.Ordinal);
            Assert.Contains("TỜ TRÌNH", pdfText, StringComparison.Ordinal);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("EXEMPLARS_KEEP_DOCUMENTS") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                foreach (var file in folder.GetFiles())
                {
                    file.CopyTo(Path.Combine(keep, file.Name), overwrite: true);
                }
            }

            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_administrator_edits_an_issuer_on_its_page_and_the_register_shows_every_number()
    {
        await EnsureIssuer("ĐUĐ");
        var id = await app.WithDb(db => db.Set<Issuer>().Where(i => i.Symbol == "ĐUĐ").Select(i => i.Id).SingleAsync());
        var admin = await app.SignedInAs("admin@demo.vn");
        Assert.Contains("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", await admin.GetStringAsync("/Issuers"), StringComparison.Ordinal);
        // Officers, terms and recipients are rows: a form of rows, each row its own fields; blank rows are ignored.
        var form = await Forms.GetDocumentAsync(admin, $"/Issuers/Edit?id={id}");
        Assert.NotNull(form.QuerySelector("input[name='Input.Officers[0].FullName']"));
        Assert.NotNull(form.QuerySelector("input[type=date][name='Input.Terms[0].StartsOn']"));
        Assert.NotNull(form.QuerySelector("button[data-add-row=Officers]"));
        var rows = new Dictionary<string, string>
        {
            ["Input.SubmissionRecipients[0]"] = "Thường trực Tỉnh ủy (để báo cáo),",
            ["Input.SubmissionRecipients[1]"] = "",
            ["Input.SubmissionRecipients[2]"] = "Văn phòng Tỉnh ủy,",
            ["Input.SubmissionRecipients[3]"] = "Lưu Văn phòng.",
            ["Input.Terms[0].Label"] = "Nhiệm kỳ 2080 - 2085", ["Input.Terms[0].StartsOn"] = "2080-08-01",
            ["Input.Terms[1].Label"] = "Nhiệm kỳ 2085 - 2090", ["Input.Terms[1].StartsOn"] = "2085-09-15",
            ["Input.Officers[0].FullName"] = "Nguyễn Văn Một", ["Input.Officers[0].Position"] = "bí thư", ["Input.Officers[0].From"] = "2080-08-01", ["Input.Officers[0].Until"] = "", ["Input.Officers[0].Signs"] = "true",
            ["Input.Officers[1].FullName"] = "Trần Thị Hai", ["Input.Officers[1].Position"] = "PHÓ BÍ THƯ", ["Input.Officers[1].From"] = "2080-08-01", ["Input.Officers[1].Until"] = "2085-09-14",
        };
        for (var i = 4; i < 12; i++)
        {
            rows[$"Input.SubmissionRecipients[{i}]"] = "";
        }

        for (var i = 2; i < 8; i++)
        {
            rows[$"Input.Terms[{i}].Label"] = "";
            rows[$"Input.Terms[{i}].StartsOn"] = "";
            rows[$"Input.Officers[{i}].FullName"] = "";
            rows[$"Input.Officers[{i}].Position"] = "";
            rows[$"Input.Officers[{i}].From"] = "";
            rows[$"Input.Officers[{i}].Until"] = "";
            rows[$"Input.Officers[{i}].Signs"] = "";
        }

        using var saved = await Forms.SubmitAsync(admin, $"/Issuers/Edit?id={id}", rows);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var issuer = await app.WithDb(db => db.Set<Issuer>().Include(i => i.Terms).Include(i => i.Officers).SingleAsync(i => i.Id == id));
        Assert.Equal(["Thường trực Tỉnh ủy (để báo cáo),", "Văn phòng Tỉnh ủy,", "Lưu Văn phòng."], issuer.RecipientsOf(DocumentType.Submission));
        Assert.Equal(20850915, issuer.TermKey(new DateOnly(2086, 1, 1)));
        Assert.Equal(["NGUYỄN VĂN MỘT|BÍ THƯ|True|", "TRẦN THỊ HAI|PHÓ BÍ THƯ|False|14/09/2085"], issuer.Officers.OrderBy(o => o.FullName, StringComparer.Ordinal)
            .Select(o => $"{o.FullName.ToUpperInvariant()}|{o.Position}|{o.Signs}|{o.Until?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Equal("Nguyễn Văn Một", issuer.SignerOn(new DateOnly(2086, 1, 1))!.FullName);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType.Contains("Issuer"))));

        // A row with a gap is refused with its row number, in Vietnamese, and nothing of the form is saved (not even a valid change).
        using var broken = await Forms.SubmitAsync(admin, $"/Issuers/Edit?id={id}", new Dictionary<string, string>
        {
            ["Input.Officers[0].From"] = "",
            ["Input.Officers[1].Until"] = "2079-01-01",
            ["Input.Terms[1].Label"] = "",
            ["Input.ReportRecipients[0]"] = "Nơi nhận mới không được lưu",
        });
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        var brokenHtml = await broken.Content.ReadAsStringAsync();
        Assert.Contains("Cán bộ dòng 1: hãy ghi ngày bắt đầu giữ chức vụ.", brokenHtml, StringComparison.Ordinal);
        Assert.Contains("Cán bộ dòng 2: ngày thôi giữ chức vụ không được trước ngày bắt đầu.", brokenHtml, StringComparison.Ordinal);
        Assert.Contains("Nhiệm kỳ dòng 2: hãy ghi tên nhiệm kỳ", brokenHtml, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận mới không được lưu", brokenHtml, StringComparison.Ordinal); // the rows come back as typed
        var unchanged = await app.WithDb(db => db.Set<Issuer>().Include(i => i.Terms).Include(i => i.Officers).SingleAsync(i => i.Id == id));
        Assert.Equal(issuer.Version, unchanged.Version);
        Assert.Equal(2, unchanged.Terms.Count);
        Assert.DoesNotContain("Nơi nhận mới", unchanged.ReportRecipients, StringComparison.Ordinal);

        // "Xóa" drops a row; a form read before another save is refused (409) and one without a version too (428).
        var before = await Forms.GetDocumentAsync(admin, $"/Issuers/Edit?id={id}");
        using (var removed = await Forms.SubmitAsync(admin, $"/Issuers/Edit?id={id}", new Dictionary<string, string> { ["Input.Terms[0].Remove"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Equal(["Nhiệm kỳ 2085 - 2090"], await app.WithDb(db => db.Set<IssuerTerm>().Where(t => t.IssuerId == id).Select(t => t.Label).ToListAsync()));
        using (var restored = await Forms.SubmitAsync(admin, $"/Issuers/Edit?id={id}", new Dictionary<string, string> { ["Input.Terms[1].Label"] = "Nhiệm kỳ 2080 - 2085", ["Input.Terms[1].StartsOn"] = "2080-08-01" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode); // the numbering test of this issuer counts on both terms
        }
        using (var stale = await Forms.SubmitAsync(admin, $"/Issuers/Edit?id={id}", (AngleSharp.Html.Dom.IHtmlFormElement)before.QuerySelector("main form")!, new Dictionary<string, string>()))
        {
            Assert.Contains("vừa được người khác sửa", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var noVersion = await Forms.SubmitAsync(admin, $"/Issuers/Edit?id={id}", new Dictionary<string, string> { ["Input.Version"] = "" }))
        {
            Assert.Contains("Thiếu phiên bản", await noVersion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var clerk = await app.SignedInAs("coso1@demo.vn");
        using var forbidden = await clerk.GetAsync("/Issuers/Edit?id=" + id);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        using var register = await clerk.GetAsync("/Issuers/Register");
        Assert.NotEqual(HttpStatusCode.OK, register.StatusCode);

        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var (_, issued) = await Post(secretariat, "/api/v1/decisions", new { type = "Submission", issuer = "ĐUĐ", title = "Tờ trình vào sổ", date = "2095-02-03", signer = "Lê Thị Mới" });
        var page = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync("/Issuers/Register");
        Assert.Contains(issued.GetProperty("number").GetString()!, page, StringComparison.Ordinal);
        Assert.Contains("Tờ trình vào sổ", page, StringComparison.Ordinal);
    }
}

[Collection(SqliteApp.Name)]
public sealed class DocumentsTests_Sqlite(SqliteAppFactory app) : DocumentsTests(app);

[Collection(PostgresApp.Name)]
public sealed class DocumentsTests_Postgres(PostgresAppFactory app) : DocumentsTests(app);
