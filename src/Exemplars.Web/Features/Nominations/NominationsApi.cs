using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;

namespace Exemplars.Web.Features.Nominations;

public static class NominationsApi
{
    public sealed record VersionBody(Guid? Version);

    public sealed record ReturnBody(Guid? Version, string? Reason);

    /// <summary>Whether the 3.2.1 individual is a business leader (the enterprise criteria), and the dossier's version as read.</summary>
    public sealed record BranchBody(bool? BusinessLeader, Guid? Version);

    public sealed record DetailsDto(
        int Id, string Round, string OrganizationName, NomineeKind Kind, int? PersonId, int? CollectiveId, string NomineeName, string Category,
        NominationStatus Status, Guid Version, string? Summary, string? AchievementsByYear, string? Initiatives, string? CommendationsReceived, string? ReportHtml,
        MeetingMinutes? Minutes, bool FamilyLawAttested, string? IndeterminateExplanation, string? ReturnReason, DateOnly Deadline, DateOnly? ExtensionUntil,
        Verdict Verdict, IReadOnlyList<RuleResult> Rules, IReadOnlyList<JudgementCriterion> JudgementCriteria, IReadOnlyList<EvidenceDto> Evidence, int Submissions,
        ProvinceOutcome ProvinceOutcome, string? ProvinceOutcomeNote)
    {
        /// <summary>Every sending of the dossier, oldest first, with what changed since the one before (the page's history).</summary>
        public IReadOnlyList<SentVersionDto> Versions { get; init; } = [];
    }

    /// <summary>One sending: its number, when and by whom, and the fields that changed since the sending before.</summary>
    public sealed record SentVersionDto(int Number, DateTime SubmittedAtUtc, string SubmittedBy, IReadOnlyList<ChangeDto> Changes);

    public sealed record ChangeDto(string Field, string? Before, string? After);

    /// <summary>The verification sheet as the secretariat's page shows it: the items being checked, and every finished check.</summary>
    public sealed record VerificationDto(Guid Version, IReadOnlyList<Review.VerifyNomination.Item> Items, IReadOnlyList<Review.VerifyNomination.Record> History);

    public sealed record EvidenceDto(int Id, string? CriterionCode, string FileName, string ContentType, long Size, string Sha256);

    public static RouteGroupBuilder MapNominationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/nominations").WithTags("Nominations");
        group.MapSentFiles();

        group.MapGet("/", async ([AsParameters] ListQuery q, ListNominations.Handler handler, CancellationToken ct) =>
            Results.Ok(await handler.Handle(new ListNominations.Query(q.Round, q.Status, q.Kind, q.Category, q.Page ?? 1, q.PageSize ?? 50, q.OrganizationId), ct)))
            .WithSummary("Hồ sơ đề nghị trong phạm vi của người gọi (phân trang)").CacheOutput(KeptResponses.Policy);

        group.MapGet("/{id:int}", async (int id, GetNomination.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, ct);
            if (!result.IsSuccess)
            {
                return Problems.ToProblem(result.Errors);
            }

            var d = result.Value;
            var n = d.Nomination;
            return Results.Ok(new DetailsDto(n.Id, d.RoundCode, d.OrganizationName, n.Kind, n.PersonId, n.CollectiveId, n.NomineeName, n.CategoryCode, n.Status, n.Version,
                n.Summary, n.AchievementsByYear, n.Initiatives, n.CommendationsReceived, n.ReportHtml, n.Minutes, n.FamilyLawAttested, n.IndeterminateExplanation, n.ReturnReason,
                d.Deadline, d.ExtensionUntil, d.Eligibility.Verdict, d.Eligibility.Rules, d.Eligibility.JudgementCriteria,
                n.Evidence.Select(e => new EvidenceDto(e.Id, e.CriterionCode, e.FileName, e.ContentType, e.Size, e.Sha256)).ToList(), n.SubmissionCount,
                n.ProvinceOutcome, n.ProvinceOutcomeNote)
            {
                Versions = d.Versions.Select(v => new SentVersionDto(v.Number, v.SubmittedAtUtc, v.SubmittedBy, v.Changes.Select(c => new ChangeDto(c.Field, c.Before, c.After)).ToList())).ToList(),
            });
        }).WithSummary("Một hồ sơ đề nghị với điều kiện hiện tại, minh chứng, các lần gửi và phần thay đổi giữa các lần gửi (ETag: phiên bản, gửi lại trong If-Match khi sửa)");
        group.MapGet("/{id:int}/verification", async (int id, Review.VerifyNomination.Handler handler, CancellationToken ct) =>
        {
            var sheet = await handler.Sheet(id, ct);
            return sheet.IsSuccess
                ? Results.Ok(new VerificationDto(sheet.Value.Details.Nomination.Version, sheet.Value.Items, sheet.Value.History))
                : Problems.ToProblem(sheet.Errors);
        }).WithSummary("Phiếu thẩm định của hồ sơ: kết quả từng tiêu chí đang ghi và biên bản các lần thẩm định trước");

        group.MapPost("/", async (CreateNomination.Command command, CreateNomination.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created($"/api/v1/nominations/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Lập hồ sơ đề nghị (cấp ủy cơ sở)");

        group.MapPut("/{id:int}", async (int id, SaveDossier.Command command, SaveDossier.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, command with { Version = Common.Versions.Pick(command.Version, http) }, ct);
            return result.IsSuccess ? Results.Ok(new { version = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Sửa báo cáo thành tích và biên bản họp bình xét");

        group.MapDelete("/{id:int}", async (int id, Guid? version, ChangeNominationState.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.DeleteDraft(id, Common.Versions.Pick(version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Xóa hồ sơ đang soạn (chưa gửi lần nào); phiên bản trong If-Match hoặc ?version=");

        group.MapPost("/{id:int}/evidence", async (int id, [FromForm] string? criterionCode, [FromForm] Guid? version, IFormFile? file, UploadEvidence.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            if (file is null)
            {
                return Problems.ToProblem([Domain.Common.DomainError.Invalid("file", "Thiếu tệp tải lên.")]);
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var result = await handler.Handle(id, Common.Versions.Pick(version, http), criterionCode, file.FileName, buffer.ToArray(), ct);
            return result.IsSuccess ? Results.Created($"/api/v1/nominations/{id}", result.Value) : Problems.ToProblem(result.Errors);
        })
        .DisableAntiforgery() // bearer tokens only on /api: no cookie to forge
        .WithMetadata(new RequestSizeLimitAttribute(FileRules.MaxFileBytes + (1024 * 1024)))
        .WithSummary("Tải minh chứng (multipart: file, criterionCode; 'minutes' cho bản chụp biên bản; phiên bản hồ sơ trong trường version hoặc If-Match — tải lên không đổi phiên bản)");

        group.MapDelete("/{id:int}/evidence/{evidenceId:int}", async (int id, int evidenceId, Guid? version, UploadEvidence.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Remove(id, evidenceId, Common.Versions.Pick(version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Xóa một minh chứng; phiên bản hồ sơ trong If-Match hoặc ?version=");

        group.MapPost("/{id:int}/submit", async (int id, VersionBody? body, SubmitNomination.Handler handler, HttpContext http, CancellationToken ct) =>
            Outcome(await handler.Handle(id, Common.Versions.Pick(body?.Version, http), ct))).WithSummary("Gửi hồ sơ lên cấp trên (qua Ban Tuyên giáo – Dân vận)");

        group.MapPost("/{id:int}/withdraw", async (int id, VersionBody? body, ChangeNominationState.Handler handler, HttpContext http, CancellationToken ct) =>
            Outcome(await handler.Withdraw(id, Common.Versions.Pick(body?.Version, http), ct))).WithSummary("Rút hồ sơ");

        group.MapPost("/{id:int}/return", async (int id, ReturnBody body, ChangeNominationState.Handler handler, HttpContext http, CancellationToken ct) =>
            Outcome(await handler.Return(id, Common.Versions.Pick(body.Version, http), body.Reason, ct))).WithSummary("Trả lại hồ sơ kèm lý do (Ban Tuyên giáo – Dân vận)");

        group.MapPost("/{id:int}/branch", async (int id, BranchBody body, ChooseEnterpriseBranch.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, Common.Versions.Pick(body.Version, http), body.BusinessLeader, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        })
            .WithSummary("Cá nhân mục 3.2.1: chọn bộ tiêu chí doanh nhân, người đứng đầu doanh nghiệp (businessLeader = true) hay không (false); hồ sơ đang soạn hoặc bị trả lại, phiên bản đã đọc");

        group.MapPost("/extensions", async (GrantExtension.Command command, GrantExtension.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created($"/api/v1/nominations/extensions/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Gia hạn nộp hồ sơ cho một tổ chức cơ sở (Ban Tuyên giáo – Dân vận)");

        return api;
    }

    private static IResult Outcome(Domain.Common.Result<NominationStatus> result) =>
        result.IsSuccess ? Results.Ok(new { status = result.Value }) : Problems.ToProblem(result.Errors);

    public sealed record ListQuery(string? Round, NominationStatus? Status, NomineeKind? Kind, string? Category, int? OrganizationId, int? Page, int? PageSize);
}
