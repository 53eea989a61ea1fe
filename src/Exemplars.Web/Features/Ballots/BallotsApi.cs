using Exemplars.Domain.Ballots;
using Exemplars.Web.Features.Review;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Ballots;

public static class BallotsApi
{
    public sealed record VoteBody(Dictionary<int, BallotChoice>? Choices);

    public sealed record ShareBody(string? Share);

    public sealed record CheckBody(string? CriterionCode, CheckResult Result, string? Note);

    public sealed record AcceptBody(Guid? Version);

    public sealed record OutcomeBody(Domain.Nominations.ProvinceOutcome Outcome, string? Note, Guid? Version);

    public static RouteGroupBuilder MapBallotsApi(this RouteGroupBuilder api)
    {
        var ballots = api.MapGroup("/ballots").WithTags("Ballots");
        ballots.MapPost("/", async (OpenBallot.Command command, OpenBallot.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created($"/api/v1/ballots/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Mở bỏ phiếu kín (Ban Tuyên giáo – Dân vận)");
        ballots.MapGet("/{id:int}", async (int id, GetBallot.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Cuộc bỏ phiếu; kết quả chỉ có sau khi kết thúc");
        ballots.MapPost("/{id:int}/votes", async (int id, VoteBody body, CastVote.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, body.Choices, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Bỏ phiếu (ủy viên Ban Thường vụ; mỗi người một lần)");
        ballots.MapGet("/{id:int}/share", async (int id, KeyShares.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Get(id, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Mảnh khóa kiểm phiếu của thành viên Ban kiểm phiếu (chỉ người đó, đến khi xác nhận đã lưu)");
        ballots.MapPost("/{id:int}/share/kept", async (int id, KeyShares.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Kept(id, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Xác nhận đã lưu mảnh khóa; máy chủ xóa bản đang giữ");
        ballots.MapPost("/{id:int}/close", async (int id, ShareBody body, CloseBallot.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, body.Share, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Thành viên Ban kiểm phiếu nhập mảnh khóa; đủ số mảnh thì kiểm phiếu và kết thúc");
        ballots.MapGet("/selection", async (string? round, GetSelection.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(round, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Danh sách được biểu dương và danh sách đề nghị lên Tỉnh ủy của một đợt");

        ballots.MapPost("/selection/overrides", async (OverrideSelection.Command command, OverrideSelection.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created("/api/v1/ballots/selection", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Điều chỉnh danh sách đề nghị lên Tỉnh ủy (bắt buộc giải trình)");

        api.MapPost("/nominations/{id:int}/province-outcome", async (int id, OutcomeBody body, ProvinceOutcomes.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Record(id, Common.Versions.Pick(body.Version, http), body.Outcome, body.Note, ct);
            return result.IsSuccess ? Results.Ok(new { outcome = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithTags("Nominations").WithSummary("Ghi kết quả khen thưởng của Tỉnh ủy cho hồ sơ đã đề nghị");

        api.MapGet("/decisions", async (int? year, int? page, ListDecisions.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(year, page ?? 1, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithTags("Decisions").WithSummary("Sổ quyết định, tờ trình");

        api.MapGet("/rounds/{code}/tracker", async (string code, Domain.Common.DeadlineState? state, int? page, RoundTracker.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(code, state, page ?? 1, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithTags("Nominations").WithSummary("Tiến độ nộp hồ sơ của từng tổ chức cơ sở: đúng hạn, muộn, chưa nộp");

        api.MapPost("/decisions", async (IssueDecision.Command command, IssueDecision.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created("/api/v1/decisions", new { number = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithTags("Decisions").WithSummary("Vào sổ quyết định, tờ trình (số theo cơ quan ban hành, theo năm)");

        var nominations = api.MapGroup("/nominations").WithTags("Nominations");
        nominations.MapPost("/{id:int}/checks", async (int id, CheckBody body, VerifyNomination.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Check(id, body.CriterionCode, body.Result, body.Note, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Thẩm định một tiêu chí: Pass (Đạt), Fail (Không đạt), NeedsMore (Cần bổ sung)");
        nominations.MapPost("/{id:int}/accept", async (int id, AcceptBody? body, VerifyNomination.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Accept(id, Common.Versions.Pick(body?.Version, http), ct);
            return result.IsSuccess ? Results.Ok(new { status = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Tiếp nhận hồ sơ đã thẩm định đạt mọi tiêu chí");
        return api;
    }
}
