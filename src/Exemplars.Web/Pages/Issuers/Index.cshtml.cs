using Exemplars.Domain.Documents;
using Exemplars.Web.Features.Issuers;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Issuers;

[Authorize(Policy = AppAuth.AdminPolicy)]
public sealed class IndexModel(ListIssuers.Handler list) : PageModel
{
    public IReadOnlyList<Issuer> Issuers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Issuers = await list.Handle(ct); // an empty table gets the configured issuer, to edit here
    }
}
