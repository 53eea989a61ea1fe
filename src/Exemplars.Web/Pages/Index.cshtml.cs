using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Http.KeptResponses.Policy)]
public sealed class IndexModel(OrganizationOptions.Handler organizations, TimeProvider clock, Features.Notifications.ListNotifications.Handler notices, Features.Nominations.ListNominations.Handler nominations, Features.Plans.ChooseRound.Handler rounds) : PageModel
{
    public IReadOnlyList<Domain.Nominations.Notification> Notices { get; private set; } = [];

    public IReadOnlyList<Features.Nominations.ListNominations.Row> Nominations { get; private set; } = [];

    /// <summary>The round the home page shows dossiers of: the one open for sending, else the nearest.</summary>
    public Domain.Plans.Round? Round { get; private set; }

    public DateOnly TodayDate { get; private set; }

    public int OrganizationCount { get; private set; }

    public string Today { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganizationCount = await organizations.CountActive(ct);
        TodayDate = VietnamTime.Today(clock);
        Today = TodayDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Notices = await notices.Handle(10, ct);
        Round = (await rounds.Handle(null, ct)).Selected;
        Nominations = (await nominations.Handle(new Features.Nominations.ListNominations.Query(Round: Round?.Code, PageSize: 20, OrAwaitingAction: true, Counted: false), ct)).Items;
    }
}
