using Exemplars.Domain.Common;
using Exemplars.Domain.Reports;
using Exemplars.Web.Features.Documents;
using Exemplars.Web.Infrastructure.Excel;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Reports;

public static class ReportsApi
{
    public sealed record SaveBody(string? Narrative, Guid? Version);

    public sealed record SubmitBody(Guid? Version);

    public sealed record ReturnBody(string? Reason, Guid? Version);

    public sealed record BlocBody(string? ResultsHtml, string? LimitationsHtml, string? DirectionsHtml, Guid? Version);

    public sealed record PeriodBody(DateOnly From, DateOnly To, DateOnly Deadline, Guid? Version);

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/periods", async (int? year, int? page, ListReportingPeriods.Handler handler, CancellationToken ct) =>
            ToResult(await handler.Handle(year, page ?? 1, ct))).WithSummary("Các kỳ báo cáo định kỳ (6 tháng, năm)");
        group.MapPut("/periods/{id:int}", async (int id, PeriodBody body, HttpContext http, UpdateReportingPeriod.Handler handler, CancellationToken ct) =>
            ToResult(await handler.Handle(id, body.From, body.To, body.Deadline, Common.Versions.Pick(body.Version, http), ct))).WithSummary("Quản trị sửa ngày chốt số liệu và hạn gửi của một kỳ");
        group.MapGet("/periods/{id:int}/units/{organizationId:int}", async (int id, int organizationId, GetReport.Handler handler, CancellationToken ct) =>
            ToResult(await handler.Handle(id, organizationId, ct))).WithSummary("Báo cáo của một tổ chức cơ sở (số liệu tự động khi còn là dự thảo)");
        group.MapPut("/periods/{id:int}/mine", async (int id, SaveBody body, SaveReport.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(new SaveReport.Command(id, body.Narrative, body.Version), ct);
            return result.IsSuccess ? Results.Ok(new { result.Value.Id, result.Value.Version }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Cấp ủy cơ sở lưu dự thảo báo cáo của đơn vị");
        group.MapPost("/periods/{id:int}/mine/submit", async (int id, SubmitBody? body, SubmitReport.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, Common.Versions.Pick(body?.Version, http), ct);
            return result.IsSuccess ? Results.Ok(new { result.Value.Id, result.Value.Version, result.Value.SubmittedAtUtc }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Cấp ủy cơ sở gửi báo cáo (số liệu được chốt)");
        group.MapPost("/periods/{id:int}/units/{organizationId:int}/return", async (int id, int organizationId, ReturnBody body, ReturnReport.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, organizationId, Common.Versions.Pick(body.Version, http), body.Reason, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Ban Tuyên giáo – Dân vận trả lại báo cáo, kèm lý do");
        group.MapGet("/periods/{id:int}/tracker", async (int id, DeadlineState? state, string? q, int? page, ReportTracker.Handler handler, CancellationToken ct) =>
            ToResult(await handler.Handle(id, state, q, page ?? 1, ct))).WithSummary("Theo dõi các đơn vị đã gửi, gửi trễ, chưa gửi báo cáo");
        group.MapGet("/periods/{id:int}/bloc", async (int id, GetBlocReport.Handler handler, CancellationToken ct) =>
            ToResult(await handler.Handle(id, ct))).WithSummary("Phần đánh giá của báo cáo tổng hợp (dự thảo từ báo cáo các đơn vị, hoặc bản đã lưu, đã ban hành)");
        group.MapPut("/periods/{id:int}/bloc", async (int id, BlocBody body, SaveBlocReport.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Handle(new SaveBlocReport.Command(id, body.ResultsHtml, body.LimitationsHtml, body.DirectionsHtml, Common.Versions.Pick(body.Version, http)), ct);
            return result.IsSuccess ? Results.Ok(new { result.Value.Id, result.Value.Version }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Ban Tuyên giáo – Dân vận sửa phần kết quả, hạn chế, phương hướng của báo cáo tổng hợp");
        group.MapPost("/periods/{id:int}/bloc/issue", async (int id, SubmitBody? body, IssueBlocReport.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, Common.Versions.Pick(body?.Version, http), ct);
            return result.IsSuccess ? Results.Ok(new { Number = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Ban hành báo cáo tổng hợp: vào sổ đăng ký văn bản, chốt nội dung");
        group.MapGet("/periods/{id:int}/bloc.docx", async (int id, BlocReportDocuments.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Docx(id, ct);
            return result.IsSuccess ? Results.File(result.Value.Content, DocumentSettings.DocxContentType, result.Value.FileName) : Problems.ToProblem(result.Errors);
        }).WithSummary("Báo cáo tổng hợp của Đảng ủy cấp trên cơ sở (DOCX)");
        group.MapGet("/periods/{id:int}/bloc.xlsx", async (int id, BlocReportDocuments.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Xlsx(id, ct);
            return result.IsSuccess ? Results.File(result.Value.Content, Spreadsheet.ContentType, result.Value.FileName) : Problems.ToProblem(result.Errors);
        }).WithSummary("Bảng tổng hợp số liệu các đơn vị (XLSX)");
        return api;
    }

    private static IResult ToResult<T>(Domain.Common.Result<T> result) => result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
}
