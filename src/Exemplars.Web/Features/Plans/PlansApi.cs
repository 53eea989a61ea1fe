using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Plans;

public static class PlansApi
{
    public sealed record CloneBody(string? Code, string? Name, string? IssuerSymbol);

    public sealed record CriterionBody(string? Text, Guid? Version);

    /// <summary>Review-meeting thresholds: present ≥ quorum (a/b of members), agree &gt; approval (c/d of members); the plan's version as read.</summary>
    public sealed record ThresholdsBody(int QuorumNumerator, int QuorumDenominator, int ApprovalNumerator, int ApprovalDenominator, Guid? Version);

    /// <summary>The plan's own number and date (dd/MM/yyyy), both or neither; the plan's version as read.</summary>
    public sealed record IssueBody(string? IssuedNumber, string? IssuedOn, Guid? Version);

    /// <summary>A round's years, dates and quotas, as the round edit page has them; the round's version as read.</summary>
    public sealed record RoundBody(
        string? Name, int FirstRatingYear, int LastRatingYear, int MinExcellentYears, int ReviewFromYear, int ReviewToYear,
        DateOnly? GrassrootsDeadline, DateOnly? CeremonyDate, string? CeremonyOccasion, int QuotaCollectives, int QuotaIndividuals, Guid? Version);

    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/plans").WithTags("Plans");
        group.MapGet("/", async (ListPlans.Handler handler, CancellationToken ct) => Results.Ok(await handler.Handle(ct)))
            .WithSummary("Các kế hoạch");
        group.MapGet("/{idOrCode}", async (string idOrCode, GetPlan.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(idOrCode, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Một kế hoạch với giai đoạn, đợt bình xét, đối tượng và tiêu chí (mọi phiên bản)");
        group.MapPost("/{id:int}/clone", async (int id, CloneBody body, ClonePlan.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(new ClonePlan.Command(id, body.Code ?? string.Empty, body.Name ?? string.Empty, body.IssuerSymbol), ct);
            return result.IsSuccess ? Results.Created($"/api/v1/plans/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Tạo kế hoạch nhiệm kỳ sau từ kế hoạch này: dời năm theo mã mới, có thể đổi cơ quan ban hành văn bản (ký hiệu trong danh mục)");
        group.MapPut("/{id:int}/criteria/{code}", async (int id, string code, CriterionBody body, HttpContext http, UpdateCriterion.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, code, body.Text ?? string.Empty, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Sửa nội dung một tiêu chí (khi đã có hồ sơ, tạo phiên bản mới); phiên bản kế hoạch đã đọc");
        group.MapPut("/{id:int}/thresholds", async (int id, ThresholdsBody body, HttpContext http, UpdateThresholds.Handler handler, CancellationToken ct) =>
        {
            var command = new UpdateThresholds.Command(body.QuorumNumerator, body.QuorumDenominator, body.ApprovalNumerator, body.ApprovalDenominator);
            var result = await handler.Handle(id, command, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Sửa tỷ lệ họp bình xét: số có mặt tối thiểu (a/b tổng số thành viên) và tỷ lệ đồng ý (trên c/d tổng số thành viên); phiên bản kế hoạch đã đọc (quản trị viên)");
        group.MapPut("/{id:int}/issue", async (int id, IssueBody body, HttpContext http, UpdatePlanIssue.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, new UpdatePlanIssue.Command(body.IssuedNumber, body.IssuedOn), Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Ghi số và ngày ban hành kế hoạch (ví dụ 12-KH/ĐUK, 05/03/2021), in ở phần căn cứ của văn bản; để trống cả hai là xóa; phiên bản kế hoạch đã đọc (quản trị viên)");
        group.MapPut("/{id:int}/rounds/{code}", async (int id, string code, RoundBody body, HttpContext http, UpdateRound.Handler handler, CancellationToken ct) =>
        {
            var draft = new Domain.Plans.PlanRules.RoundDraft(
                body.Name ?? string.Empty, body.FirstRatingYear, body.LastRatingYear, body.MinExcellentYears, body.ReviewFromYear, body.ReviewToYear,
                body.GrassrootsDeadline ?? default, body.CeremonyDate ?? default, body.CeremonyOccasion, body.QuotaCollectives, body.QuotaIndividuals);
            var result = await handler.Handle(id, code, draft, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Sửa một đợt bình xét của kế hoạch (theo mã đợt): tên, các năm xếp loại, thời gian bình xét, hạn nộp của cơ sở, ngày tuyên dương, số lượng đề nghị; phiên bản đợt đã đọc (quản trị viên)");
        return api;
    }
}
