using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Excel;
using Exemplars.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.People;

public sealed record ImportStatusModel(Guid Id, BackgroundWork.Job Job);

[RequestSizeLimit(Spreadsheet.MaxUploadBytes + 64 * 1024)]
public sealed class ImportModel(BackgroundWork imports, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "job")]
    public Guid? JobId { get; set; }

    public ImportStatusModel? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!RegistryAccess.CanWrite(me))
        {
            return Forbid();
        }

        if (JobId is { } id)
        {
            var job = await imports.FindAsync(id, me, ct);
            if (job is null)
            {
                return NotFound();
            }

            Status = new ImportStatusModel(id, job);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(CancellationToken ct)
    {
        var job = JobId is { } id ? await imports.FindAsync(id, me, ct) : null;
        return job is null ? NotFound() : Partial("_ImportStatus", new ImportStatusModel(JobId!.Value, job));
    }

    public IActionResult OnGetTemplate(string? kind) => kind == "ratings"
        ? File(Spreadsheet.Write(ImportRatings.TemplateHeaders, [["DV00001", "Đảng viên", 2024, "Hoàn thành xuất sắc nhiệm vụ", null], ["DV00001", "Đảng viên", 2025, "Hoàn thành tốt nhiệm vụ", 85], ["CS001", "Tổ chức đảng", 2024, "Hoàn thành tốt nhiệm vụ", null], ["CS001", "Công đoàn", 2024, "Hoàn thành xuất sắc nhiệm vụ", null]]), Spreadsheet.ContentType, "mau-nhap-xep-loai.xlsx")
        : File(Spreadsheet.Write(ImportPeople.Headers, [["DV99999", "Nguyễn Văn A", "05/09/1980", "Nam", "Kinh", "Chuyên viên", "CS001", "Có", 2010, "Không", "", "3.2.5"]]), Spreadsheet.ContentType, "mau-nhap-nguoi.xlsx");

    /// <summary>The ratings already recorded, with their versions: the file to edit when correcting ratings.</summary>
    public async Task<IActionResult> OnGetExportRatingsAsync([FromServices] ExportRatings.Handler export, CancellationToken ct)
    {
        return await export.Handle(ct) is { } result
            ? await Paging.Files.XlsxExport(this, result, "xep-loai.xlsx", error => ExportError = error)
            : Forbid();
    }

    /// <summary>Why the ratings export was refused (a list longer than one XLSX sheet may hold).</summary>
    public string? ExportError { get; private set; }

    public Task<IActionResult> OnPostPeopleAsync(IFormFile? file, CancellationToken ct) => Start(file, "people", ct);

    public Task<IActionResult> OnPostRatingsAsync(IFormFile? file, CancellationToken ct) => Start(file, "ratings", ct);

    private async Task<IActionResult> Start(IFormFile? file, string kind, CancellationToken ct)
    {
        if (!RegistryAccess.CanWrite(me))
        {
            return Forbid();
        }

        var upload = await Spreadsheet.ReadUploadAsync(file, ct);
        if (!upload.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, upload.Errors[0].Message);
            return Page();
        }

        await using var content = upload.Value;
        var id = await imports.EnqueueAsync(me, kind, file!.FileName, content.ToArray(), ct);
        return RedirectToPage("/People/Import", new { job = id });
    }
}
