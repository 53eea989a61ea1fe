using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;

namespace Exemplars.Web.Features.ImplementationPlans;

public static class ImplementationPlansApi
{
    public static RouteGroupBuilder MapImplementationPlansApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/implementation-plans").WithTags("ImplementationPlans");
        group.MapGet("/", async (string? plan, TrackImplementationPlans.Filter? filter, string? q, int? page, TrackImplementationPlans.Handler handler, CancellationToken ct) =>
            Problems.Ok(await handler.Handle(plan, filter ?? TrackImplementationPlans.Filter.All, q, page ?? 1, ct)))
            .WithSummary("Theo dõi các tổ chức cơ sở đảng đã, chưa ban hành kế hoạch thực hiện (mặc định: kế hoạch của đợt hiện tại)");
        group.MapGet("/mine", async (string? plan, GetOwnImplementationPlan.Handler handler, CancellationToken ct) => Problems.Ok(await handler.Handle(plan, ct)))
            .WithSummary("Kế hoạch thực hiện của đơn vị mình");
        group.MapPut("/mine", async (RecordImplementationPlan.Command command, HttpContext http, RecordImplementationPlan.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command with { Version = Common.Versions.Pick(command.Version, http) }, null, ct);
            return result.IsSuccess ? Results.Ok(new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Ghi hoặc sửa kế hoạch thực hiện của đơn vị (số, ngày ban hành dd/MM/yyyy, tóm tắt); sửa thì gửi phiên bản đã đọc");
        group.MapPost("/mine/file", async ([FromForm] string? plan, [FromForm] string? number, [FromForm] string? issuedOn, [FromForm] string? summary, [FromForm] Guid? version,
            IFormFile? file, HttpContext http, RecordImplementationPlan.Handler handler, CancellationToken ct) =>
        {
            RecordImplementationPlan.Attachment? attachment = null;
            if (file is not null)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                attachment = new RecordImplementationPlan.Attachment(file.FileName, buffer.ToArray());
            }

            var result = await handler.Handle(new RecordImplementationPlan.Command(plan, number, issuedOn, summary, Common.Versions.Pick(version, http)), attachment, ct);
            return result.IsSuccess ? Results.Ok(new { id = result.Value }) : Problems.ToProblem(result.Errors);
        })
        .DisableAntiforgery() // bearer tokens only on /api: no cookie to forge
        .WithMetadata(new RequestSizeLimitAttribute(FileRules.MaxFileBytes + (1024 * 1024)))
        .WithSummary("Ghi kế hoạch thực hiện kèm tệp đã ký (multipart: plan, number, issuedOn, summary, version, file PDF/DOCX)");
        group.MapGet("/{id:int}/file", async (int id, OpenImplementationPlanFile.Handler handler, CancellationToken ct) =>
            await handler.Handle(id, ct) is { IsSuccess: true } ok ? Results.File(ok.Value.Content, ok.Value.ContentType, ok.Value.FileName) : Problems.NotFound())
            .WithSummary("Tải tệp kế hoạch thực hiện của một đơn vị");
        group.MapPut("/due/{plan}", async (string plan, SetImplementationPlansDue.Command command, HttpContext http, SetImplementationPlansDue.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(plan, command with { Version = Common.Versions.Pick(command.Version, http) }, ct);
            return result.IsSuccess ? Results.Ok(new { version = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Đặt hạn các tổ chức cơ sở đảng ban hành kế hoạch thực hiện (dd/MM/yyyy; để trống là bỏ hạn)");
        return api;
    }
}
