using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Replication;

public static class ReplicationApi
{
    public sealed record PledgeBody(int ExemplarId, string? WhatToApply, DateOnly DueOn);

    public sealed record ResultBody(string? Result, Guid? Version);

    public static RouteGroupBuilder MapReplicationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/replication").WithTags("Replication");
        group.MapGet("/", async (int? page, Pledges.Handler handler, CancellationToken ct) => Results.Ok(await handler.List(page ?? 1, ct)))
            .WithSummary("Đăng ký học tập, nhân rộng gương điển hình (của đơn vị, hoặc của cả Đảng bộ với Ban Tuyên giáo – Dân vận)");
        group.MapPost("/", async (PledgeBody body, Pledges.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Pledge(body.ExemplarId, body.WhatToApply, body.DueOn, ct);
            return result.IsSuccess ? Results.Created("/api/v1/replication", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Đơn vị đăng ký học tập một gương điển hình");
        group.MapPost("/{id:int}/result", async (int id, ResultBody body, HttpContext http, Pledges.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Report(id, body.Result, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Báo cáo kết quả học tập, làm theo");
        return api;
    }
}
