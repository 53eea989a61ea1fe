using Exemplars.Domain.Ballots;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Review;

/// <summary>The secretariat's review: progress of every unit against the deadline, checks per criterion, acceptance.</summary>
public static class ReviewApi
{
    public sealed record CheckBody(string? CriterionCode, CheckResult Result, string? Note);

    public sealed record AcceptBody(Guid? Version);

    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{code}/tracker", async (string code, Domain.Common.DeadlineState? state, int? page, RoundTracker.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(code, state, page ?? 1, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithTags("Nominations").WithSummary("Tiến độ nộp hồ sơ của từng tổ chức cơ sở: đúng hạn, muộn, chưa nộp");
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
