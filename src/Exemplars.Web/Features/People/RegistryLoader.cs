using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>Loads what the eligibility rules need about one nominee from the registry (three queries at most).</summary>
public static class RegistryLoader
{
    /// <summary>The facts of a person in <paramref name="people"/> (already scoped by the caller), or null if not there.</summary>
    public static async Task<EligibilityFacts?> PersonFactsAsync(AppDbContext db, IQueryable<Person> people, int personId, string category, bool familyLawAttested, CancellationToken cancellationToken)
    {
        var person = await people.AsNoTracking().Include(p => p.Ratings).Include(p => p.Disciplines).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var led = person.IsLeader && person.LedOrganizationId is { } ledId
            ? await db.CollectiveRatings.AsNoTracking().Where(r => r.OrganizationId == ledId).ToListAsync(cancellationToken)
            : null;
        return RegistryFacts.ForPerson(person, category, led, familyLawAttested);
    }

    public static async Task<EligibilityFacts> CollectiveFactsAsync(AppDbContext db, int organizationId, string category, CancellationToken cancellationToken) =>
        RegistryFacts.ForCollective(category, await db.CollectiveRatings.AsNoTracking().Where(r => r.OrganizationId == organizationId).ToListAsync(cancellationToken));
}
