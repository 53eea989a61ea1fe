using Exemplars.Web.Pages.Paging;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Plans;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Nominations;

[RequestSizeLimit(FileRules.MaxFileBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = FileRules.MaxFileBytes + (1024 * 1024))]
public sealed class EditModel(GetNomination.Handler get, CurrentUser me, Features.Issuers.CurrentNames.Handler names) : PageModel
{
    public GetNomination.Details Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!NominationAccess.CanDraft(me))
        {
            return Forbid();
        }

        var result = await get.Handle(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Details = result.Value;
        if (!NominationStateMachine.IsEditable(Details.Nomination.Status))
        {
            return RedirectToPage("/Nominations/Details", new { id });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, SaveDossier.Command command, [FromServices] SaveDossier.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Handle(id, command, ct), "Đã lưu hồ sơ.", ct);

    public async Task<IActionResult> OnPostUploadAsync(int id, Guid? version, string? criterionCode, IFormFile? file, [FromServices] UploadEvidence.Handler handler, CancellationToken ct)
    {
        if (file is null)
        {
            ModelState.AddModelError(string.Empty, "Hãy chọn tệp cần tải lên.");
            return await OnGetAsync(id, ct);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return await Outcome(id, await handler.Handle(id, version, criterionCode, file.FileName, buffer.ToArray(), ct), $"Đã tải lên {file.FileName}.", ct);
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int id, int evidenceId, Guid? version, [FromServices] UploadEvidence.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Remove(id, evidenceId, version, ct), "Đã xóa tệp.", ct);

    public async Task<IActionResult> OnPostSubmitAsync(int id, Guid? version, [FromServices] SubmitNomination.Handler handler, CancellationToken ct)
    {
        var result = await handler.Handle(id, version, ct);
        if (result.IsSuccess)
        {
            var organs = await names.GetAsync(ct);
            TempData["Message"] = $"Đã gửi hồ sơ lên {organs.Committee} (qua {organs.AdvisingBoard}).";
            return RedirectToPage("/Nominations/Details", new { id });
        }

        return await Outcome(id, result, string.Empty, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, Guid? version, [FromServices] ChangeNominationState.Handler handler, CancellationToken ct)
    {
        var result = await handler.Withdraw(id, version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã rút hồ sơ.";
            return RedirectToPage("/Nominations/Index");
        }

        return await Outcome(id, result, string.Empty, ct);
    }

    /// <summary>Deletes a draft that was never sent (a sent dossier can only be withdrawn).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, Guid? version, [FromServices] ChangeNominationState.Handler handler, CancellationToken ct)
    {
        var result = await handler.DeleteDraft(id, version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã xóa hồ sơ đang soạn.";
            return RedirectToPage("/Nominations/Index");
        }

        return await Outcome(id, result, string.Empty, ct);
    }

    private async Task<IActionResult> Outcome<T>(int id, Result<T> result, string message, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Message"] = message;
            return RedirectToPage("/Nominations/Edit", new { id });
        }

        if (this.Handle(result.Errors) is { } refused)
        {
            return refused;
        }

        var page = await OnGetAsync(id, ct);
        if (page is PageResult)
        {
            Response.StatusCode = Problems.StatusOf(result.Errors[0].Kind);
        }

        return page;
    }
}
