using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Webhooks;

public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(AppAuth.AdminPolicy);
        group.MapGet("/deliveries", async (ListWebhookDeliveries.StateFilter? state, string? @event, int? page, int? pageSize, ListWebhookDeliveries.Handler handler, CancellationToken ct) =>
            Results.Ok(await handler.Handle(new ListWebhookDeliveries.Query(state ?? ListWebhookDeliveries.StateFilter.All, @event, page ?? 1, pageSize ?? Common.PageRequest.DefaultSize), ct)))
            .WithSummary("Nhật ký gửi sự kiện (webhook) sang hệ thống khác, mới nhất trước: lọc theo trạng thái (Pending, Delivered, Failed) và sự kiện; chỉ quản trị viên");
        group.MapPost("/deliveries/{id:long}/retry", async (long id, RetryWebhookDelivery.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Gửi lại một lần gửi đã thất bại (sau mọi lần thử): được gửi ngay ở lượt tới của tác vụ nền, với lượt thử mới; chỉ quản trị viên");
        return api;
    }
}
