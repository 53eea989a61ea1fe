using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>The eligibility of a nomination's nominee, from the registry plus what the dossier attests.</summary>
public static class NominationEligibility
{
    public static async Task<EligibilityResult> EvaluateAsync(AppDbContext db, Nomination nomination, RoundContext context, CancellationToken cancellationToken)
    {
        EligibilityFacts facts;
        if (nomination.Kind == NomineeKind.Individual)
        {
            var person = await db.People.AsNoTracking().Include(p => p.Ratings).Include(p => p.Disciplines).AsSplitQuery()
                .SingleAsync(p => p.Id == nomination.PersonId, cancellationToken);
            var led = person.IsLeader && person.LedOrganizationId is { } ledId
                ? await db.CollectiveRatings.AsNoTracking().Where(r => r.OrganizationId == ledId).ToListAsync(cancellationToken)
                : null;
            facts = RegistryFacts.ForPerson(person, nomination.CategoryCode, led, nomination.FamilyLawAttested);
        }
        else
        {
            var ratings = await db.CollectiveRatings.AsNoTracking().Where(r => r.OrganizationId == nomination.CollectiveId).ToListAsync(cancellationToken);
            facts = RegistryFacts.ForCollective(nomination.CategoryCode, ratings);
        }

        return EligibilityEngine.Evaluate(facts, context.Round.Terms, context.Criteria, context.Round.CriteriaVersion);
    }
}
