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
            var search = VietnameseText.Fold(query.Search);
            if (search.Length > 0)
            {
                var text = TextSearch.FromWordStart(search);
                people = people.Where(p => EF.Functions.Like(p.SearchName, text.AtStart, TextSearch.Escape) || EF.Functions.Like(p.SearchName, text.AfterSpace, TextSearch.Escape));
                if (text.Words is { } words && db.Database.IsNpgsql())
                {
                    // Served by the word index IX_people_SearchName_words (the expression must stay the same).
                    people = people.Where(p => EF.Functions.ToTsVector("simple", p.SearchName).Matches(EF.Functions.ToTsQuery("simple", words)));
                }
            }

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

            return people.ToBoundedPageAsync(
                filtered => Order(filtered, query.Sort, query.Descending)
                    .Select(p => new Row(p.Id, p.Code, p.FullName, p.BirthDate, p.Gender, p.Position, p.OrganizationId, p.Organization!.Name, p.IsPartyMember, p.PartyJoinYear, p.IsLeader, p.FieldCategoryCode)),
                new PageRequest(query.Page, query.PageSize),
                CountCap,
                cancellationToken,
                counts.For(KeptKey.Of(user.ScopePath, search, query.OrganizationId, query.PartyMember, query.Leader)));
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
