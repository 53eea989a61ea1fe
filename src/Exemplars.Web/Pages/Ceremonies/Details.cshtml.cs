using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.Ceremonies;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Ceremonies;

/// <summary>
/// One ceremony: programme, downloads (invitations, attendance list, seating plan, certificates in presentation order),
/// the invitation list with the roll, guests added or removed, and afterwards the outcome (held, story, photos).
/// </summary>
public sealed class DetailsModel(GetCeremony.Handler get) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public GetCeremony.Response? Ceremony { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.Handle(id, PageQuery.Number(Request), Search, ct);
        if (!result.IsSuccess)
        {
            return this.Handle(result.Errors) ?? Page();
        }

        Ceremony = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetInvitationsAsync(int id, int? guestId, [FromServices] InvitationsDocument.Handler document, CancellationToken ct) =>
        Files.Docx(this, await document.Handle(id, guestId, ct));

    public async Task<IActionResult> OnGetAttendanceAsync(int id, [FromServices] AttendanceWorkbook.Handler workbook, CancellationToken ct) =>
        await Workbook(id, await workbook.Handle(id, ct), $"diem-danh-{id}.xlsx", ct);

    public async Task<IActionResult> OnGetSeatingAsync(int id, [FromServices] SeatingWorkbook.Handler workbook, CancellationToken ct) =>
        await Workbook(id, await workbook.Handle(id, ct), $"so-do-cho-ngoi-{id}.xlsx", ct);

    public async Task<IActionResult> OnGetPhotoAsync(int photoId, [FromServices] PublishedCeremonies.Handler photos, CancellationToken ct) =>
        await photos.Photo(photoId, ct) is { } photo ? File(photo.Content, photo.ContentType) : NotFound();

    public async Task<IActionResult> OnPostSyncAsync(int id, Guid? version, [FromServices] BuildInvitationList.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Sync(id, version, ct), "Đã lập lại danh sách mời từ quyết định.", ct);

    public async Task<IActionResult> OnPostAddGuestAsync(int id, Guid? version, GuestKind kind, string? name, string? position, string? unit, [FromServices] AddGuest.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Handle(id, new AddGuest.Command(kind, name, position, unit, version), ct), $"Đã thêm {name?.Trim()} vào danh sách mời.", ct);

    public async Task<IActionResult> OnPostRemoveGuestAsync(int id, int guestId, Guid? version, [FromServices] RemoveGuest.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Handle(id, guestId, version, ct), "Đã bỏ người được mời khỏi danh sách.", ct);

    /// <summary>The roll of the guests shown on the page: Roll[guestId] = "co" (came), "vang" (did not), "" (not known).</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(int id, Guid? version, Dictionary<int, string?> roll, [FromServices] MarkAttendance.Handler handler, CancellationToken ct)
    {
        var marks = roll.Select(r => new MarkAttendance.Mark(r.Key, r.Value switch { "co" => true, "vang" => false, _ => null })).ToList();
        return await Outcome(id, await handler.Handle(id, new MarkAttendance.Command(marks, version), ct), "Đã lưu điểm danh.", ct);
    }

    public async Task<IActionResult> OnPostEditAsync(int id, EditCeremony.Command command, [FromServices] EditCeremony.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Handle(id, command, ct), "Đã sửa thông tin buổi lễ.", ct);

    public async Task<IActionResult> OnPostHeldAsync(int id, Guid? version, DateOnly heldOn, [FromServices] RecordCeremonyOutcome.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Held(id, new RecordCeremonyOutcome.HeldCommand(heldOn, version), ct), "Đã ghi nhận buổi lễ đã tổ chức.", ct);

    public async Task<IActionResult> OnPostStoryAsync(int id, Guid? version, string? storyTitle, string? storyHtml, bool publish, [FromServices] RecordCeremonyOutcome.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Story(id, new RecordCeremonyOutcome.StoryCommand(storyTitle, storyHtml, publish, version), ct),
            publish ? "Đã lưu và đăng bài viết lên trang gương điển hình." : "Đã lưu bài viết (chưa đăng).", ct);

    public async Task<IActionResult> OnPostPhotoAsync(int id, Guid? version, IFormFile? photo, string? caption, [FromServices] RecordCeremonyOutcome.Handler handler, CancellationToken ct)
    {
        if (photo is null)
        {
            return await Outcome(id, Result<int>.Failure(DomainError.Invalid("Photo", "Chọn tệp ảnh JPG hoặc PNG để tải lên.")), string.Empty, ct);
        }

        using var buffer = new MemoryStream();
        await photo.CopyToAsync(buffer, ct);
        return await Outcome(id, await handler.Photo(id, photo.FileName, buffer.ToArray(), caption, version, ct), "Đã thêm ảnh buổi lễ.", ct);
    }

    private async Task<IActionResult> Workbook(int id, Result<Stream> result, string fileName, CancellationToken ct) =>
        result.IsSuccess ? File(result.Value, Infrastructure.Excel.Spreadsheet.ContentType, fileName)
            : this.Handle(result.Errors) ?? await OnGetAsync(id, ct);

    private async Task<IActionResult> Outcome<T>(int id, Result<T> result, string message, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Message"] = message;
            return RedirectToPage("/Ceremonies/Details", new { id });
        }

        if (this.Handle(result.Errors) is { } refused)
        {
            return refused;
        }

        // Nothing was saved: the page again, as it now is, with the reason.
        var page = await OnGetAsync(id, ct);
        if (page is PageResult shown)
        {
            shown.StatusCode = Infrastructure.Http.Problems.StatusOf(result.Errors[0].Kind);
        }

        return page;
    }
}
