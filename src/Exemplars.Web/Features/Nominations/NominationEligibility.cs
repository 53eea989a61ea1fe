using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Nominations;

/// <summary>The eligibility of a nomination's nominee, from the registry plus what the dossier attests.</summary>
public static class NominationEligibility
{
    public static async Task<EligibilityResult> EvaluateAsync(AppDbContext db, Nomination nomination, RoundContext context, CancellationToken cancellationToken)
    {
        var facts = nomination.Kind == NomineeKind.Individual
            ? await RegistryLoader.PersonFactsAsync(db, db.People, nomination.PersonId!.Value, nomination.CategoryCode, nomination.FamilyLawAttested, cancellationToken)
                ?? throw new InvalidOperationException($"Nomination {nomination.Id} points at a missing person.")
            : await RegistryLoader.CollectiveFactsAsync(db, nomination.CollectiveId!.Value, nomination.CategoryCode, cancellationToken);
        facts = facts with { BusinessLeader = nomination.BusinessLeader };
        return EligibilityEngine.Evaluate(facts, context.Round.Terms, context.Criteria, context.Round.CriteriaVersion);
    }
}
