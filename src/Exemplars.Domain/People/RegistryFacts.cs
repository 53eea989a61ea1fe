using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.People;

/// <summary>Turns registry rows into the facts the eligibility rules read.</summary>
public static class RegistryFacts
{
    public static CollectiveFacts Collective(IEnumerable<CollectiveRating> ratings)
    {
        var list = ratings.ToList();
        var party = list.Where(r => r.Body == CollectiveBody.PartyOrganisation).ToDictionary(r => r.Year, r => r.Rating);
        var mass = list.Where(r => r.Body != CollectiveBody.PartyOrganisation)
            .GroupBy(r => ToMass(r.Body))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, Rating>)g.ToDictionary(r => r.Year, r => r.Rating));
        return new CollectiveFacts(party, mass);
    }

    public static EligibilityFacts ForPerson(Person person, string categoryCode, IEnumerable<CollectiveRating>? ledCollectiveRatings, bool familyLawAttested = false) => new(
        NomineeKind.Individual,
        categoryCode,
        person.IsPartyMember,
        person.PartyJoinYear,
        person.IsLeader,
        person.Ratings.ToDictionary(r => r.Year, r => r.Rating),
        person.Disciplines.Select(d => d.Year).ToList(),
        familyLawAttested,
        person.IsLeader && ledCollectiveRatings is not null ? Collective(ledCollectiveRatings) : null);

    public static EligibilityFacts ForCollective(string categoryCode, IEnumerable<CollectiveRating> ratings) =>
        new(NomineeKind.Collective, categoryCode, Collective: Collective(ratings));

    private static MassOrganizationType ToMass(CollectiveBody body) => body switch
    {
        CollectiveBody.TradeUnion => MassOrganizationType.TradeUnion,
        CollectiveBody.YouthUnion => MassOrganizationType.YouthUnion,
        CollectiveBody.WomenUnion => MassOrganizationType.WomenUnion,
        CollectiveBody.VeteransAssociation => MassOrganizationType.VeteransAssociation,
        CollectiveBody.PartyOrganisation => throw new ArgumentOutOfRangeException(nameof(body)),
    };
}
