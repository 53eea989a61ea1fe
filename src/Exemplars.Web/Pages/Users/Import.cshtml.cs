using Exemplars.Web.Features.Users;
using Exemplars.Web.Infrastructure.Excel;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Users;

[RequestSizeLimit(Spreadsheet.MaxUploadBytes + 64 * 1024)]
public sealed class ImportModel(ImportUsers.Handler import) : PageModel
{
    public ImportUsers.Report? Report { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() => File(
        Spreadsheet.Write(ImportUsers.Headers, [["nguyenvana@donvi.vn", "Nguyễn Văn A", Domain.Users.Roles.Label(Domain.Users.Roles.GrassrootsClerk), "CS001", ""]]),
        Spreadsheet.ContentType,
        "mau-nhap-nguoi-dung.xlsx");

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
