using System.Text.Json;
using System.Text.RegularExpressions;
using Exemplars.Domain.Reports;
using Exemplars.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Every document type, generated from the demo data the README's run command seeds (the finished 2021–2025 round and
/// the bloc's 2025 annual report), carries present dates. With EXEMPLARS_RENDER_DOCUMENTS=&lt;folder&gt; it also renders
/// each one through LibreOffice and <c>pdftoppm -png -r 50</c> into that folder: the pictures in docs/documents/.
/// </summary>
public abstract partial class DocumentGalleryTests(AppFactory app)
{
    private const string Secretariat = "tgdv@demo.vn";

    [GeneratedRegex(@"năm (\d{4})")]
    private static partial Regex Years();

    /// <summary>Each document type of the demo as its file name in docs/documents and its bytes (DOCX, or PDF for the certificates).</summary>
    private int _candidates;
    private DateOnly _reportSent;

    private async Task<List<(string Name, byte[] Content)>> Documents()
    {
        using var api = await app.BearerAs(Secretariat, sendsReadVersion: false);
        var decisions = await app.WithDb(db => db.Decisions.AsNoTracking()
            .Where(d => d.CreatedBy == Secretariat && db.Rounds.Any(r => r.Id == d.RoundId && r.Code == "2021-2025")).OrderBy(d => d.Id).ToListAsync());
        var decision = decisions.First(d => d.Type == DocumentType.Decision);
        var submission = decisions.First(d => d.Type == DocumentType.Submission);
        var ballot = await app.WithDb(db => db.Ballots.AsNoTracking().Include(b => b.Candidates)
            .Where(b => db.Rounds.Any(r => r.Id == b.RoundId && r.Code == "2021-2025")).OrderBy(b => b.Id).FirstAsync());
        var nominationIds = ballot.Candidates.Select(c => c.NominationId).ToList();
        var (nomination, sent) = await app.WithDb(async db => await db.Nominations.AsNoTracking()
            .Where(n => nominationIds.Contains(n.Id) && n.Kind == Domain.Eligibility.NomineeKind.Individual).OrderBy(n => n.Id).Select(n => ValueTuple.Create(n.Id, n.SubmittedAtUtc!.Value)).FirstAsync());
        _candidates = ballot.Candidates.Count;
        _reportSent = Exemplars.Web.Infrastructure.VietnamTime.DayOf(sent);

        var documents = new List<(string, byte[])>
        {
            ("quyet-dinh", await api.GetByteArrayAsync($"/api/v1/decisions/{decision.Id}/docx")),
            ("to-trinh", await api.GetByteArrayAsync($"/api/v1/decisions/{submission.Id}/docx")),
            ("bien-ban-kiem-phieu", await api.GetByteArrayAsync($"/api/v1/ballots/{ballot.Id}/minutes")),
            ("bao-cao-thanh-tich", await api.GetByteArrayAsync($"/api/v1/nominations/{nomination}/report")),
            ("mau-quyet-dinh", PartyDocx.Write(PartyFormatTests.Model)),
            ("giay-khen", await api.GetByteArrayAsync($"/api/v1/decisions/{decision.Id}/certificates")),
            ("bao-cao-dinh-ky", await IssuedBlocReport(api)),
            ("giay-moi", await CeremonyInvitations(api, decision.Id)),
        };
        return documents;
    }

    /// <summary>The bloc's 2025 annual report from the demo units' reports, issued (numbered NN-BC) if not yet.</summary>
    private async Task<byte[]> IssuedBlocReport(HttpClient api)
    {
        var periodId = await app.WithDb(db => db.ReportingPeriods.Where(p => p.Year == 2025 && p.Kind == ReportPeriodKind.Annual && db.PeriodicReports.Any(r => r.ReportingPeriodId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var url = $"/api/v1/reports/periods/{periodId}/bloc";
        var draft = await api.GetFromJsonAsync<JsonElement>(url);
        if (draft.GetProperty("number").ValueKind != JsonValueKind.String)
        {
            using var save = await api.PutAsJsonAsync(url, new
            {
                resultsHtml = draft.GetProperty("resultsHtml").GetString(),
                limitationsHtml = draft.GetProperty("limitationsHtml").GetString(),
                directionsHtml = draft.GetProperty("directionsHtml").GetString(),
            });
            save.EnsureSuccessStatusCode();
            var version = (await save.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
            using var issue = await api.PostAsJsonAsync(url + "/issue", new { version });
            Assert.True(issue.IsSuccessStatusCode, await issue.Content.ReadAsStringAsync());
        }

        return await api.GetByteArrayAsync($"/api/v1/reports/periods/{periodId}/bloc.docx");
    }

    /// <summary>The invitations of the ceremony of the round's decision (planned from the draft the page offers), one page per guest.</summary>
    private static async Task<byte[]> CeremonyInvitations(HttpClient api, int decisionId)
    {
        var draft = await api.GetFromJsonAsync<JsonElement>($"/api/v1/ceremonies/draft?decisionId={decisionId}");
        var body = draft.GetProperty("draft").Deserialize<Dictionary<string, JsonElement>>()!;
        body["place"] = JsonSerializer.SerializeToElement("Hội trường Tỉnh ủy");
        using var created = await api.PostAsJsonAsync("/api/v1/ceremonies", body);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return await api.GetByteArrayAsync($"/api/v1/ceremonies/{id}/invitations.docx");
    }

    private static string DocumentText(byte[] docx)
    {
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        return word.MainDocumentPart!.Document.Body!.InnerText;
    }

    [Fact]
    public async Task Every_document_type_from_the_demo_data_carries_present_dates_and_renders()
    {
        var documents = await Documents();
        foreach (var (name, content) in documents.Where(d => d.Name != "giay-khen"))
        {
            var text = DocumentText(content);
            var years = Years().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(years.Count > 0, $"{name}: no date line");
            Assert.All(years, y => Assert.InRange(y, 2020, DateTime.UtcNow.Year));
        }

        // The Tờ trình counts the dossiers verified by its date (they have since been voted on: none is "Verified" now).
        Assert.Contains($"qua thẩm định, {_candidates} hồ sơ đủ tiêu chuẩn", DocumentText(documents.Single(d => d.Name == "to-trinh").Content), StringComparison.Ordinal);
        // A sent Báo cáo thành tích is dated the day the unit sent it, not the day it is downloaded.
        Assert.Contains(PartyDate.InWords(_reportSent), DocumentText(documents.Single(d => d.Name == "bao-cao-thanh-tich").Content), StringComparison.Ordinal);
        Assert.Contains("-BC/", DocumentText(documents.Single(d => d.Name == "bao-cao-dinh-ky").Content), StringComparison.Ordinal);
        Assert.DoesNotContain("......-BC/", DocumentText(documents.Single(d => d.Name == "bao-cao-dinh-ky").Content), StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("EXEMPLARS_RENDER_DOCUMENTS") is not { Length: > 0 } output)
        {
            return;
        }

        Directory.CreateDirectory(output);
        var folder = Directory.CreateTempSubdirectory("exemplars-gallery-");
        try
        {
            foreach (var (name, content) in documents)
            {
                var pdf = Path.Combine(folder.FullName, name + ".pdf");
                if (name == "giay-khen")
                {
                    await File.WriteAllBytesAsync(pdf, content);
                }
                else
                {
                    var docx = Path.Combine(folder.FullName, name + ".docx");
                    await File.WriteAllBytesAsync(docx, content);
                    await File.WriteAllBytesAsync(Path.Combine(output, name + ".docx"), content);
                    await Office.ToPdfText(docx, folder.FullName);
                }

                File.Copy(pdf, Path.Combine(output, name + ".pdf"), overwrite: true);
                // One certificate stands for all (-singlefile writes giay-khen-1.png, not giay-khen-01.png).
                // The invitations likewise: one page per guest, all alike.
                var (pages, prefix) = name is "giay-khen" or "giay-moi" ? ("-f 1 -l 1 -singlefile ", name + "-1") : (string.Empty, name);
                await Office.Run("pdftoppm", $"{pages}-png -r 50 \"{pdf}\" \"{Path.Combine(output, prefix)}\"");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class DocumentGalleryTests_Sqlite(SqliteAppFactory app) : DocumentGalleryTests(app);
