using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;
using Exemplars.Web.Features.Eligibility;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Eligibility;

public sealed class SuggestionsModel(SuggestCandidates.Handler suggest, AppDbContext db, Exemplars.Web.Infrastructure.Auth.CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true)]
    public NomineeKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public IReadOnlyList<Round> Rounds { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];

    public SuggestCandidates.Response? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.LastRatingYear).ToListAsync(ct);
        Round ??= Rounds.Count > 0 ? Rounds[0].Code : null;
        Organizations = (await Exemplars.Web.Features.Organizations.OrganizationScope.InScopeOf(db.Organizations, me)
                .Where(o => o.IsActive && o.Kind == Exemplars.Domain.Organizations.OrganizationKind.Grassroots)
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).Take(1000).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        var result = await suggest.Handle(new SuggestCandidates.Query(Round, OrganizationId, Kind, PageNumber), ct);
        if (result.IsSuccess)
        {
            Result = result.Value;
        }
        else
        {
            Error = string.Join(" ", result.Errors.Select(e => e.Message));
        }
    }
}
