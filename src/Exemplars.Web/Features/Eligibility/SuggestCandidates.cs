using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>
/// "Phát hiện" (plan IV.1): the people and collectives in the caller's scope whose checkable rules all pass in a round,
/// each with the reasons. People are judged in their field's category; collectives in 3.1.1 (agencies) or 3.1.2 (enterprises).
/// Read as a paged, indexed query from the rows <see cref="RefreshSuggestions"/> keeps (ADR 014); when more changes are
/// pending than can be recomputed while the reader waits, the answer says so.
/// </summary>
public static class SuggestCandidates
{
    public sealed record Query(string? Round, int? OrganizationId = null, NomineeKind? Kind = null, int Page = 1, int PageSize = PageRequest.DefaultSize, string? Sort = null, bool Descending = false);

    /// <summary>The columns the list can be sorted by (name, organisation, category); the default groups collectives, then people, by organisation.</summary>
    public static readonly string[] SortKeys = ["ten", "to-chuc", "muc"];

    /// <summary>Lists and counts stop counting here (the pager then says "hơn").</summary>
    public const int CountCap = 10_000;

    public sealed record Candidate(NomineeKind Kind, int Id, string Name, string OrganizationName, string Category, IReadOnlyList<RuleResult> Reasons);

    /// <param name="PeopleWithoutField">Active people in scope with no field recorded (counted up to <see cref="CountCap"/>).</param>
    /// <param name="Pending">Null when the list is complete; otherwise the changes not yet taken into account.</param>
    public sealed record Response(Paged<Candidate> Candidates, int PeopleWithoutField, RefreshSuggestions.Pending? Pending = null);

    public sealed class Handler(AppDbContext db, CurrentUser user, RefreshSuggestions.Handler refresh, SuggestionCounts counts)
    {
        public async Task<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var context = await RoundContext.LoadAsync(db, query.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<Response>.Failure(context.Errors);
            }

            var roundId = context.Value.Round.Id;
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

            var pending = await refresh.EnsureFreshAsync(cancellationToken);
            var rows = db.SuggestionRows.AsNoTracking().Where(r => r.RoundId == roundId && organizations.Any(o => o.Id == r.OrganizationId));
            if (query.Kind is { } kind)
            {
                rows = rows.Where(r => r.Kind == kind);
            }

            // Counts are kept only from complete rows: while changes are pending the next refresh moves them.
            var key = KeptKey.Of(user.ScopePath, roundId, query.OrganizationId, query.Kind);
            var suggestedCount = pending is null ? counts.For(key + "\nsuggested") : null;
            var page = await rows.Where(r => r.Status == SuggestionStatus.Suggested).ToBoundedPageAsync(
                filtered => Order(filtered, query.Sort, query.Descending).Select(r => new { r.Kind, r.SubjectId, r.Name, r.OrganizationName, r.Category, r.Reasons }),
                new PageRequest(query.Page, query.PageSize),
                CountCap,
                cancellationToken,
                suggestedCount);
            var withoutField = query.Kind is null or NomineeKind.Individual
                ? await CountWithoutFieldAsync(rows, pending is null ? counts.For(key + "\nwithout-field") : null, cancellationToken)
                : 0;
            var candidates = page.Items.Select(r => new Candidate(r.Kind, r.SubjectId, r.Name, r.OrganizationName, r.Category, RefreshSuggestions.ReadReasons(r.Reasons))).ToList();
            return new Response(new Paged<Candidate>(candidates, page.Total, page.Page, page.PageSize) { TotalIsLowerBound = page.TotalIsLowerBound }, withoutField, pending);
        }

        private static async Task<int> CountWithoutFieldAsync(IQueryable<SuggestionRow> rows, KeptCount? kept, CancellationToken cancellationToken)
        {
            if (kept?.Known is { } known)
            {
                return known;
            }

            var counted = await rows.Where(r => r.Status == SuggestionStatus.WithoutField).Take(CountCap).CountAsync(cancellationToken);
            kept?.Keep(counted);
            return counted;
        }

        /// <summary>The keys are bytes in Vietnamese order (<see cref="VietnameseText.SortKey"/>), so the database sorts as a reader expects.</summary>
        private static IOrderedQueryable<SuggestionRow> Order(IQueryable<SuggestionRow> rows, string? sort, bool descending) => (sort, descending) switch
        {
            ("ten", false) => rows.OrderBy(r => r.NameKey).ThenBy(r => r.Kind).ThenBy(r => r.SubjectId),
            ("ten", true) => rows.OrderByDescending(r => r.NameKey).ThenBy(r => r.Kind).ThenBy(r => r.SubjectId),
            ("to-chuc", false) => rows.OrderBy(r => r.OrganizationKey).ThenBy(r => r.Kind).ThenBy(r => r.SubjectId),
            ("to-chuc", true) => rows.OrderByDescending(r => r.OrganizationKey).ThenBy(r => r.Kind).ThenBy(r => r.SubjectId),
            ("muc", false) => rows.OrderBy(r => r.CategoryKey).ThenBy(r => r.Kind).ThenBy(r => r.SubjectId),
            ("muc", true) => rows.OrderByDescending(r => r.CategoryKey).ThenBy(r => r.Kind).ThenBy(r => r.SubjectId),
            _ => rows.OrderBy(r => r.Kind).ThenBy(r => r.OrganizationKey).ThenBy(r => r.NameKey).ThenBy(r => r.SubjectId),
        };
    }
}
