using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages;

public sealed class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock, Features.Nominations.ListNotifications.Handler notices, Features.Nominations.ListNominations.Handler nominations) : PageModel
{
    public IReadOnlyList<Domain.Nominations.Notification> Notices { get; private set; } = [];

    public IReadOnlyList<Features.Nominations.ListNominations.Row> Nominations { get; private set; } = [];

    public DateOnly TodayDate { get; private set; }

    public int OrganizationCount { get; private set; }

    public string Today { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganizationCount = await db.Organizations.InScopeOf(me).CountAsync(o => o.IsActive, ct);
        TodayDate = VietnamTime.Today(clock);
        Today = TodayDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Notices = await notices.Handle(10, ct);
        Nominations = (await nominations.Handle(new Features.Nominations.ListNominations.Query(PageSize: 20), ct)).Items;
    }
}
