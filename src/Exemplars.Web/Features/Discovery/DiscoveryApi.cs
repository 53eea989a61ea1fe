using Exemplars.Domain.Showcase;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Discovery;

public static class DiscoveryApi
{
    public sealed record NurtureBody(string? Note, Guid? Version);

    public static RouteGroupBuilder MapDiscoveryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/discovered").WithTags("Discovery");
        group.MapGet("/", async (DiscoveryStage? stage, int? page, DiscoveredExemplars.Handler handler, CancellationToken ct) => Results.Ok(await handler.List(stage, page ?? 1, ct)))
            .WithSummary("Gương phát hiện, bồi dưỡng của đơn vị");
        group.MapPost("/", async (DiscoveredExemplars.Command command, DiscoveredExemplars.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Record(command, ct);
            return result.IsSuccess ? Results.Created("/api/v1/discovered", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Ghi nhận một gương mới phát hiện");
        group.MapPost("/{id:int}/nurture", async (int id, NurtureBody body, HttpContext http, DiscoveredExemplars.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Nurture(id, body.Note, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Ghi việc bồi dưỡng gương đã phát hiện");
        return api;
    }
}
