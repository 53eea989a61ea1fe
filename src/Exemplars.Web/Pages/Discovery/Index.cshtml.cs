using Exemplars.Domain.Showcase;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Discovery;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Discovery;

public sealed class IndexModel(
    DiscoveredExemplars.Handler discovered, SendDiscovered.Handler send, ForwardDiscovered.Handler forward, ReturnDiscovered.Handler giveBack,
    DiscoveryByAssociation.Handler byAssociation, CurrentUser me) : PageModel
{
    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, DiscoveredExemplars.SortKeys);

    [BindProperty(SupportsGet = true)]
    public DiscoveryStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public DiscoveredExemplars.Source? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public DiscoverySendState? SendState { get; set; }

    public Paged<DiscoveredExemplars.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    /// <summary>The secretariat's (and the standing committee's, the province's) counts by association; empty for clerks.</summary>
    public IReadOnlyList<DiscoveryByAssociation.Tally> Associations { get; private set; } = [];

    public bool CanRecord => DiscoveryAccess.CanRecord(me);

    public bool CanNominate => Features.Nominations.NominationAccess.CanDraft(me);

    /// <summary>A branch clerk sends its own kept or returned records up.</summary>
    public bool CanSend(DiscoveredExemplars.Row row) =>
        me.IsInRole(Roles.MassOrganisationClerk) && DiscoveryRouting.IsBranch(row.OrganizationKind) && row.AssociationOrganizationId != me.OrganizationId
        && row.SendState is DiscoverySendState.Kept or DiscoverySendState.Returned;

    /// <summary>The bloc association forwards or returns what its branches sent.</summary>
    public bool CanDecide(DiscoveredExemplars.Row row) =>
        me.IsInRole(Roles.MassOrganisationClerk) && row.AssociationOrganizationId == me.OrganizationId && row.SendState == DiscoverySendState.Sent;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await discovered.List(new DiscoveredExemplars.Filter(Stage, Source, SendState), PageNumber, Sort.Key, Sort.Descending, ct);
        if (me.IsAnyOf(Roles.Admin, Roles.Secretariat, Roles.StandingCommittee, Roles.ProvinceViewer))
        {
            Associations = await byAssociation.Handle(null, null, ct);
        }
    }

    public async Task<IActionResult> OnPostRecordAsync(DiscoveredExemplars.Command command, CancellationToken ct) =>
        await Outcome((await discovered.Record(command, ct)).Errors, "Đã ghi nhận.", ct);

    public async Task<IActionResult> OnPostNurtureAsync(int id, string? note, Guid? version, CancellationToken ct) =>
        await Outcome((await discovered.Nurture(id, note, version, ct)).Errors, "Đã ghi việc bồi dưỡng.", ct);

    public async Task<IActionResult> OnPostSendAsync(int id, string? achievements, Guid? version, CancellationToken ct) =>
        await Outcome((await send.Handle(id, achievements, version, ct)).Errors, "Đã gửi lên tổ chức đoàn thể cấp trên.", ct);

    public async Task<IActionResult> OnPostForwardAsync(int id, Guid? version, CancellationToken ct) =>
        await Outcome((await forward.Handle(id, version, ct)).Errors, "Đã chuyển Ban Tuyên giáo – Dân vận.", ct);

    public async Task<IActionResult> OnPostReturnAsync(int id, string? reason, Guid? version, CancellationToken ct) =>
        await Outcome((await giveBack.Handle(id, reason, version, ct)).Errors, "Đã trả lại chi đoàn, chi hội.", ct);

    private async Task<IActionResult> Outcome(IReadOnlyList<Domain.Common.DomainError> errors, string message, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { Stage, Source, SendState });
        }

        if (this.Handle(errors) is { } refused)
        {
            return refused;
        }

        await OnGetAsync(ct);
        return Page();
    }
}
