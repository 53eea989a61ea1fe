using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Excel;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Documents;

public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/decisions/{id:int}/docx", async (int id, DecisionDocument.Handler handler, CancellationToken ct) => File(await handler.Handle(id, ct)))
            .WithTags("Documents").WithSummary("Quyết định / Tờ trình (DOCX, thể thức văn bản của Đảng)");
        api.MapGet("/ballots/{id:int}/minutes", async (int id, BallotMinutesDocument.Handler handler, CancellationToken ct) => File(await handler.Handle(id, ct)))
            .WithTags("Documents").WithSummary("Biên bản kiểm phiếu (DOCX)");
        api.MapGet("/nominations/{id:int}/report", async (int id, NominationDocuments.Handler handler, CancellationToken ct) => File(await handler.Report(id, ct)))
            .WithTags("Documents").WithSummary("Báo cáo thành tích (DOCX)");
        api.MapGet("/nominations/{id:int}/minutes-template", async (int id, NominationDocuments.Handler handler, CancellationToken ct) => File(await handler.MinutesTemplate(id, ct)))
            .WithTags("Documents").WithSummary("Mẫu biên bản họp bình xét ở cơ sở (DOCX)");
        api.MapGet("/decisions/{id:int}/certificates", async (int id, string? format, CertificatesDocument.Handler handler, CancellationToken ct) =>
        {
            var certificates = await handler.Load(id, ct);
            if (!certificates.IsSuccess)
            {
                return Problems.ToProblem(certificates.Errors);
            }

            return format == "zip"
                ? Results.File(handler.ZipFile(certificates.Value), "application/zip", $"giay-khen-{id}.zip")
                : Results.File(handler.Combined(certificates.Value), "application/pdf", $"giay-khen-{id}.pdf");
        }).WithTags("Documents").WithSummary("Giấy khen của mọi người, tập thể được khen trong một quyết định (PDF gộp, hoặc ?format=zip)");
        api.MapPost("/decisions/{id:int}/certificate-batches", async (int id, string? format, StartCertificateBatch.Handler handler, CancellationToken ct) =>
        {
            var started = await handler.Handle(id, format == "zip", ct);
            return started.IsSuccess
                ? Results.Accepted($"/api/v1/certificate-batches/{started.Value}", new { id = started.Value })
                : Problems.ToProblem(started.Errors);
        }).WithTags("Documents").WithSummary("Bắt đầu tạo Giấy khen của cả một quyết định ở chế độ chạy nền (PDF gộp, hoặc ?format=zip): trả về địa chỉ theo dõi tiến độ (Ban Tuyên giáo – Dân vận)");
        api.MapGet("/certificate-batches/{id:guid}", async (Guid id, StartCertificateBatch.Handler handler, CancellationToken ct) =>
            await handler.Find(id, ct) is { } job ? Results.Ok(CertificateBatchDto.From(job)) : Problems.NotFound())
            .WithTags("Documents").WithSummary("Tiến độ tạo Giấy khen (chỉ người đã bắt đầu); xong thì có địa chỉ tải tệp, hoặc lý do không tạo được");
        api.MapGet("/certificate-batches/{id:guid}/file", async (Guid id, StartCertificateBatch.Handler handler, IFileStore files, CancellationToken ct) =>
        {
            var job = await handler.Find(id, ct);
            return job switch
            {
                null => Problems.NotFound(),
                { Done: true, OutputAddress: { } address, OutputContentType: { } type } when files.Exists(address) => Results.File(files.Open(address), type, job.OutputName),
                { Done: true, Errors: { Count: > 0 } errors } => Problems.ToProblem(errors),
                { Done: true } => Problems.NotFound(),
                _ => Problems.ToProblem([DomainError.Conflict("not_ready", "Giấy khen đang được tạo; hãy xem tiến độ rồi tải lại sau.")]),
            };
        }).WithTags("Documents").WithSummary("Tải tệp Giấy khen đã tạo xong (PDF hoặc ZIP; chỉ người đã bắt đầu)");

        api.MapGet("/nominations/export", async (string? round, ListExports.Handler handler, CancellationToken ct) =>
            Xlsx(await handler.Nominations(round, ct), "ho-so-de-nghi.xlsx"))
            .WithTags("Documents").WithSummary("Danh sách hồ sơ đề nghị (XLSX)");
        api.MapGet("/people/export", async (ListExports.Handler handler, CancellationToken ct) =>
            Xlsx(await handler.People(ct), "so-theo-doi.xlsx"))
            .WithTags("Documents").WithSummary("Sổ theo dõi cá nhân (XLSX); một danh sách quá 1.000.000 dòng bị từ chối (422), không bị cắt");
        api.MapGet("/decisions/{id:int}/awardees", async (int id, ListExports.Handler handler, CancellationToken ct) => Xlsx(await handler.Awardees(id, ct), "danh-sach-khen-thuong.xlsx"))
            .WithTags("Documents").WithSummary("Danh sách được khen thưởng của một quyết định (XLSX)");
        api.MapGet("/ballots/selection/export", async (string? round, ListExports.Handler handler, CancellationToken ct) => Xlsx(await handler.Candidates(round, ct), "ket-qua-lua-chon.xlsx"))
            .WithTags("Documents").WithSummary("Danh sách trường hợp được bỏ phiếu và kết quả (XLSX)");
        return api;
    }

    /// <summary>A certificate batch as its starter follows it: progress, then the file's address or the refusal.</summary>
    public sealed record CertificateBatchDto(Guid Id, bool Done, string Stage, int Made, int Total, IReadOnlyList<DomainError>? Errors, string? File)
    {
        public static CertificateBatchDto From(Infrastructure.Jobs.BackgroundWork.Job job) => new(
            job.Id, job.Done, job.Progress.Stage, job.Progress.Done, job.Progress.Total, job.Errors,
            job is { Done: true, OutputAddress: not null } ? $"/api/v1/certificate-batches/{job.Id}/file" : null);
    }

    public static IResult Xlsx(Result<byte[]> result, string fileName) =>
        result.IsSuccess ? Results.File(result.Value, Spreadsheet.ContentType, fileName) : Problems.ToProblem(result.Errors);

    /// <summary>A streamed export (a temporary file, deleted once sent), or its refusal as a problem.</summary>
    public static IResult Xlsx(Result<Stream> result, string fileName) =>
        result.IsSuccess ? Results.File(result.Value, Spreadsheet.ContentType, fileName) : Problems.ToProblem(result.Errors);

    public static IResult File(Result<(string FileName, byte[] Content)> result) =>
        result.IsSuccess ? Results.File(result.Value.Content, DocumentSettings.DocxContentType, result.Value.FileName) : Problems.ToProblem(result.Errors);
}
