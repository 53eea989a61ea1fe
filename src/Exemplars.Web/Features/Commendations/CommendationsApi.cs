using Exemplars.Domain.Eligibility;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Commendations;

public static class CommendationsApi
{
    public static RouteGroupBuilder MapCommendationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/grassroots-commendations").WithTags("GrassrootsCommendations");
        group.MapGet("/", async (int? year, NomineeKind? kind, string? q, int? page, ListCommendations.Handler handler, CancellationToken ct) =>
            Problems.Ok(await handler.Handle(new ListCommendations.Query(year, kind, q, page ?? 1), ct)))
            .WithSummary("Tập thể, cá nhân được cấp cơ sở khen thưởng (theo năm quyết định, đối tượng, tên)");
        group.MapPost("/", async (RecordCommendation.Command command, RecordCommendation.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created("/api/v1/grassroots-commendations", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Ghi một tập thể, cá nhân được cấp ủy cơ sở khen thưởng (hình thức, số và ngày quyết định dd/MM/yyyy)");
        group.MapDelete("/{id:int}", async (int id, Guid? version, HttpContext http, RemoveCommendation.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, Common.Versions.Pick(version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Xóa khen thưởng ghi nhầm (chưa dùng để lập hồ sơ); phiên bản trong If-Match hoặc ?version=");
        return api;
    }
}
