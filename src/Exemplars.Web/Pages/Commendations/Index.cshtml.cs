using System.Globalization;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Commendations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Commendations;

/// <summary>Commendations at grassroots level: a clerk records those its committee gave and promotes one to a nomination; the secretariat reads every unit's.</summary>
public sealed class IndexModel(ListCommendations.Handler list, RecordCommendation.Handler record, RemoveCommendation.Handler remove, PersonOptions.Handler people,
    OrganizationOptions.Handler organizations, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public NomineeKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public NomineeKind NewKind { get; set; } = NomineeKind.Individual;

    [BindProperty]
    public int? PersonId { get; set; }

    [BindProperty]
    public int? CollectiveId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Achievements { get; set; }

    [BindProperty]
    public string? Form { get; set; }

    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public DateOnly? DecisionDate { get; set; }

    public Paged<ListCommendations.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<PersonOptions.Item> People { get; private set; } = [];

    public IReadOnlyList<OrganizationOptions.Item> Collectives { get; private set; } = [];

    public bool CanRecord => CommendationAccess.CanRecord(me);

    public bool CanNominate => Features.Nominations.NominationAccess.CanDraft(me);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        var command = new RecordCommendation.Command(NewKind, PersonId, CollectiveId, Name, Achievements, Form, DecisionNumber,
            DecisionDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        return await Outcome((await record.Handle(command, ct)).Errors, "Đã ghi khen thưởng cấp cơ sở.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, Guid? version, CancellationToken ct) =>
        await Outcome((await remove.Handle(id, version, ct)).Errors, "Đã xóa khen thưởng ghi nhầm.", ct);

    private async Task<IActionResult> Outcome(IReadOnlyList<Domain.Common.DomainError> errors, string message, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { year = Year, kind = Kind, q = Q });
        }

        if (this.Handle(errors) is { } refused)
        {
            return refused;
        }

        return await Load(ct) ?? Page();
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var result = await list.Handle(new ListCommendations.Query(Year, Kind, Q, PageQuery.Number(Request)), ct);
        if (!result.IsSuccess)
        {
            return this.Refusal(result.Errors);
        }

        Result = result.Value;
        if (CanRecord)
        {
            People = await people.Handle(ct);
            Collectives = await organizations.Collectives(ct);
        }

        return null;
    }
}
