using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
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
            var field = await db.People.InScopeOf(user).Where(p => p.Id == personId).Select(p => new { p.FieldCategoryCode }).SingleOrDefaultAsync(cancellationToken);
            if (field is null)
            {
                return DomainError.NotFound("Không tìm thấy người này.");
            }

            var context = await RoundContext.LoadAsync(db, roundCode, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<EvaluateEligibility.Response>.Failure(context.Errors);
            }

            var category = string.IsNullOrWhiteSpace(categoryCode) ? field.FieldCategoryCode : categoryCode.Trim();
            if (category is null)
            {
                return DomainError.Invalid("category", "Người này chưa có lĩnh vực; hãy chọn đối tượng, lĩnh vực (category) để đánh giá.");
            }

            var facts = (await RegistryLoader.PersonFactsAsync(db, db.People.InScopeOf(user), personId, category, familyLawAttested: false, cancellationToken))!;
            if (EligibilityEngine.ValidateCategory(facts, context.Value.Categories) is { } categoryError)
            {
                return categoryError;
            }

            var result = EligibilityEngine.Evaluate(facts, context.Value.Round.Terms, context.Value.Criteria, context.Value.Round.CriteriaVersion);
            return new EvaluateEligibility.Response(result.Verdict, result.Rules, result.JudgementCriteria);
        }
    }
}
