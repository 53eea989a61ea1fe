using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>
/// Adds a <see cref="SuggestionMark"/> to every save that can change a suggestion, so the mark commits or rolls back with
/// the change itself (ADR 014): a person, their ratings or discipline → the person; a collective rating or an
/// organisation → the organisation (its collective, its people, the leaders tied to it); a new person → their
/// organisation; a round's terms or a plan's categories → everything. A key not yet generated marks everything.
/// </summary>
public sealed class SuggestionMarking(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The round properties eligibility reads (<see cref="Round.Terms"/>, the criteria version, the plan).</summary>
    private static readonly HashSet<string> RoundTermProperties =
    [
        nameof(Round.Code), nameof(Round.PlanId), nameof(Round.FirstRatingYear), nameof(Round.LastRatingYear),
        nameof(Round.MinExcellentYears), nameof(Round.ReviewFromYear), nameof(Round.ReviewToYear), nameof(Round.CriteriaVersion),
    ];

    /// <summary>The organisation properties a suggestion shows or depends on.</summary>
    private static readonly HashSet<string> OrganizationProperties =
    [
        nameof(Organization.Name), nameof(Organization.Kind), nameof(Organization.HostUnitType), nameof(Organization.IsActive),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>The marks a set of changes needs; pure over the change tracker's entries.</summary>
    public static IReadOnlyCollection<(SuggestionMarkKind Kind, int? SubjectId)> MarksFor(IEnumerable<EntityEntry> entries)
    {
        var marks = new HashSet<(SuggestionMarkKind, int?)>();
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Person person when entry.State == EntityState.Added:
                    Add(SuggestionMarkKind.Organization, entry, nameof(Person.OrganizationId), person.OrganizationId);
                    break;
                case Person person:
                    // The person's own rows carry their unit (a move included): recomputing the person is enough.
                    Add(SuggestionMarkKind.Person, entry, nameof(Person.Id), person.Id);
                    break;
                case PersonRating rating:
                    Add(SuggestionMarkKind.Person, entry, nameof(PersonRating.PersonId), rating.PersonId);
                    break;
                case DisciplineRecord discipline:
                    Add(SuggestionMarkKind.Person, entry, nameof(DisciplineRecord.PersonId), discipline.PersonId);
                    break;
                case CollectiveRating rating:
                    Add(SuggestionMarkKind.Organization, entry, nameof(CollectiveRating.OrganizationId), rating.OrganizationId);
                    break;
                case Organization organization when entry.State == EntityState.Modified:
                    if (OrganizationProperties.Any(p => entry.Property(p).IsModified))
                    {
                        Add(SuggestionMarkKind.Organization, entry, "Id", organization.Id);
                    }

                    break;
                case Organization organization when entry.State == EntityState.Deleted:
                    Add(SuggestionMarkKind.Organization, entry, "Id", organization.Id);
                    break;
                case Round when entry.State != EntityState.Modified || RoundTermProperties.Any(p => entry.Property(p).IsModified):
                case NomineeCategory:
                case Plan when entry.State == EntityState.Deleted:
                    marks.Add((SuggestionMarkKind.All, null));
                    break;
            }
        }

        return marks;

        void Add(SuggestionMarkKind kind, EntityEntry entry, string keyProperty, int id)
        {
            // A key the database has not generated yet cannot be named: everything is recomputed instead.
            if (entry.Property(keyProperty).IsTemporary || id <= 0)
            {
                marks.Add((SuggestionMarkKind.All, null));
            }
            else
            {
                marks.Add((kind, id));
            }
        }
    }

    private void Mark(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var marks = MarksFor(db.ChangeTracker.Entries().ToList());
        if (marks.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.SuggestionMarks.AddRange(Reduce(marks).Select(m => new SuggestionMark { Kind = m.Kind, SubjectId = m.SubjectId, CreatedAtUtc = now }));
    }

    /// <summary>Below this many people of one unit in a bulk write, its people are marked one by one.</summary>
    public const int UnitMarkMinimum = 50;

    /// <summary>
    /// Marks for rows written around EF (<see cref="BulkInsert"/>): each person once, each organisation once. A unit
    /// with at least <see cref="UnitMarkMinimum"/> of the people and at least half of all its people
    /// (<paramref name="peopleInUnit"/>) gets one organisation mark instead, which the refresh expands to all its people
    /// and the leaders tied to it: at most twice the work for that unit, for one row instead of thousands.
    /// </summary>
    public static List<SuggestionMark> ForBulkRows(
        IEnumerable<(int PersonId, int UnitId)> people, IReadOnlyDictionary<int, int> peopleInUnit, IEnumerable<int> organizationIds, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(peopleInUnit);
        var byUnit = people.Distinct().GroupBy(p => p.UnitId, p => p.PersonId).ToList();
        var units = organizationIds.ToHashSet();
        var marks = new List<SuggestionMark>();
        foreach (var unit in byUnit)
        {
            var count = unit.Count();
            if (count >= UnitMarkMinimum && 2L * count >= peopleInUnit.GetValueOrDefault(unit.Key))
            {
                units.Add(unit.Key);
            }
            else if (!units.Contains(unit.Key))
            {
                marks.AddRange(unit.Select(id => new SuggestionMark { Kind = SuggestionMarkKind.Person, SubjectId = id, CreatedAtUtc = now }));
            }
        }

        marks.AddRange(units.Order().Select(id => new SuggestionMark { Kind = SuggestionMarkKind.Organization, SubjectId = id, CreatedAtUtc = now }));
        return marks;
    }

    /// <summary>One mark for everything makes every other mark redundant.</summary>
    private static IEnumerable<(SuggestionMarkKind Kind, int? SubjectId)> Reduce(IReadOnlyCollection<(SuggestionMarkKind Kind, int? SubjectId)> marks) =>
        marks.Any(m => m.Kind == SuggestionMarkKind.All) ? [(SuggestionMarkKind.All, null)] : marks;
}
