using Exemplars.Web.Pages.Paging;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;
using Exemplars.Web.Features.Eligibility;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.People;

public sealed class DetailsModel(GetPerson.Handler get, PersonRounds.Handler rounds, CurrentUser me, TimeProvider clock) : PageModel
{
    public GetPerson.Details Person { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public IReadOnlyList<NomineeCategory> IndividualCategories { get; private set; } = [];

    public IReadOnlyList<(Round Round, Result<EvaluateEligibility.Response> Result)> Evaluations { get; private set; } = [];

    public bool CanWrite => RegistryAccess.CanWrite(me);

    public DateOnly Today => VietnamTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var person = await get.Handle(id, ct);
        if (!person.IsSuccess)
        {
            return NotFound();
        }

        Person = person.Value;
        var evaluated = await rounds.Handle(id, Category, ct);
        if (!evaluated.IsSuccess)
        {
            return NotFound();
        }

        Category = evaluated.Value.Category;
        IndividualCategories = evaluated.Value.Categories;
        Evaluations = evaluated.Value.Evaluations;

        return Page();
    }

    /// <summary>What the last rating saved warns about (ADR 026): shown once, above the ratings.</summary>
    [TempData]
    public string[]? RatingWarnings { get; set; }

    public async Task<IActionResult> OnPostRatingAsync(int id, int year, Rating? rating, int? score, string? seen, [FromServices] SetRating.Handler handler, CancellationToken ct)
    {
        var result = await handler.ForPerson(id, year, rating, score, seen, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = rating is null ? $"Đã xóa xếp loại năm {year}." : $"Đã ghi xếp loại năm {year}.";
            RatingWarnings = result.Value.Warnings.Count > 0 ? [.. result.Value.Warnings] : null;
            return RedirectToPage(new { id });
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnPostDisciplineAsync(int id, int year, string? form, string? note, [FromServices] RecordDiscipline.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Add(id, year, form, note, ct), $"Đã ghi kỷ luật năm {year}.", ct);

    public async Task<IActionResult> OnPostRemoveDisciplineAsync(int id, int recordId, [FromServices] RecordDiscipline.Handler handler, CancellationToken ct) =>
        await Outcome(id, await handler.Remove(id, recordId, ct), "Đã xóa bản ghi kỷ luật.", ct);

    private async Task<IActionResult> Outcome<T>(int id, Result<T> result, string message, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(id, ct);
    }

}
