namespace Exemplars.Domain.Eligibility;

/// <summary>The yearly ratings of a collective: its party organisation and each mass organisation that has ratings recorded.</summary>
public sealed record CollectiveFacts(
    IReadOnlyDictionary<int, Rating> PartyOrganisationRatings,
    IReadOnlyDictionary<MassOrganizationType, IReadOnlyDictionary<int, Rating>> MassOrganisationRatings)
{
    public static CollectiveFacts Empty { get; } = new(new Dictionary<int, Rating>(), new Dictionary<MassOrganizationType, IReadOnlyDictionary<int, Rating>>());
}

/// <summary>
/// Everything the checkable rules look at, already loaded. For a collective nominee, <see cref="Collective"/> is the
/// nominee itself; for an individual leader, the collective they lead. A year absent from a map is unknown.
/// <see cref="BusinessLeader"/> is the 3.2.1 branch the dossier chose (see <see cref="EnterpriseBranch"/>).
/// </summary>
public sealed record EligibilityFacts(
    NomineeKind Kind,
    string CategoryCode,
    bool PartyMember = false,
    int? PartyJoinYear = null,
    bool Leader = false,
    IReadOnlyDictionary<int, Rating>? Ratings = null,
    IReadOnlyList<int>? DisciplineYears = null,
    bool FamilyLawAttested = false,
    CollectiveFacts? Collective = null,
    bool? BusinessLeader = null);

/// <summary>The parts of a round the rules need (plan II.3 "Nếu là đảng viên" and III).</summary>
public sealed record RoundTerms(
    string Code,
    int FirstRatingYear,
    int LastRatingYear,
    int MinExcellentYears,
    int ReviewFromYear,
    int ReviewToYear)
{
    public IEnumerable<int> RatingYears => Enumerable.Range(FirstRatingYear, LastRatingYear - FirstRatingYear + 1);
}
