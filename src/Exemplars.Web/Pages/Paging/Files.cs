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

    /// <summary>
    /// A streamed list export, or — when it was refused (a list longer than one sheet may hold) — the page again with
    /// the reason handed to <paramref name="showRefusal"/>, at the refusal's status. <paramref name="reload"/> fills the
    /// page's list first, where it has one.
    /// </summary>
    public static async Task<IActionResult> XlsxExport(PageModel page, Result<Stream> result, string fileName, Action<string> showRefusal, Func<Task>? reload = null)
    {
        if (result.IsSuccess)
        {
            return page.File(result.Value, Infrastructure.Excel.Spreadsheet.ContentType, fileName);
        }

        showRefusal(string.Join(" ", result.Errors.Select(e => e.Message)));
        if (reload is not null)
        {
            await reload();
        }

        var again = page.Page();
        again.StatusCode = Infrastructure.Http.Problems.StatusOf(result.Errors[0].Kind);
        return again;
    }

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
