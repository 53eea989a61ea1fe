using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Decisions;

/// <summary>Decisions after the ballot: the Quyết định and Tờ trình register, the list sent to the province and its outcome.</summary>
public static class DecisionsApi
{
    public sealed record OutcomeBody(Domain.Nominations.ProvinceOutcome Outcome, string? Note, Guid? Version);

    public static RouteGroupBuilder MapDecisionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/ballots/selection/overrides", async (OverrideSelection.Command command, OverrideSelection.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created("/api/v1/ballots/selection", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithTags("Ballots").WithSummary("Điều chỉnh danh sách đề nghị lên cấp trên (bắt buộc giải trình)");
        api.MapPost("/nominations/{id:int}/province-outcome", async (int id, OutcomeBody body, ProvinceOutcomes.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Record(id, Common.Versions.Pick(body.Version, http), body.Outcome, body.Note, ct);
            return result.IsSuccess ? Results.Ok(new { outcome = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithTags("Nominations").WithSummary("Ghi kết quả khen thưởng của cấp trên cho hồ sơ đã đề nghị");
        api.MapGet("/decisions", async (int? year, int? page, ListDecisions.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(year, page ?? 1, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithTags("Decisions").WithSummary("Sổ quyết định, tờ trình");
        api.MapPost("/decisions", async (IssueDecision.Command command, IssueDecision.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created("/api/v1/decisions", new { number = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithTags("Decisions").WithSummary("Vào sổ quyết định, tờ trình (số theo cơ quan ban hành, theo năm)");
        return api;
    }
}
