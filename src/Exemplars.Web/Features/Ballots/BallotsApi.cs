using Exemplars.Domain.Ballots;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Ballots;

public static class BallotsApi
{
    public sealed record VoteBody(Dictionary<int, BallotChoice>? Choices);

    public sealed record ShareBody(string? Share);

    public static RouteGroupBuilder MapBallotsApi(this RouteGroupBuilder api)
    {
        var ballots = api.MapGroup("/ballots").WithTags("Ballots");
        ballots.MapPost("/", async (OpenBallot.Command command, OpenBallot.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created($"/api/v1/ballots/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Mở bỏ phiếu kín (Ban Tuyên giáo – Dân vận)");
        ballots.MapGet("/{id:int}", async (int id, GetBallot.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Cuộc bỏ phiếu; kết quả chỉ có sau khi kết thúc");
        ballots.MapPost("/{id:int}/votes", async (int id, VoteBody body, CastVote.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, body.Choices, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Bỏ phiếu (ủy viên Ban Thường vụ; mỗi người một lần)");
        ballots.MapGet("/{id:int}/share", async (int id, KeyShares.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Get(id, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Mảnh khóa kiểm phiếu của thành viên Ban kiểm phiếu (chỉ người đó, đến khi xác nhận đã lưu)");
        ballots.MapPost("/{id:int}/share/kept", async (int id, KeyShares.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Kept(id, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Xác nhận đã lưu mảnh khóa; máy chủ xóa bản đang giữ");
        ballots.MapPost("/{id:int}/close", async (int id, ShareBody body, CloseBallot.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, body.Share, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Thành viên Ban kiểm phiếu nhập mảnh khóa; đủ số mảnh thì kiểm phiếu và kết thúc");
        ballots.MapGet("/selection", async (string? round, GetSelection.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(round, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Danh sách được biểu dương và danh sách đề nghị lên cấp trên của một đợt");
        ballots.MapPost("/selection/run-off", async (OpenRunOff.Command command, OpenRunOff.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Created($"/api/v1/ballots/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Mở bỏ phiếu lại từ kết quả lựa chọn của đợt: đúng những trường hợp đang bằng phiếu ở ngưỡng đề nghị lên cấp trên (Ban Tuyên giáo – Dân vận)");
        return api;
    }
}
