using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Plans;

public static class PlansApi
{
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
        return api;
    }
}
