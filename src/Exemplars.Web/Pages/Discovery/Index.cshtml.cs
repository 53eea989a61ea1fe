using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Discovery;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Discovery;

public sealed class IndexModel(DiscoveredExemplars.Handler discovered, CurrentUser me) : PageModel
{
    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, DiscoveredExemplars.SortKeys);

    [BindProperty(SupportsGet = true)]
    public Domain.Showcase.DiscoveryStage? Stage { get; set; }

    public Paged<DiscoveredExemplars.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public bool CanRecord => DiscoveredExemplars.Handler.CanRecord(me);

    public bool CanNominate => Features.Nominations.NominationAccess.CanDraft(me);

    public async Task OnGetAsync(CancellationToken ct) => Result = await discovered.List(Stage, PageNumber, Sort.Key, Sort.Descending, ct);

    public async Task<IActionResult> OnPostRecordAsync(DiscoveredExemplars.Command command, CancellationToken ct) =>
        await Outcome((await discovered.Record(command, ct)).Errors, "Đã ghi nhận.", ct);

    public async Task<IActionResult> OnPostNurtureAsync(int id, string? note, Guid? version, CancellationToken ct) =>
        await Outcome((await discovered.Nurture(id, note, version, ct)).Errors, "Đã ghi việc bồi dưỡng.", ct);

    private async Task<IActionResult> Outcome(IReadOnlyList<Domain.Common.DomainError> errors, string message, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            TempData["Message"] = message;
            return RedirectToPage();
        }

        if (this.Handle(errors) is { } refused)
        {
            return refused;
        }

        await OnGetAsync(ct);
        return Page();
    }
}
