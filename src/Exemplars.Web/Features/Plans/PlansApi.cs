using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Plans;

public static class PlansApi
{
    public sealed record CloneBody(string? Code, string? Name, string? IssuerSymbol);

    public sealed record CriterionBody(string? Text, Guid? Version);

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
        return api;
    }
}
