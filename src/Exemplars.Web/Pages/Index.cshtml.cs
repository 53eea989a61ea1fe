using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages;

public sealed class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public int OrganizationCount { get; private set; }

    public string Today { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganizationCount = await db.Organizations.InScopeOf(me).CountAsync(o => o.IsActive, ct);
        Today = VietnamTime.Today(clock).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }
}
