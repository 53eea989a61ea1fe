using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>A registry person's eligibility in every round (latest first) for one individual category (PersonEligibility per round).</summary>
public static class PersonRounds
{
    public sealed record Response(string? Category, IReadOnlyList<NomineeCategory> Categories, IReadOnlyList<(Round Round, Result<EvaluateEligibility.Response> Result)> Evaluations);

    public sealed class Handler(AppDbContext db, CurrentUser user, PersonEligibility.Handler eligibility)
    {
        /// <param name="category">The category to judge by; by default the person's own field, else the first individual category.</param>
        public async Task<Result<Response>> Handle(int personId, string? category, CancellationToken cancellationToken)
        {
            var person = await db.People.InScopeOf(user).Where(p => p.Id == personId).Select(p => new { p.FieldCategoryCode }).SingleOrDefaultAsync(cancellationToken);
            if (person is null)
            {
                return DomainError.NotFound("Không tìm thấy người này.");
            }

            var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.LastRatingYear).ToListAsync(cancellationToken);
            var planIds = rounds.Select(r => r.PlanId).Distinct().ToList();
            var categories = (await db.Categories.AsNoTracking().Where(c => planIds.Contains(c.PlanId) && c.Kind == NomineeKind.Individual)
                .OrderBy(c => c.SortOrder).ToListAsync(cancellationToken)).DistinctBy(c => c.Code).ToList();
            var chosen = string.IsNullOrWhiteSpace(category) ? person.FieldCategoryCode ?? categories.FirstOrDefault()?.Code : category.Trim();
            var evaluations = new List<(Round, Result<EvaluateEligibility.Response>)>();
            foreach (var round in rounds)
            {
                evaluations.Add((round, await eligibility.Handle(personId, round.Code, chosen, cancellationToken)));
            }

            return new Response(chosen, categories, evaluations);
        }
    }
}
