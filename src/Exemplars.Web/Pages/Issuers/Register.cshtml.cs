using Exemplars.Web.Features.Issuers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Issuers;

public sealed class RegisterModel(DocumentRegister.Handler register) : PageModel
{
    public IReadOnlyList<DocumentRegister.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await register.Handle(ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Rows = result.Value;
        return Page();
    }
}
