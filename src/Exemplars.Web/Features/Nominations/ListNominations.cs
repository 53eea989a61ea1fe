using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

public static class ListNominations
{
    public sealed record Query(string? Round = null, NominationStatus? Status = null, NomineeKind? Kind = null, string? Category = null, int Page = 1, int PageSize = PageRequest.DefaultSize, int? OrganizationId = null, string? Sort = null, bool Descending = false, bool OrAwaitingAction = false, bool Counted = true);

    /// <summary>The columns the list can be sorted by (round, unit, nominee, status); anything else gives the default order.</summary>
    public static readonly string[] SortKeys = ["dot", "don-vi", "ten", "trang-thai"];

    /// <summary>
    /// Counted up to this many; above it the pager says "hơn 1.000" (issue 14). Each counted dossier costs a scope check,
    /// and a bloc sends a few hundred a round; the dashboard gives the exact figures.
    /// </summary>
    public const int CountCap = 1_000;

    public sealed record Row(int Id, string Round, DateOnly Deadline, string OrganizationName, NomineeKind Kind, string NomineeName, string CategoryCode, NominationStatus Status, DateTime? SubmittedAtUtc, Guid Version);

    public sealed class Handler(AppDbContext db, CurrentUser user, NominationCounts counts)
    {
        public Task<Paged<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var nominations = db.Visible(user);
            if (!string.IsNullOrWhiteSpace(query.Round))
            {
                // OrAwaitingAction (the home page): the round's dossiers and, from other rounds, those still waiting for
                // someone, such as a draft of a unit granted an extension after its round's deadline.
                IReadOnlyList<NominationStatus> awaiting = query.OrAwaitingAction ? NominationStateMachine.AwaitingAction : [];
                nominations = nominations.Where(n => db.Rounds.Any(r => r.Id == n.RoundId && r.Code == query.Round) || awaiting.Contains(n.Status));
            }

            if (query.Status is { } status)
            {
                nominations = nominations.Where(n => n.Status == status);
            }

            if (query.Kind is { } kind)
            {
                nominations = nominations.Where(n => n.Kind == kind);
            }

            if (query.OrganizationId is { } organizationId)
            {
                nominations = nominations.Where(n => n.OrganizationId == organizationId);
            }

            if (!string.IsNullOrWhiteSpace(query.Category))
            {
                nominations = nominations.Where(n => n.CategoryCode == query.Category);
            }

            // Counted = false (the home page shows the first rows, no pager): no count at all.
            return query.Counted
                ? nominations.ToBoundedPageAsync(
                    filtered => OrderAndShape(filtered, query),
                    new PageRequest(query.Page, query.PageSize),
                    CountCap,
                    cancellationToken,
                    counts.For(KeptKey.Of(user.VisibilityKey(), query.Round, query.OrAwaitingAction, query.Status, query.Kind, query.OrganizationId, query.Category)))
                : nominations.ToUncountedPageAsync(filtered => OrderAndShape(filtered, query), new PageRequest(query.Page, query.PageSize), cancellationToken);
        }

        /// <summary>The page's rows: round, unit and the unit's latest extension joined, in the order asked for.</summary>
        private IQueryable<Row> OrderAndShape(IQueryable<Nomination> nominations, Query query)
        {
            var joined = from n in nominations
                         join r in db.Rounds on n.RoundId equals r.Id
                         join o in db.Organizations on n.OrganizationId equals o.Id
                         select new { n, r, o };
            joined = (query.Sort, query.Descending) switch
            {
                ("dot", false) => joined.OrderBy(x => x.r.LastRatingYear).ThenBy(x => x.r.Code).ThenBy(x => x.n.Id),
                ("dot", true) => joined.OrderByDescending(x => x.r.LastRatingYear).ThenByDescending(x => x.r.Code).ThenBy(x => x.n.Id),
                ("don-vi", false) => joined.OrderBy(x => x.o.SearchName).ThenBy(x => x.n.Id),
                ("don-vi", true) => joined.OrderByDescending(x => x.o.SearchName).ThenBy(x => x.n.Id),
                ("ten", false) => joined.OrderBy(x => x.n.NomineeName).ThenBy(x => x.n.Id),
                ("ten", true) => joined.OrderByDescending(x => x.n.NomineeName).ThenBy(x => x.n.Id),
                ("trang-thai", false) => joined.OrderBy(x => x.n.Status).ThenBy(x => x.n.Id),
                ("trang-thai", true) => joined.OrderByDescending(x => x.n.Status).ThenBy(x => x.n.Id),
                // Latest round first, then unit code and name: the copies kept on the nomination (NominationListOrder)
                // and their index, so a page reads its rows in order instead of sorting every visible dossier.
                _ => joined.OrderByDescending(x => EF.Property<int>(x.n, NominationListOrder.RoundYear)).ThenBy(x => EF.Property<string>(x.n, NominationListOrder.UnitCode)).ThenBy(x => x.n.NomineeName).ThenBy(x => x.n.Id),
            };
            return from x in joined
                    let n = x.n
                    let r = x.r
                    let o = x.o
                    let extension = db.DeadlineExtensions.Where(x => x.RoundId == n.RoundId && x.OrganizationId == n.OrganizationId).Max(x => (DateOnly?)x.Until)
                    select new Row(n.Id, r.Code, Deadline(r.GrassrootsDeadline, extension), o.Name, n.Kind, n.NomineeName, n.CategoryCode, n.Status, n.SubmittedAtUtc, n.Version);
        }

        /// <summary>
        /// The unit's deadline: the round's, or its extension when later. Worked out here rather than in SQL, where the
        /// CASE repeated the extension's subquery three times and doubled the query's planning time (issue 14).
        /// </summary>
        private static DateOnly Deadline(DateOnly round, DateOnly? extension) => extension > round ? extension.Value : round;
    }
}
