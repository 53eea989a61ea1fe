namespace Exemplars.Domain.Ceremonies;

/// <summary>
/// Who the decision brings to its ceremony (Hướng dẫn 2974/HD-BTĐKT: the commended collectives and individuals, with
/// the leaders of their units): one representative per commended collective, each commended individual, then the
/// leaders of every awardee's grassroots unit — each leader once, however many awardees their unit has, and not at all
/// when they are themselves commended. Awardees come in the order their awards are presented.
/// </summary>
public static class InvitationList
{
    /// <summary>One award of the decision as the list needs it.</summary>
    /// <param name="UnitId">The grassroots unit that nominated the awardee.</param>
    public sealed record Awardee(int AwardId, bool IsCollective, string Name, int? PersonId, string? Position, int UnitId, string UnitName);

    /// <summary>A leader in the registry (<c>Person.IsLeader</c>) of the unit <paramref name="UnitId"/>.</summary>
    public sealed record Leader(int PersonId, string Name, string? Position, int UnitId, string UnitName);

    public sealed record Draft(GuestKind Kind, int? AwardId, int? PersonId, int? OrganizationId, string Name, string? Position, string? Unit)
    {
        /// <summary>The same guest as one already on the list: the same award, or the same leader of the same unit.</summary>
        public bool Matches(CeremonyGuest guest) => guest.Kind == Kind && (AwardId is not null
            ? guest.AwardId == AwardId
            : guest.PersonId == PersonId && guest.OrganizationId == OrganizationId);

        public CeremonyGuest ToGuest() => new()
        {
            Kind = Kind, AwardId = AwardId, PersonId = PersonId, OrganizationId = OrganizationId, Name = Name, Position = Position, Unit = Unit,
        };
    }

    public static IReadOnlyList<Draft> Build(IReadOnlyList<Awardee> awardees, IReadOnlyList<Leader> leaders)
    {
        var ordered = PresentationOrder.Sort(awardees, a => a.IsCollective, a => a.Name);
        var list = new List<Draft>();
        list.AddRange(ordered.Select(a => a.IsCollective
            ? new Draft(GuestKind.CollectiveRepresentative, a.AwardId, null, a.UnitId, a.Name, "Đại diện tập thể", a.Name == a.UnitName ? null : a.UnitName)
            : new Draft(GuestKind.Individual, a.AwardId, a.PersonId, a.UnitId, a.Name, a.Position, a.UnitName)));

        var commended = ordered.Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value).ToHashSet();
        var seen = new HashSet<(int Person, int Unit)>();
        foreach (var unit in ordered.Select(a => a.UnitId).Distinct())
        {
            foreach (var leader in leaders.Where(l => l.UnitId == unit).OrderBy(l => l.Name, PresentationOrder.Names))
            {
                if (!commended.Contains(leader.PersonId) && seen.Add((leader.PersonId, unit)))
                {
                    list.Add(new Draft(GuestKind.UnitLeader, null, leader.PersonId, unit, leader.Name, leader.Position, leader.UnitName));
                }
            }
        }

        return list;
    }
}
