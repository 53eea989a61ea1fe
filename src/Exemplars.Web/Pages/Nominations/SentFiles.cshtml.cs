using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Nominations;

/// <summary>A dossier's sent versions and exactly the files each sent, with downloads (the owning unit and the secretariat).</summary>
public sealed class SentFilesModel(SentFiles.Handler sent) : PageModel
{
    public SentFiles.Dossier Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await sent.Sent(id, ct);
        if (!result.IsSuccess)
        {
            return this.Handle(result.Errors) ?? NotFound();
        }

        Dossier = result.Value;
        return Page();
    }

    /// <summary>One sent file, byte for byte as it was sent (also after the dossier's current copy was removed).</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct)
    {
        if (!SentFiles.CanOpen(HttpContext.RequestServices.GetRequiredService<Infrastructure.Auth.CurrentUser>()))
        {
            return Forbid();
        }

        var file = await sent.Open(id, fileId, ct);
        return file.IsSuccess ? File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : NotFound();
    }
}
