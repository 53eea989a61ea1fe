using Exemplars.Domain.Showcase;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Discovery;

public static class DiscoveryApi
{
    public sealed record NurtureBody(string? Note, Guid? Version);

    /// <param name="Achievements">Optional: replaces the achievements before sending (what a returned record was missing).</param>
    public sealed record SendBody(string? Achievements, Guid? Version);

    public sealed record ForwardBody(Guid? Version);

    public sealed record ReturnBody(string? Reason, Guid? Version);

    public static RouteGroupBuilder MapDiscoveryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/discovered").WithTags("Discovery");
        group.MapGet("/", async (DiscoveryStage? stage, DiscoveredExemplars.Source? source, DiscoverySendState? sendState, int? page, DiscoveredExemplars.Handler handler, CancellationToken ct) =>
                Results.Ok(await handler.List(new DiscoveredExemplars.Filter(stage, source, sendState), page ?? 1, null, false, ct)))
            .WithSummary("Gương phát hiện, bồi dưỡng của đơn vị (lọc theo giai đoạn, nguồn: Party / YouthUnion / Veterans, tình trạng gửi)");
        group.MapGet("/by-association", async (DateOnly? from, DateOnly? to, DiscoveryByAssociation.Handler handler, CancellationToken ct) =>
                Results.Ok(await handler.Handle(from, to, ct)))
            .WithSummary("Số gương do chi đoàn, chi hội phát hiện theo từng đoàn thể (Đoàn Thanh niên, Hội Cựu chiến binh)");
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
        group.MapPost("/{id:int}/send", async (int id, SendBody body, HttpContext http, SendDiscovered.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, body.Achievements, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Chi đoàn, chi hội gửi gương phát hiện lên Đoàn Thanh niên, Hội Cựu chiến binh cấp trên cơ sở");
        group.MapPost("/{id:int}/forward", async (int id, ForwardBody body, HttpContext http, ForwardDiscovered.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Đoàn Thanh niên, Hội Cựu chiến binh cấp trên cơ sở chuyển gương chi đoàn, chi hội gửi lên đến Ban Tuyên giáo – Dân vận");
        group.MapPost("/{id:int}/return", async (int id, ReturnBody body, HttpContext http, ReturnDiscovered.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, body.Reason, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Đoàn Thanh niên, Hội Cựu chiến binh cấp trên cơ sở trả lại gương chi đoàn, chi hội gửi lên, có lý do");
        return api;
    }
}
