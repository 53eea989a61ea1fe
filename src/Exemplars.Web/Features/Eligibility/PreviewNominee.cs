using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>
/// The verdict a clerk sees live while choosing whom to nominate, before any dossier exists: the registry's facts of
/// a person or collective in the caller's scope, for the chosen round, category and 3.2.1 branch — the same facts and
/// engine CreateNomination and the dossier's own eligibility use (nothing is stored).
/// </summary>
public static class PreviewNominee
{
    public sealed record Query(string? Round, NomineeKind Kind, int? PersonId, int? CollectiveId, string? Category, bool? BusinessLeader);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        /// <returns>The verdict, or null while the choice is incomplete, unknown, outside the caller's scope or of the wrong category.</returns>
        public async Task<EligibilityResult?> Handle(Query query, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(query.Category))
            {
                return null;
            }

            var context = await RoundContext.LoadAsync(db, query.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return null;
            }

            var category = query.Category.Trim();
            EligibilityFacts? facts = null;
            if (query.Kind == NomineeKind.Individual && query.PersonId is { } personId)
            {
                facts = await RegistryLoader.PersonFactsAsync(db, db.People.InScopeOf(user), personId, category, familyLawAttested: false, cancellationToken);
            }
            else if (query.Kind == NomineeKind.Collective && query.CollectiveId is { } collectiveId
                && await db.Organizations.InScopeOf(user).AnyAsync(o => o.Id == collectiveId, cancellationToken))
            {
                facts = await RegistryLoader.CollectiveFactsAsync(db, collectiveId, category, cancellationToken);
            }

            if (facts is null || EligibilityEngine.ValidateCategory(facts, context.Value.Categories) is not null)
            {
                return null;
            }

            facts = facts with { BusinessLeader = EnterpriseBranch.Required(query.Kind, category) ? query.BusinessLeader : null };
            return EligibilityEngine.Evaluate(facts, context.Value.Round.Terms, context.Value.Criteria, context.Value.Round.CriteriaVersion);
        }
    }
}
