using Exemplars.Domain.Documents;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Issuers;

/// <summary>
/// The issuer directory (the committees that issue documents) for the administrator, as the issuer pages have it:
/// read an issuer with its version, record a new one, edit one. The pages are the administrator's only, and so are these.
/// </summary>
public static class IssuersApi
{
    /// <summary>
    /// An issuer as the edit page has it: printed lines, symbol, recipients (one a row), officers and terms. Rows left
    /// wholly blank are ignored; an edit sends the version it read (or If-Match).
    /// </summary>
    public sealed record IssuerBody(
        string? Symbol, string? SuperiorLine, string? Name, string? SigningOrgan, string? OrganName, string? Place, string? SuperiorOrgan, string? PartyName,
        string? AdvisingBoard, IReadOnlyList<string?>? DecisionRecipients, IReadOnlyList<string?>? SubmissionRecipients, IReadOnlyList<string?>? ReportRecipients,
        IReadOnlyList<SaveIssuer.OfficerRow>? Officers, IReadOnlyList<SaveIssuer.TermRow>? Terms, Guid? Version = null)
    {
        public SaveIssuer.Command ToCommand(int? id, Guid? version) => new(
            id, version, Symbol, SuperiorLine, Name, SigningOrgan, OrganName, Place, SuperiorOrgan, PartyName, AdvisingBoard,
            DecisionRecipients, SubmissionRecipients, ReportRecipients, Officers, Terms);
    }

    /// <summary>An issuer as read back: the same fields as <see cref="IssuerBody"/>, with its id and version.</summary>
    public sealed record IssuerDto(
        int Id, Guid Version, string Symbol, string SuperiorLine, string Name, string SigningOrgan, string OrganName, string Place, string SuperiorOrgan, string PartyName,
        string AdvisingBoard, IReadOnlyList<string> DecisionRecipients, IReadOnlyList<string> SubmissionRecipients, IReadOnlyList<string> ReportRecipients,
        IReadOnlyList<SaveIssuer.OfficerRow> Officers, IReadOnlyList<SaveIssuer.TermRow> Terms)
    {
        public static IssuerDto From(Issuer i) => new(
            i.Id, i.Version, i.Symbol, i.SuperiorLine, i.Name, i.SigningOrgan, i.OrganName, i.Place, i.SuperiorOrgan, i.PartyName, i.AdvisingBoard,
            i.RecipientsOf(DocumentType.Decision), i.RecipientsOf(DocumentType.Submission), i.RecipientsOf(DocumentType.Report),
            i.Officers.OrderBy(o => o.From).Select(o => new SaveIssuer.OfficerRow(o.FullName, o.Position, o.From, o.Until, o.Signs)).ToList(),
            i.Terms.OrderBy(t => t.StartsOn).Select(t => new SaveIssuer.TermRow(t.Label, t.StartsOn)).ToList());
    }

    public static RouteGroupBuilder MapIssuersApi(this RouteGroupBuilder api)
    {
        // The issuer pages are the administrator's ([Authorize(Policy = Admin)]); SaveIssuer also refuses anyone else.
        var group = api.MapGroup("/issuers").WithTags("Issuers").RequireAuthorization(AppAuth.AdminPolicy);
        group.MapGet("/", async (ListIssuers.Handler handler, CancellationToken ct) => Results.Ok((await handler.Handle(ct)).Select(IssuerDto.From).ToList()))
            .WithSummary("Danh mục cơ quan ban hành văn bản, với cán bộ và nhiệm kỳ (quản trị viên)");
        group.MapGet("/{id:int}", async (int id, GetIssuer.Handler handler, CancellationToken ct) =>
            await handler.Handle(id, ct) is { } issuer ? Results.Ok(IssuerDto.From(issuer)) : Problems.NotFound())
            .WithSummary("Một cơ quan ban hành văn bản với phiên bản để sửa (quản trị viên)");
        group.MapPost("/", async (IssuerBody body, SaveIssuer.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(body.ToCommand(null, null), ct);
            return result.IsSuccess ? Results.Created($"/api/v1/issuers/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Thêm cơ quan ban hành văn bản: các dòng tiêu đề, ký hiệu, cơ quan ký thay mặt, nơi nhận từng loại văn bản, cán bộ, nhiệm kỳ (quản trị viên)");
        group.MapPut("/{id:int}", async (int id, IssuerBody body, HttpContext http, SaveIssuer.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(body.ToCommand(id, Common.Versions.Pick(body.Version, http)), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Sửa cơ quan ban hành văn bản (thay toàn bộ nơi nhận, cán bộ, nhiệm kỳ); phiên bản đã đọc (quản trị viên)");
        return api;
    }
}
