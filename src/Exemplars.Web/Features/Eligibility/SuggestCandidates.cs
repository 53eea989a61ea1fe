using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>
/// "Phát hiện" (plan IV.1): the people and collectives in the caller's scope whose checkable rules all pass in a round,
/// each with the reasons. People are judged in their field's category; collectives in 3.1.1 (agencies) or 3.1.2 (enterprises).
/// Everything is loaded in a fixed number of queries and evaluated in memory.
/// </summary>
public static class SuggestCandidates
{
    public sealed record Query(string? Round, int? OrganizationId = null, NomineeKind? Kind = null, int Page = 1, int PageSize = PageRequest.DefaultSize, string? Sort = null, bool Descending = false);

    /// <summary>The columns the list can be sorted by (name, organisation, category); the default groups collectives, then people, by organisation.</summary>
    public static readonly string[] SortKeys = ["ten", "to-chuc", "muc"];

    public sealed record Candidate(NomineeKind Kind, int Id, string Name, string OrganizationName, string Category, IReadOnlyList<RuleResult> Reasons);

    public sealed record Response(Paged<Candidate> Candidates, int PeopleWithoutField);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var context = await RoundContext.LoadAsync(db, query.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<Response>.Failure(context.Errors);
            }

            var round = context.Value.Round;
            var organizations = db.Organizations.InScopeOf(user).Where(o => o.IsActive);
            if (query.OrganizationId is { } organizationId)
            {
                var path = await organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken);
                if (path is null)
                {
                    return DomainError.NotFound("Không tìm thấy tổ chức.");
                }

                organizations = organizations.Where(o => o.Path.StartsWith(path));
            }

            var candidates = new List<Candidate>();
            var withoutField = 0;
            if (query.Kind is null or NomineeKind.Individual)
            {
                var people = await db.People.AsNoTracking()
                    .Where(p => p.IsActive && organizations.Any(o => o.Id == p.OrganizationId))
                    .Include(p => p.Ratings).Include(p => p.Disciplines).Include(p => p.Organization)
                    .AsSplitQuery()
                    .ToListAsync(cancellationToken);
                var ledIds = people.Where(p => p.IsLeader && p.LedOrganizationId is not null).Select(p => p.LedOrganizationId!.Value).Distinct().ToList();
                var ledRatings = (await db.CollectiveRatings.AsNoTracking().Where(r => ledIds.Contains(r.OrganizationId)).ToListAsync(cancellationToken))
                    .ToLookup(r => r.OrganizationId);
                foreach (var person in people)
                {
                    if (person.FieldCategoryCode is null)
                    {
                        withoutField++;
                        continue;
                    }

                    var facts = RegistryFacts.ForPerson(person, person.FieldCategoryCode, person.LedOrganizationId is { } led ? ledRatings[led] : null);
                    Consider(NomineeKind.Individual, person.Id, person.FullName, person.Organization!.Name, facts);
                }
            }

            if (query.Kind is null or NomineeKind.Collective)
            {
                var collectives = await organizations
                    .Where(o => o.Kind == OrganizationKind.Grassroots || o.Kind == OrganizationKind.SubUnit)
                    .Select(o => new { o.Id, o.Name, o.HostUnitType })
                    .ToListAsync(cancellationToken);
                var ids = collectives.Select(c => c.Id).ToList();
                var ratings = (await db.CollectiveRatings.AsNoTracking().Where(r => ids.Contains(r.OrganizationId)).ToListAsync(cancellationToken))
                    .ToLookup(r => r.OrganizationId);
                foreach (var collective in collectives.Where(c => ratings.Contains(c.Id)))
                {
                    var category = collective.HostUnitType == HostUnitType.StateAgency ? "3.1.1" : "3.1.2";
                    Consider(NomineeKind.Collective, collective.Id, collective.Name, collective.Name, RegistryFacts.ForCollective(category, ratings[collective.Id]));
                }
            }

            var page = new PageRequest(query.Page, query.PageSize);
            var ordered = Order(candidates, query.Sort, query.Descending);
            return new Response(new Paged<Candidate>(ordered.Skip(page.Skip).Take(page.SafeSize).ToList(), ordered.Count, page.SafePage, page.SafeSize), withoutField);

            static List<Candidate> Order(List<Candidate> all, string? sort, bool descending)
            {
                Func<Candidate, string>? by = sort switch
                {
                    "ten" => c => c.Name,
                    "to-chuc" => c => c.OrganizationName,
                    "muc" => c => c.Category,
                    _ => null,
                };
                if (by is null)
                {
                    return [.. all.OrderBy(c => c.Kind).ThenBy(c => c.OrganizationName, VietnameseText.Order).ThenBy(c => c.Name, VietnameseText.Order)];
                }

                var ordered = descending ? all.OrderByDescending(by, VietnameseText.Order) : all.OrderBy(by, VietnameseText.Order);
                return [.. ordered.ThenBy(c => c.Kind).ThenBy(c => c.Id)];
            }

            void Consider(NomineeKind kind, int id, string name, string organizationName, EligibilityFacts facts)
            {
                if (EligibilityEngine.ValidateCategory(facts, context.Value.Categories) is not null)
                {
                    return;
                }

                // The family attestation is given with a nomination, not kept in the registry: it cannot decide a suggestion.
                var rules = EligibilityEngine.Evaluate(facts, round.Terms, [], round.CriteriaVersion).Rules
                    .Where(r => r.Code != FamilyLawRule.Code && r.Code != EnterpriseBranch.Code).ToList();
                if (rules.Count > 0 && EligibilityResult.Combine(rules) == Verdict.Eligible)
                {
                    candidates.Add(new Candidate(kind, id, name, organizationName, facts.CategoryCode, rules));
                }
            }
        }
    }
}
