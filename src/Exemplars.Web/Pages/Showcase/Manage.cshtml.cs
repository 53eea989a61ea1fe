using Exemplars.Domain.Nominations;
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

        return this.Handle(result.Errors) ?? await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(int storyId, [FromServices] ApproveStory.Handler approve, CancellationToken ct)
    {
        var result = await approve.Handle(storyId, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã duyệt; trang công khai hiện bản này.";
            return RedirectToPage();
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostUnpublishAsync(int storyId, string? reason, [FromServices] UnpublishStory.Handler unpublish, CancellationToken ct)
    {
        var result = await unpublish.Handle(storyId, reason, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã gỡ bài khỏi trang công khai.";
            return RedirectToPage();
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(ct);
    }
}
