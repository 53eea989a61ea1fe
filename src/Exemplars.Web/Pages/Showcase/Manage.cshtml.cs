using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Showcase;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Showcase;

[RequestSizeLimit(FileRules.MaxFileBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = FileRules.MaxFileBytes + (1024 * 1024))]
public sealed class ManageModel(ManageStories.Handler list) : PageModel
{
    public IReadOnlyList<ManageStories.Row> Awarded { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await list.Handle(ct);
        if (rows is null)
        {
            return Forbid();
        }

        Awarded = rows;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(SaveStory.Command command, IFormFile? photo, [FromServices] SaveStory.Handler save, CancellationToken ct)
    {
        (string, byte[])? upload = null;
        if (photo is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await photo.CopyToAsync(buffer, ct);
            upload = (photo.FileName, buffer.ToArray());
        }

        var result = await save.Handle(command, upload, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = command.Approve ? "Đã lưu và duyệt đăng công khai." : "Đã lưu bản nháp. Trang công khai vẫn hiện bản đã duyệt gần nhất cho đến khi bản này được duyệt.";
            return RedirectToPage();
        }

        return await Refused(result.Errors, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(int storyId, Guid? version, [FromServices] ApproveStory.Handler approve, CancellationToken ct)
    {
        var result = await approve.Handle(storyId, version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã duyệt; trang công khai hiện bản này.";
            return RedirectToPage();
        }

        return await Refused(result.Errors, ct);
    }

    public async Task<IActionResult> OnPostUnpublishAsync(int storyId, Guid? version, string? reason, [FromServices] UnpublishStory.Handler unpublish, CancellationToken ct)
    {
        var result = await unpublish.Handle(storyId, version, reason, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã gỡ bài khỏi trang công khai.";
            return RedirectToPage();
        }

        return await Refused(result.Errors, ct);
    }

    /// <summary>The page again with the errors; a missing version answers 428 and a stale one 409, as the API does.</summary>
    private async Task<IActionResult> Refused(IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        if (this.Handle(errors) is { } refused)
        {
            return refused;
        }

        var page = await OnGetAsync(ct);
        if (page is PageResult && errors[0].Code is Versions.RequiredCode or Versions.StaleCode)
        {
            Response.StatusCode = errors[0].Code == Versions.RequiredCode ? StatusCodes.Status428PreconditionRequired : StatusCodes.Status409Conflict;
        }

        return page;
    }
}
