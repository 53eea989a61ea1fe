using Exemplars.Domain.Common;
using Exemplars.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Paging;

/// <summary>Turns a generated document (or why it could not be made) into a page result.</summary>
public static class Files
{
    public static IActionResult Docx(PageModel page, Result<(string FileName, byte[] Content)> result) => Download(page, result, DocumentSettings.DocxContentType);

    public static IActionResult Xlsx(PageModel page, Result<(string FileName, byte[] Content)> result) => Download(page, result, Infrastructure.Excel.Spreadsheet.ContentType);

    private static IActionResult Download(PageModel page, Result<(string FileName, byte[] Content)> result, string contentType)
    {
        if (result.IsSuccess)
        {
            return page.File(result.Value.Content, contentType, result.Value.FileName);
        }

        return result.Errors[0].Kind switch
        {
            ErrorKind.Forbidden => page.Forbid(),
            ErrorKind.NotFound => page.NotFound(),
            _ => page.BadRequest(result.Errors[0].Message),
        };
    }
}
