using Exemplars.Domain.Common;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

public static class ListPeople
{
    public sealed record Query(string? Search = null, int? OrganizationId = null, bool? PartyMember = null, bool? Leader = null, int Page = 1, int PageSize = PageRequest.DefaultSize, string? Sort = null, bool Descending = false);

    /// <summary>The columns the list can be sorted by: unit (the default), name and code.</summary>
    public static readonly string[] SortKeys = ["donvi", "ten", "ma"];

    public sealed record Row(int Id, string Code, string FullName, DateOnly? BirthDate, Gender? Gender, string? Position, int OrganizationId, string OrganizationName, bool IsPartyMember, int? PartyJoinYear, bool IsLeader, string? FieldCategoryCode);

    /// <summary>Counted up to this many; above it the list says "hơn 10.000" (issue 14: no count of millions per page).</summary>
    public const int CountCap = 10_000;

    public sealed class Handler(AppDbContext db, CurrentUser user, PeopleCounts counts)
    {
        public Task<Paged<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var people = db.People.InScopeOf(user).Where(p => p.IsActive);
            if (query.OrganizationId is { } organizationId)
            {
                people = people.Where(p => p.OrganizationId == organizationId);
            }

            if (query.PartyMember is { } partyMember)
            {
                people = people.Where(p => p.IsPartyMember == partyMember);
            }

            if (query.Leader is { } leader)
            {
                people = people.Where(p => p.IsLeader == leader);
            }

            var unsearched = people;
            var search = VietnameseText.Fold(query.Search);
            IQueryable<PersonNameKey>? keys = null;
            if (search.Length > 0)
            {
                var text = TextSearch.FromWordStart(search);
                if (db.Database.IsNpgsql())
                {
                    // One range of the name keys' index (ADR 017): the people with a word that starts with the text.
                    keys = db.Set<PersonNameKey>().Where(k => EF.Functions.Like(k.Key, text.AtStart, TextSearch.Escape));
                    var matching = keys;
                    people = people.Where(p => matching.Any(k => k.PersonId == p.Id));
                }
                else
                {
                    people = people.Where(p => EF.Functions.Like(p.SearchName, text.AtStart, TextSearch.Escape) || EF.Functions.Like(p.SearchName, text.AfterSpace, TextSearch.Escape));
                }
            }

            return people.ToBoundedPageAsync(
                filtered => (search.Length > 0 && query.Sort is null ? ByMatch(keys is null ? filtered : unsearched, search, keys, query.Descending) : Order(filtered, query.Sort, query.Descending))
                    .Select(p => new Row(p.Id, p.Code, p.FullName, p.BirthDate, p.Gender, p.Position, p.OrganizationId, p.Organization!.Name, p.IsPartyMember, p.PartyJoinYear, p.IsLeader, p.FieldCategoryCode)),
                new PageRequest(query.Page, query.PageSize),
                CountCap,
                cancellationToken,
                counts.For(KeptKey.Of(user.ScopePath, search, query.OrganizationId, query.PartyMember, query.Leader)));
        }

        /// <summary>
        /// A search's own order (no column chosen): by the name from the first word that matches, then id — "hung" lists
        /// the Hùng by given name and code, "nguyen van" by the rest of the name. On PostgreSQL that is the order of the
        /// name keys' index, so a page reads its 20 keys whatever the number of matches (ADR 017); on SQLite the same
        /// order is worked out from the column.
        /// </summary>
        public static IQueryable<Person> ByMatch(IQueryable<Person> people, string search, IQueryable<PersonNameKey>? keys, bool descending)
        {
            var afterSpace = " " + search;
            if (keys is not null)
            {
                // Each matching key with its person; only a person's first matching word is kept (the key starts no
                // later than the first " " + text in " " + name). Written as "≥", not "=": the planner guesses a third
                // of the rows pass an inequality and half a percent an equality, and with the lower guess it sorts
                // every match of a common word instead of walking the index (3.4 s against 9 ms for a page at 500).
                var matched = from k in keys
                              join p in people on k.PersonId equals p.Id
                              where (" " + p.SearchName).IndexOf(afterSpace) >= p.SearchName.Length - k.Key.Length
                              select new { k.Key, k.PersonId, Person = p };
                return (descending ? matched.OrderByDescending(x => x.Key).ThenByDescending(x => x.PersonId) : matched.OrderBy(x => x.Key).ThenBy(x => x.PersonId))
                    .Select(x => x.Person);
            }

            var byMatch = people.Select(p => new { Key = p.SearchName.StartsWith(search) ? p.SearchName : p.SearchName.Substring(p.SearchName.IndexOf(afterSpace) + 1), Person = p });
            return (descending ? byMatch.OrderByDescending(x => x.Key).ThenByDescending(x => x.Person.Id) : byMatch.OrderBy(x => x.Key).ThenBy(x => x.Person.Id))
                .Select(x => x.Person);
        }

        private static IOrderedQueryable<Person> Order(IQueryable<Person> people, string? sort, bool descending) => (sort, descending) switch
        {
            ("ten", false) => people.OrderBy(p => p.SearchName).ThenBy(p => p.Id),
            ("ten", true) => people.OrderByDescending(p => p.SearchName).ThenBy(p => p.Id),
            ("ma", false) => people.OrderBy(p => p.Code).ThenBy(p => p.Id),
            ("ma", true) => people.OrderByDescending(p => p.Code).ThenBy(p => p.Id),
            (_, true) => people.OrderByDescending(p => p.Organization!.Code).ThenBy(p => p.FullName).ThenBy(p => p.Id),
            _ => people.OrderBy(p => p.Organization!.Code).ThenBy(p => p.FullName).ThenBy(p => p.Id),
        };
    }
}
