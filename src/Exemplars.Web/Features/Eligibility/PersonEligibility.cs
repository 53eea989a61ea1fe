using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.People;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>The eligibility of a registry person in a round, from stored ratings, discipline and the collective they lead.</summary>
public static class PersonEligibility
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<EvaluateEligibility.Response>> Handle(int personId, string? roundCode, string? categoryCode, CancellationToken cancellationToken)
        {
            var person = await db.People.InScopeOf(user).AsNoTracking()
                .Include(p => p.Ratings).Include(p => p.Disciplines)
                .AsSplitQuery()
                .SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
            if (person is null)
            {
                return DomainError.NotFound("Không tìm thấy người này.");
            }

            var context = await RoundContext.LoadAsync(db, roundCode, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<EvaluateEligibility.Response>.Failure(context.Errors);
            }

            var category = string.IsNullOrWhiteSpace(categoryCode) ? person.FieldCategoryCode : categoryCode.Trim();
            if (category is null)
            {
                return DomainError.Invalid("category", "Người này chưa có lĩnh vực; hãy chọn đối tượng, lĩnh vực (category) để đánh giá.");
            }

            var led = person.IsLeader && person.LedOrganizationId is { } ledId
                ? await db.CollectiveRatings.AsNoTracking().Where(r => r.OrganizationId == ledId).ToListAsync(cancellationToken)
                : null;
            var facts = RegistryFacts.ForPerson(person, category, led);
            if (EligibilityEngine.ValidateCategory(facts, context.Value.Categories) is { } categoryError)
            {
                return categoryError;
            }

            var result = EligibilityEngine.Evaluate(facts, context.Value.Round.Terms, context.Value.Criteria, context.Value.Round.CriteriaVersion);
            return new EvaluateEligibility.Response(result.Verdict, result.Rules, result.JudgementCriteria);
        }
    }
}
