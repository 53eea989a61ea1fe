using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Plans;

public sealed class DetailsModel(GetPlan.Handler get, Features.Issuers.ListIssuers.Handler issuers, CurrentUser me) : PageModel
{
    public Plan Plan { get; private set; } = null!;

    public bool IsAdmin => me.IsInRole(Roles.Admin);

    /// <summary>The issuer directory, for the committee that issues a new plan's documents.</summary>
    public IReadOnlyList<Domain.Documents.Issuer> Issuers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.Handle(id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Plan = result.Value;
        if (IsAdmin)
        {
            Issuers = await issuers.Handle(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCloneAsync(int id, string? code, string? name, string? issuerSymbol, [FromServices] ClonePlan.Handler clone, CancellationToken ct)
    {
        var result = await clone.Handle(new ClonePlan.Command(id, code ?? string.Empty, name ?? string.Empty, issuerSymbol), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã tạo kế hoạch {code}.";
            return RedirectToPage(new { id = result.Value });
        }

        return await Fail(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostCriterionAsync(int id, string code, string? text, Guid? version, [FromServices] UpdateCriterion.Handler update, CancellationToken ct)
    {
        var result = await update.Handle(id, code, text ?? string.Empty, version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã lưu tiêu chí {code}.";
            return RedirectToPage(new { id });
        }

        return await Fail(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostThresholdsAsync(int id, UpdateThresholds.Command command, Guid? version, [FromServices] UpdateThresholds.Handler update, CancellationToken ct)
    {
        var result = await update.Handle(id, command, version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã lưu tỷ lệ họp bình xét.";
            return RedirectToPage(new { id });
        }

        return await Fail(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostIssueAsync(int id, UpdatePlanIssue.Command command, Guid? version, [FromServices] UpdatePlanIssue.Handler update, CancellationToken ct)
    {
        var result = await update.Handle(id, command, version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã lưu số và ngày ban hành kế hoạch.";
            return RedirectToPage(new { id });
        }

        return await Fail(id, result.Errors, ct);
    }

    private async Task<IActionResult> Fail(int id, IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        if (errors[0].Kind == ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Problems.AddTo(ModelState, errors.Select(e => e with { Field = null }));
        return await OnGetAsync(id, ct);
    }
}
