using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

public abstract class NominationsTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly byte[] Pdf = SampleFiles.Pdf();
    private static readonly byte[] Png = SampleFiles.Png();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    /// <summary>Gives the final round a deadline relative to the test clock (the plan's own 2025 deadline has passed).</summary>
    private Task<int> SetDeadline(DateOnly deadline) => app.WithDb(async db =>
    {
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        round.GrassrootsDeadline = deadline;
        return await db.SaveChangesAsync();
    });

    /// <summary>A party member of the unit with ratings given as E/G/C/- for 2021–2024.</summary>
    private Task<int> NewPerson(string organizationCode, string ratings = "EEGG") => app.WithDb(async db =>
    {
        var organization = await db.Organizations.SingleAsync(o => o.Code == organizationCode);
        var code = "N" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var person = new Person { Code = code, FullName = "Võ Thị Kim " + code[..4], SearchName = "vo thi kim", OrganizationId = organization.Id, IsPartyMember = true, PartyJoinYear = 2010, FieldCategoryCode = "3.2.5" };
        for (var i = 0; i < ratings.Length; i++)
        {
            Rating? r = ratings[i] switch { 'E' => Rating.Excellent, 'G' => Rating.Good, 'C' => Rating.Completed, _ => null };
            if (r is { } rating)
            {
                person.Ratings.Add(new PersonRating { Year = 2021 + i, Rating = rating });
            }
        }

        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<int> Create(HttpClient api, int personId, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/nominations", new { round = "2021-2025", kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.Created ? (await Json(response)).GetProperty("id").GetInt32() : 0;
    }

    private async Task Dossier(HttpClient api, int id, int total = 9, int present = 7, int agree = 6, string? explanation = null)
    {
        using var response = await api.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            summary = "Hoàn thành xuất sắc nhiệm vụ 2021–2024, có 2 sáng kiến cấp tỉnh.",
            achievementsByYear = "2022: Chiến sĩ thi đua cơ sở.",
            reportHtml = "<p>Báo cáo <strong>chi tiết</strong></p><script>alert(1)</script><img src=x onerror=alert(2)>",
            minutesDate = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            membersTotal = total, membersPresent = present, votesAgree = agree, votesDisagree = present - agree, votesAbstain = 0,
            familyLawAttested = true,
            indeterminateExplanation = explanation,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient api, int id, string fileName, byte[] content, string? criterion = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (criterion is not null)
        {
            form.Add(new StringContent(criterion), "criterionCode");
        }

        return await api.PostAsync($"/api/v1/nominations/{id}/evidence", form);
    }

    private async Task<int> ReadyDossier(HttpClient api, string organizationCode = "CS001", string ratings = "EEGG", string? explanation = null)
    {
        var id = await Create(api, await NewPerson(organizationCode, ratings));
        await Dossier(api, id, explanation: explanation);
        using (var scan = await Upload(api, id, "bien-ban.png", Png, "minutes"))
        {
            Assert.Equal(HttpStatusCode.Created, scan.StatusCode);
        }

        using (var evidence = await Upload(api, id, "bang-khen.pdf", Pdf, "3.2.5.1"))
        {
            Assert.Equal(HttpStatusCode.Created, evidence.StatusCode);
        }

        return id;
    }

    private async Task SweepNow()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Exemplars.Web.Features.Files.SweepFiles.Handler>().Handle(TimeSpan.Zero, CancellationToken.None);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient api, string url, object? body = null)
    {
        using var response = await api.PostAsJsonAsync(url, body ?? new { });
        return (response.StatusCode, await Json(response));
    }

    [Fact]
    public async Task Full_dossier_is_submitted_returned_resubmitted_with_versions_and_notices()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await Create(clerk, await NewPerson("CS001"));
        await Dossier(clerk, id);

        var (missingStatus, missing) = await Post(clerk, $"/api/v1/nominations/{id}/submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingStatus);
        Assert.Equal("missing_parts", missing.GetProperty("code").GetString());
        Assert.Contains("ít nhất một minh chứng", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("bản chụp biên bản có chữ ký", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using (await Upload(clerk, id, "bien-ban.png", Png, "minutes"))
        using (await Upload(clerk, id, "bang-khen.pdf", Pdf, "3.2.5.1"))
        {
        }

        var details = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{id}");
        Assert.DoesNotContain("script", details.GetProperty("reportHtml").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", details.GetProperty("reportHtml").GetString(), StringComparison.Ordinal);
        Assert.Contains("<strong>chi tiết</strong>", details.GetProperty("reportHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal("Eligible", details.GetProperty("verdict").GetString());

        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        using (var hidden = await secretariat.GetAsync($"/api/v1/nominations/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode); // drafts are the unit's own
        }

        var (ok, submitted) = await Post(clerk, $"/api/v1/nominations/{id}/submit");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        var (again, invalid) = await Post(clerk, $"/api/v1/nominations/{id}/submit");
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("invalid_transition", invalid.GetProperty("code").GetString());

        var home = await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync("/");
        Assert.Contains("đã gửi hồ sơ đề nghị Võ Thị Kim", home, StringComparison.Ordinal);

        var (noReason, _) = await Post(secretariat, $"/api/v1/nominations/{id}/return", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        var (clerkReturn, _) = await Post(clerk, $"/api/v1/nominations/{id}/return", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, clerkReturn);
        var (returned, _) = await Post(secretariat, $"/api/v1/nominations/{id}/return", new { reason = "Bổ sung quyết định khen thưởng năm 2023." });
        Assert.Equal(HttpStatusCode.OK, returned);

        using (var edit = await clerk.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            summary = "Tóm tắt đã bổ sung.", minutesDate = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            membersTotal = 9, membersPresent = 7, votesAgree = 6, votesDisagree = 1, votesAbstain = 0, familyLawAttested = true,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        var (resubmitted, body) = await Post(clerk, $"/api/v1/nominations/{id}/submit");
        Assert.Equal(HttpStatusCode.OK, resubmitted);
        Assert.Equal("Resubmitted", body.GetProperty("status").GetString());

        var page = Forms.Parse(await (await app.SignedInAs("tgdv@demo.vn")).GetStringAsync($"/Nominations/Details/{id}"));
        var versions = page.QuerySelector("[data-testid=versions]")!.TextContent;
        Assert.Contains("Lần 2", versions, StringComparison.Ordinal);
        Assert.Contains("Tóm tắt đã bổ sung.", versions, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDb(db => db.NominationVersions.CountAsync(v => v.NominationId == id)));

        // The same history through the API (issue 17 point 2): both sendings, what changed in the second, the ETag to send back.
        using (var read = await secretariat.GetAsync($"/api/v1/nominations/{id}"))
        {
            var dossier = await read.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal($"\"{dossier.GetProperty("version").GetGuid()}\"", read.Headers.ETag?.ToString());
            var sent = dossier.GetProperty("versions");
            Assert.Equal([1, 2], sent.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
            Assert.Empty(sent[0].GetProperty("changes").EnumerateArray());
            Assert.Contains(sent[1].GetProperty("changes").EnumerateArray(), c => c.GetProperty("after").GetString() == "Tóm tắt đã bổ sung.");
            Assert.EndsWith("Z", sent[1].GetProperty("submittedAtUtc").GetString(), StringComparison.Ordinal);
        }

        var verification = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{id}/verification");
        Assert.NotEmpty(verification.GetProperty("items").EnumerateArray());
        using (var clerkSheet = await clerk.GetAsync($"/api/v1/nominations/{id}/verification"))
        {
            Assert.True(clerkSheet.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{clerkSheet.StatusCode}");
        }

        Assert.Contains("bị trả lại", await (await app.SignedInAs("coso1@demo.vn")).GetStringAsync("/"), StringComparison.Ordinal);
        var centre = Forms.Parse(await (await app.SignedInAs("coso1@demo.vn")).GetStringAsync("/Notifications")).QuerySelector("[data-testid=notification-centre]")!.TextContent;
        Assert.Contains("Bổ sung quyết định khen thưởng năm 2023.", centre, StringComparison.Ordinal);
        Assert.DoesNotContain("bị trả lại", (await (await app.SignedInAs("coso2@demo.vn")).GetStringAsync("/Notifications")).Split("notification-centre")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_nominee_cannot_be_nominated_twice_in_a_round_and_other_units_get_404()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var person = await NewPerson("CS001");
        var id = await Create(clerk, person);
        using var duplicate = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2021-2025", kind = "Individual", personId = person, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("already_nominated", (await Json(duplicate)).GetProperty("code").GetString());

        using var other = await app.BearerAs("coso2@demo.vn");
        using (var hidden = await other.GetAsync($"/api/v1/nominations/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Post(other, $"/api/v1/nominations/{id}/submit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(other, $"/api/v1/nominations/{id}/withdraw")).Status);
        using (var foreignUpload = await Upload(other, id, "a.pdf", Pdf))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreignUpload.StatusCode);
        }

        await Create(other, person, HttpStatusCode.BadRequest); // not in their registry at all
        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/nominations?pageSize=200");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetInt32() == id);
        using var clerkPage = await (await app.SignedInAs("coso2@demo.vn")).GetAsync($"/Nominations/Edit/{id}");
        Assert.Equal(HttpStatusCode.NotFound, clerkPage.StatusCode);

        var (withdrawn, _) = await Post(clerk, $"/api/v1/nominations/{id}/withdraw");
        Assert.Equal(HttpStatusCode.OK, withdrawn);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(clerk, $"/api/v1/nominations/{id}/withdraw")).Status);
        await Create(clerk, person); // a withdrawn dossier frees the nominee
    }

    [Theory]
    [InlineData("to-qua.pdf", 21 * 1024 * 1024, "pdf", "tối đa 20 MB")]
    [InlineData("anh-gia.pdf", 100, "png", "không đúng định dạng PDF")]
    [InlineData("ho-so.exe", 100, "pdf", "Chỉ nhận tệp PDF")]
    [InlineData("rong.pdf", 0, "pdf", "rỗng")]
    [InlineData("bang.docx", 100, "pdf", "không đúng định dạng DOCX")]
    public async Task Bad_uploads_are_refused_and_nothing_is_stored(string name, int size, string content, string message)
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await Create(clerk, await NewPerson("CS001"));
        byte[] bytes = size == 0 ? [] : content == "png" ? Png : SampleFiles.Pdf(padTo: size);
        using var response = await Upload(clerk, id, name, bytes);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.EvidenceFiles.AnyAsync(e => e.NominationId == id)));
    }

    public static TheoryData<string, string, string> HostileFiles() => new()
    {
        { "setup-doi-ten.docx", "zip", "file_not_docx" },
        { "co-macro.docx", "docm", "file_macro" },
        { "js.pdf", "js", "file_pdf_active" },
        { "launch.pdf", "launch", "file_pdf_active" },
        { "dinh-kem.pdf", "embedded", "file_pdf_active" },
        { "chi-dau-tep.pdf", "head-only", "file_not_pdf" },
        { "bom.png", "bomb", "file_image_too_large" },
        { "hong.png", "broken-png", "file_not_image" },
        { "bang.xlsx", "docx", "file_not_xlsx" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Uploads_are_judged_by_parsing_and_hostile_ones_are_refused_with_a_code(string name, string kind, string code)
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await Create(clerk, await NewPerson("CS001"));
        var content = kind switch
        {
            "zip" => SampleFiles.ZipWithProgram(),
            "docm" => SampleFiles.Docx("macro", macros: true),
            "docx" => SampleFiles.Docx("không phải bảng tính"),
            "js" => SampleFiles.PdfWithJavaScript(),
            "launch" => SampleFiles.PdfWithLaunch(),
            "embedded" => SampleFiles.PdfWithEmbeddedFile(),
            "head-only" => [.. "%PDF-1.7\n%%EOF\n"u8],
            "bomb" => SampleFiles.PngClaiming(20_000, 20_000),
            _ => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        };
        using var response = await Upload(clerk, id, name, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Matches("[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", problem.GetProperty("detail").GetString());
        Assert.False(await app.WithDb(db => db.EvidenceFiles.AnyAsync(e => e.NominationId == id)));
    }

    [Fact]
    public async Task Real_files_of_every_accepted_kind_are_taken()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await Create(clerk, await NewPerson("CS001"));
        using var sheet = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(sheet, new[] { new { Nam = 2024, KetQua = "Hoàn thành xuất sắc" } });
        foreach (var (name, content) in new[] { ("bao-cao.pdf", SampleFiles.Pdf("thật")), ("bao-cao.docx", SampleFiles.Docx("thật")), ("so-lieu.xlsx", sheet.ToArray()), ("anh.png", SampleFiles.Png("thật")), ("anh.jpg", SampleFiles.Jpeg("thật")) })
        {
            using var response = await Upload(clerk, id, name, content);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{name}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_dossier_takes_at_most_40_files_and_names_lose_invisible_characters()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await Create(clerk, await NewPerson("CS001"));
        using (var first = await Upload(clerk, id, "hop-dong\u202Efdp.exe.pdf", SampleFiles.Pdf("tên đảo chiều")))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal("hop-dongfdp.exe.pdf", (await Json(first)).GetProperty("fileName").GetString());
        }

        for (var i = 2; i <= Exemplars.Domain.Nominations.FileRules.MaxNominationFiles; i++)
        {
            using var ok = await Upload(clerk, id, $"mc-{i}.pdf", SampleFiles.Pdf($"tệp {i}"));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var over = await Upload(clerk, id, "mc-41.pdf", SampleFiles.Pdf("tệp 41"));
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("dossier_too_many_files", (await Json(over)).GetProperty("code").GetString());
        Assert.Equal(40, await app.WithDb(db => db.EvidenceFiles.CountAsync(e => e.NominationId == id)));
    }

    [Fact]
    public async Task Path_traversal_names_are_cleaned_and_the_file_is_hashed()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await Create(clerk, await NewPerson("CS001"));
        using var response = await Upload(clerk, id, "../../../etc/passwd<1>.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = await app.WithDb(db => db.EvidenceFiles.SingleAsync(e => e.NominationId == id));
        Assert.Equal("passwd_1_.pdf", file.FileName);
        Assert.DoesNotContain("..", file.StoragePath, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), file.Sha256);
    }

    [Fact]
    public async Task Total_per_nomination_is_capped_at_100_MB()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await Create(clerk, await NewPerson("CS001"));
        for (var i = 0; i < 5; i++)
        {
            using var ok = await Upload(clerk, id, $"phan-{i}.pdf", SampleFiles.Pdf($"phần {i}", padTo: 19 * 1024 * 1024));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var over = await Upload(clerk, id, "phan-6.pdf", SampleFiles.Pdf("phần 6", padTo: 19 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Contains("100 MB", (await Json(over)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, 5, 5, "minutes_no_quorum")]     // 5/9 present < 2/3
    [InlineData(9, 6, 4, "minutes_not_approved")]  // quorum met (6/9), but 4/9 agree is not more than half
    [InlineData(10, 7, 5, "minutes_not_approved")] // exactly half is not more than half
    [InlineData(9, 6, 5, null)]                    // boundaries met: 6/9 present, 5/9 agree
    public async Task Review_vote_thresholds_block_submission_with_the_reason(int total, int present, int agree, string? code)
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await ReadyDossier(clerk);
        await Dossier(clerk, id, total, present, agree);
        var (status, body) = await Post(clerk, $"/api/v1/nominations/{id}/submit");
        if (code is null)
        {
            Assert.Equal(HttpStatusCode.OK, status);
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal(code, body.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Deadline_is_the_end_of_the_day_in_Viet_Nam_unless_extended()
    {
        try
        {
            var deadline = new DateOnly(2026, 12, 31);
            await SetDeadline(deadline);
            var endOfDeadline = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(7));
            app.Clock.SetUtcNow(endOfDeadline.AddDays(-1));
            using var clerk = await app.BearerAs("coso1@demo.vn");
            var onTime = await ReadyDossier(clerk);
            var late = await ReadyDossier(clerk);

            app.Clock.SetUtcNow(endOfDeadline); // last second of the deadline day in Viet Nam (16:59:59 UTC)
            using var lastSecond = await app.BearerAs("coso1@demo.vn"); // tokens live an hour: take one at the new time
            Assert.Equal(HttpStatusCode.OK, (await Post(lastSecond, $"/api/v1/nominations/{onTime}/submit")).Status);

            app.Clock.SetUtcNow(endOfDeadline.AddSeconds(2));
            using var lateClerk = await app.BearerAs("coso1@demo.vn");
            var (status, body) = await Post(lateClerk, $"/api/v1/nominations/{late}/submit");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal("deadline_passed", body.GetProperty("code").GetString());
            Assert.Contains("31/12/2026", body.GetProperty("detail").GetString(), StringComparison.Ordinal);

            using var secretariat = await app.BearerAs("tgdv@demo.vn");
            var (granted, _) = await Post(secretariat, "/api/v1/nominations/extensions", new { round = "2021-2025", organizationCode = "CS001", until = "2027-01-05", reason = "Đơn vị đang kiện toàn cấp ủy." });
            Assert.Equal(HttpStatusCode.Created, granted);
            var (clerkGrant, _) = await Post(lateClerk, "/api/v1/nominations/extensions", new { round = "2021-2025", organizationCode = "CS001", until = "2027-01-05", reason = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, clerkGrant);
            Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "DeadlineExtension" && a.UserName == "tgdv@demo.vn")));
            Assert.Equal(HttpStatusCode.OK, (await Post(lateClerk, $"/api/v1/nominations/{late}/submit")).Status);
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task Ineligible_is_refused_and_indeterminate_needs_an_explanation()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var ineligible = await ReadyDossier(clerk, ratings: "EEGC");
        var (status, body) = await Post(clerk, $"/api/v1/nominations/{ineligible}/submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("not_eligible", body.GetProperty("code").GetString());

        var unknown = await ReadyDossier(clerk, ratings: "EE-G");
        var (needs, explain) = await Post(clerk, $"/api/v1/nominations/{unknown}/submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, needs);
        Assert.Equal("explanation_required", explain.GetProperty("code").GetString());
        await Dossier(clerk, unknown, explanation: "Năm 2023 đồng chí được cử đi học tập trung, chi bộ chưa xếp loại.");
        Assert.Equal(HttpStatusCode.OK, (await Post(clerk, $"/api/v1/nominations/{unknown}/submit")).Status);
    }

    [Fact]
    public async Task Two_clerks_submitting_at_once_one_wins_the_other_gets_409()
    {
        await SetDeadline(Today.AddDays(30));
        using var first = await app.BearerAs("coso1@demo.vn");
        using var second = await app.BearerAs("coso1@demo.vn");
        var id = await ReadyDossier(first);
        var version = (await first.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{id}")).GetProperty("version").GetGuid();
        var results = await Task.WhenAll(Post(first, $"/api/v1/nominations/{id}/submit", new { version }), Post(second, $"/api/v1/nominations/{id}/submit", new { version }));
        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Single(results, r => r.Status == HttpStatusCode.Conflict);
        Assert.Equal(1, await app.WithDb(db => db.NominationVersions.CountAsync(v => v.NominationId == id)));
    }

    [Fact]
    public async Task Plan_thresholds_are_settings_and_the_first_nomination_freezes_the_rounds_criteria()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await ReadyDossier(clerk);
        Assert.True(await app.WithDb(db => db.Rounds.Where(r => r.Code == "2021-2025").Select(r => r.CriteriaFrozen).SingleAsync()));
        var planId = await app.WithDb(db => db.Plans.Where(p => p.Code == "2021-2025").Select(p => p.Id).SingleAsync());
        var admin = await app.SignedInAs("admin@demo.vn");
        try
        {
            using (var strict = await Forms.SubmitAsync(admin, $"/Plans/Details/{planId}", new Dictionary<string, string> { ["QuorumNumerator"] = "8", ["QuorumDenominator"] = "9" }, "form[action*='Thresholds']"))
            {
                Assert.Equal(HttpStatusCode.Redirect, strict.StatusCode);
            }

            var (status, body) = await Post(clerk, $"/api/v1/nominations/{id}/submit"); // 7 of 9 present no longer meets 8/9
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal("minutes_no_quorum", body.GetProperty("code").GetString());
            using var bad = await Forms.SubmitAsync(admin, $"/Plans/Details/{planId}", new Dictionary<string, string> { ["ApprovalNumerator"] = "3", ["ApprovalDenominator"] = "2" }, "form[action*='Thresholds']");
            Assert.Contains("Tỷ lệ phải là phân số dương", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            using var restore = await Forms.SubmitAsync(admin, $"/Plans/Details/{planId}", new Dictionary<string, string> { ["QuorumNumerator"] = "2", ["QuorumDenominator"] = "3", ["ApprovalNumerator"] = "1", ["ApprovalDenominator"] = "2" }, "form[action*='Thresholds']");
        }
    }

    [Fact]
    public async Task The_lists_kept_count_moves_with_a_new_draft_and_is_never_shared_between_units()
    {
        await SetDeadline(Today.AddDays(30));
        var counts = app.Services.GetRequiredService<Exemplars.Web.Features.Nominations.NominationCounts>();
        var first = await app.SignedInAs("coso1@demo.vn");
        var second = await app.SignedInAs("coso2@demo.vn");
        static async Task<string> Total(HttpClient client) =>
            Forms.Parse(await client.GetStringAsync("/Nominations?round=2021-2025")).QuerySelector("[data-testid=pager-total]")?.TextContent ?? "(không có)";

        var before = await Total(first);
        var computed = counts.Computed;
        Assert.Equal(before, await Total(first));
        Assert.Equal(computed, counts.Computed);

        using var api = await app.BearerAs("coso1@demo.vn");
        var draft = await Create(api, await NewPerson("CS001"));
        var after = await Total(first);
        Assert.NotEqual(before, after);
        Assert.Equal(computed + 1, counts.Computed);

        // Each unit's count is its own: the second unit's, read just after the first unit's was kept, is what it counts alone.
        counts.Clear();
        var alone = await Total(second);
        counts.Clear();
        Assert.Equal(after, await Total(first));
        Assert.Equal(alone, await Total(second));
        Assert.NotEqual(after, alone);

        var version = await app.WithDb(db => db.Nominations.Where(n => n.Id == draft).Select(n => n.Version).SingleAsync());
        using (var deleted = await api.DeleteAsync($"/api/v1/nominations/{draft}?version={version}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(before, await Total(first));
    }

    [Fact]
    public async Task Only_never_sent_drafts_can_be_deleted()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var draft = await Create(clerk, await NewPerson("CS001"));
        using (var kept = await Upload(clerk, draft, "mc1.pdf", SampleFiles.Pdf(Guid.NewGuid().ToString())))
        using (var removed = await Upload(clerk, draft, "mc2.pdf", SampleFiles.Pdf(Guid.NewGuid().ToString())))
        {
            Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
            Assert.Equal(HttpStatusCode.Created, removed.StatusCode);
        }

        var files = await app.WithDb(db => db.EvidenceFiles.Where(e => e.NominationId == draft).OrderBy(e => e.Id).Select(e => new { e.Id, e.StoragePath }).ToListAsync());
        var storage = app.Services.GetRequiredService<Exemplars.Web.Infrastructure.FileStorage>();
        Assert.All(files, f => Assert.True(storage.Exists(f.StoragePath)));
        Task<Guid> VersionOf(int nominationId) => app.WithDb(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Version).SingleAsync());

        // Removing a file needs the dossier's version (If-Match or ?version=): missing is 428, stale is 409, nothing removed.
        using (var noVersion = await clerk.DeleteAsync($"/api/v1/nominations/{draft}/evidence/{files[1].Id}"))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);
            Assert.Contains("Thiếu phiên bản", await noVersion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var stale = await clerk.DeleteAsync($"/api/v1/nominations/{draft}/evidence/{files[1].Id}?version={Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        Assert.Equal(2, await app.WithDb(db => db.EvidenceFiles.CountAsync(e => e.NominationId == draft)));
        using (var removeOne = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/nominations/{draft}/evidence/{files[1].Id}"))
        {
            removeOne.Headers.TryAddWithoutValidation("If-Match", $"\"{await VersionOf(draft)}\"");
            using var removedOne = await clerk.SendAsync(removeOne);
            Assert.Equal(HttpStatusCode.NoContent, removedOne.StatusCode);
        }

        await SweepNow();
        Assert.False(storage.Exists(files[1].StoragePath)); // a never-sent draft's removed file leaves the disk too (once swept)
        Assert.True(storage.Exists(files[0].StoragePath));
        using (var other = await (await app.BearerAs("coso2@demo.vn")).DeleteAsync($"/api/v1/nominations/{draft}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var noVersion = await clerk.DeleteAsync($"/api/v1/nominations/{draft}"))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);
            Assert.Contains("Thiếu phiên bản", await noVersion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var stale = await clerk.DeleteAsync($"/api/v1/nominations/{draft}?version={Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        Assert.True(await app.WithDb(db => db.Nominations.AnyAsync(n => n.Id == draft)));
        using (var deleted = await clerk.DeleteAsync($"/api/v1/nominations/{draft}?version={await VersionOf(draft)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.False(await app.WithDb(db => db.Nominations.AnyAsync(n => n.Id == draft)));
        await SweepNow();
        Assert.False(storage.Exists(files[0].StoragePath)); // and the deleted draft's files with it
        var sent = await ReadyDossier(clerk);
        Assert.Equal(HttpStatusCode.OK, (await Post(clerk, $"/api/v1/nominations/{sent}/submit")).Status);
        using var refused = await clerk.DeleteAsync($"/api/v1/nominations/{sent}?version={await VersionOf(sent)}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task Clerk_home_lists_nominations_with_days_left()
    {
        await SetDeadline(Today.AddDays(12));
        using var clerk = await app.BearerAs("coso5@demo.vn");
        await Create(clerk, await NewPerson("CS005"));
        var signedIn = await app.SignedInAs("coso5@demo.vn");
        async Task<string> Home() => Forms.Parse(await signedIn.GetStringAsync("/")).QuerySelector("[data-testid=home-nominations]")!.TextContent;
        Assert.Contains("(còn 12 ngày)", await Home(), StringComparison.Ordinal);

        // Inside a granted extension the dossier is not overdue: the home page counts to the extension's last day,
        // and the round tracker says "within the extension", not "missing", after the common deadline has passed.
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var until = Today.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await Post(secretariat, "/api/v1/nominations/extensions", new { round = "2021-2025", organizationCode = "CS005", until, reason = "Đơn vị đang kiện toàn cấp ủy." })).Status);
        await SetDeadline(Today.AddDays(-3));
        var home = await Home();
        Assert.Contains("(còn 40 ngày)", home, StringComparison.Ordinal);
        Assert.DoesNotContain("qua hạn", home, StringComparison.Ordinal);
        Assert.DoesNotContain("quá hạn", home, StringComparison.Ordinal);
        var tracker = await secretariat.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/rounds/2021-2025/tracker?state=WithinExtension");
        Assert.Contains(tracker.GetProperty("units").GetProperty("items").EnumerateArray(), u => u.GetProperty("code").GetString() == "CS005");
        await SetDeadline(Today.AddDays(12));
    }
}

[Collection(SqliteApp.Name)]
public sealed class NominationsTests_Sqlite(SqliteAppFactory app) : NominationsTests(app);

[Collection(PostgresApp.Name)]
public sealed class NominationsTests_Postgres(PostgresAppFactory app) : NominationsTests(app);
