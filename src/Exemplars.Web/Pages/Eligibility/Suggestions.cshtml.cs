using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;
using Exemplars.Web.Features.Eligibility;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Eligibility;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Http.KeptResponses.Policy)]
public sealed class SuggestionsModel(SuggestCandidates.Handler suggest, ChooseRound.Handler rounds, OrganizationOptions.Handler organizations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true)]
    public NomineeKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, SuggestCandidates.SortKeys);

    public IReadOnlyList<Round> Rounds { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? UnitSearch { get; set; }

    public OrganizationOptions.Picked Units { get; private set; } = new([], false, OrganizationOptions.Limit);

    public SuggestCandidates.Response? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var choice = await rounds.Handle(Round, ct);
        Rounds = choice.Rounds;
        Round = choice.Code;
        Units = await organizations.Grassroots(includeInactive: false, UnitSearch, OrganizationId, ct);
        var result = await suggest.Handle(new SuggestCandidates.Query(Round, OrganizationId, Kind, PageNumber, Sort: Sort.Key, Descending: Sort.Descending), ct);
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
