using Exemplars.Domain.Documents;
using Exemplars.Web.Features.Issuers;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Issuers;

[Authorize(Policy = AppAuth.AdminPolicy)]
public sealed class IndexModel(AppDbContext db, IssuerDirectory.Handler directory) : PageModel
{
    public IReadOnlyList<Issuer> Issuers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await directory.Default(ct); // an empty table gets the demo issuer, to edit here
        Issuers = await db.Set<Issuer>().AsNoTracking().Include(i => i.Officers).Include(i => i.Terms).AsSplitQuery().OrderBy(i => i.Symbol).ToListAsync(ct);
    }
}
