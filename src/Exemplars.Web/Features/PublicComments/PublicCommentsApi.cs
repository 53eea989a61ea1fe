using Exemplars.Domain.Ballots;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.PublicComments;

public static class PublicCommentsApi
{
    public sealed record DecideBody(CommentStatus Status, string? Handling);

    public static RouteGroupBuilder MapPublicCommentsApi(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public").WithTags("Public").AllowAnonymous();
        open.MapGet("/candidates", async (ListPublicCandidates.Handler handler, CancellationToken ct) => Results.Ok(await handler.Handle(ct)))
            .WithSummary("Các trường hợp đang lấy ý kiến công khai (không cần đăng nhập)");
        open.MapPost("/comments", async (PostComment.Command command, PostComment.Handler handler, PublicCommentLimiter limiter, HttpContext http, CancellationToken ct) =>
        {
            if (!await limiter.TryAcquireAsync(http, ct))
            {
                return limiter.Refused();
            }

            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Accepted() : Problems.ToProblem(result.Errors);
        }).ProducesProblem(StatusCodes.Status429TooManyRequests).WithSummary("Gửi ý kiến về một trường hợp (giới hạn số lần theo địa chỉ IP)");

        api.MapPost("/comment-periods", async (OpenCommentPeriod.Command command, OpenCommentPeriod.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created("/api/v1/public/candidates", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithTags("Public").WithSummary("Mở lấy ý kiến công khai (Ban Tuyên giáo – Dân vận)");
        api.MapGet("/comment-periods", async (string? round, CommentPeriods.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Overview(round, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithTags("Public").WithSummary("Các đợt lấy ý kiến công khai của một đợt bình xét (mặc định đợt hiện tại), trạng thái, số ý kiến và các ứng viên đã thẩm định (Ban Tuyên giáo – Dân vận)");
        api.MapPost("/comment-periods/{id:int}/close", async (int id, CommentPeriods.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Close(id, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithTags("Public").WithSummary("Kết thúc sớm một đợt lấy ý kiến đang mở hoặc chưa bắt đầu: từ hôm nay các ứng viên không còn hiển thị công khai (Ban Tuyên giáo – Dân vận)");
        api.MapGet("/comments", async (CommentStatus? status, int? page, ModerateComments.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.List(status, page ?? 1, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithTags("Public").WithSummary("Ý kiến góp ý để kiểm duyệt");
        api.MapPost("/comments/{id:int}/decision", async (int id, DecideBody body, ModerateComments.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Decide(id, body.Status, body.Handling, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithTags("Public").WithSummary("Ghi cách xử lý một ý kiến");
        return api;
    }
}
