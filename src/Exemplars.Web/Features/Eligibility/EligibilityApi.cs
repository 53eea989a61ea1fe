using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Eligibility;

public static class EligibilityApi
{
    public static RouteGroupBuilder MapEligibilityApi(this RouteGroupBuilder api)
    {
        api.MapPost("/eligibility/evaluate", async (EvaluateEligibility.Request request, EvaluateEligibility.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(request, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        })
        .WithTags("Eligibility")
        .WithSummary("Đánh giá thử điều kiện theo dữ liệu gửi lên (không lưu)");

        api.MapGet("/people/{id:int}/eligibility", async (int id, string? round, string? category, PersonEligibility.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, round, category, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        })
        .WithTags("Eligibility")
        .WithSummary("Điều kiện của một người theo dữ liệu đã lưu, trong một đợt bình xét")
        .CacheOutput(KeptResponses.Policy);

        return api;
    }
}
