using Exemplars.Domain.Common;
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
        return api;
    }

    public static IResult File(Result<(string FileName, byte[] Content)> result) =>
        result.IsSuccess ? Results.File(result.Value.Content, DocumentSettings.DocxContentType, result.Value.FileName) : Problems.ToProblem(result.Errors);
}
