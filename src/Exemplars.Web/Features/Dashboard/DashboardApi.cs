using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Dashboard;

public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard/rounds/{code}", async (string code, RoundDashboard.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(code, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithTags("Dashboard").WithSummary("Số liệu một đợt bình xét: hồ sơ theo trạng thái, đơn vị, nhóm đối tượng, giới tính, độ tuổi, đúng hạn/nộp muộn").CacheOutput(KeptResponses.Policy);

        return api;
    }
}
