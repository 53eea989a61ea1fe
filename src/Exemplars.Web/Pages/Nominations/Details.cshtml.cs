using Exemplars.Web.Pages.Paging;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Nominations;

public sealed class DetailsModel(GetNomination.Handler get, CurrentUser me, Features.Review.VerificationHistory.Handler history) : PageModel
{
    public GetNomination.Details Details { get; private set; } = null!;

    public IReadOnlyList<Features.Review.VerifyNomination.Record> Verifications { get; private set; } = [];

    public bool CanReview => NominationAccess.CanReview(me);

    public bool CanEdit => NominationAccess.CanDraft(me);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.Handle(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Details = result.Value;
        Verifications = await history.Handle(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBranchAsync(int id, Guid? version, bool? businessLeader, [FromServices] ChooseEnterpriseBranch.Handler choose, CancellationToken ct)
    {
        var result = await choose.Handle(id, version, businessLeader, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã ghi lựa chọn bộ tiêu chí mục 3.2.1.";
            return RedirectToPage(new { id });
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnGetReportAsync(int id, [FromServices] Features.Documents.NominationDocuments.Handler documents, CancellationToken ct) =>
        Files.Docx(this, await documents.Report(id, ct));

    public async Task<IActionResult> OnGetMinutesTemplateAsync(int id, [FromServices] Features.Documents.NominationDocuments.Handler documents, CancellationToken ct) =>
        Files.Docx(this, await documents.MinutesTemplate(id, ct));

    /// <summary>Evidence is served only through the dossier's own scope check, as an attachment, never inline.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, [FromServices] IFileStore storage, CancellationToken ct)
    {
        var result = await get.Handle(id, ct);
        var file = result.IsSuccess ? result.Value.Nomination.Evidence.SingleOrDefault(e => e.Id == fileId) : null;
        return file is null ? NotFound() : File(storage.Open(file.StoragePath), file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, Guid? version, string? reason, [FromServices] ChangeNominationState.Handler handler, CancellationToken ct)
    {
        var result = await handler.Return(id, version, reason, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã trả lại hồ sơ cho đơn vị.";
            return RedirectToPage(new { id });
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(id, ct);
    }
}
