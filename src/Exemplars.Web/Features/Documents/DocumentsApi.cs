using Exemplars.Domain.Common;
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

    public static IResult Xlsx(Result<byte[]> result, string fileName) =>
        result.IsSuccess ? Results.File(result.Value, Spreadsheet.ContentType, fileName) : Problems.ToProblem(result.Errors);

    /// <summary>A streamed export (a temporary file, deleted once sent), or its refusal as a problem.</summary>
    public static IResult Xlsx(Result<Stream> result, string fileName) =>
        result.IsSuccess ? Results.File(result.Value, Spreadsheet.ContentType, fileName) : Problems.ToProblem(result.Errors);

    public static IResult File(Result<(string FileName, byte[] Content)> result) =>
        result.IsSuccess ? Results.File(result.Value.Content, DocumentSettings.DocxContentType, result.Value.FileName) : Problems.ToProblem(result.Errors);
}
