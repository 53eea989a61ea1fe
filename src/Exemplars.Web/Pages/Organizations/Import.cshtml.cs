using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Excel;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Organizations;

[Authorize(Policy = AppAuth.AdminPolicy)]
[RequestSizeLimit(Spreadsheet.MaxUploadBytes + 64 * 1024)]
public sealed class ImportModel(ImportOrganizations.Handler import) : PageModel
{
    public ImportOrganizations.Report? Report { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(ExportOrganizations.Handler.Template(), Spreadsheet.ContentType, "mau-nhap-to-chuc.xlsx");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var upload = await Spreadsheet.ReadUploadAsync(file, ct);
        if (!upload.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, upload.Errors[0].Message);
            return Page();
        }

        await using var content = upload.Value;
        var result = await import.Handle(content, ct);
        if (!result.IsSuccess)
        {
            Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
            return Page();
        }

        Report = result.Value;
        return Page();
    }
}
