using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Commendations;

/// <summary>Commendations at grassroots level, newest decision first: a unit its own, the secretariat every unit's in scope, by year, kind and name.</summary>
public static class ListCommendations
{
    public sealed record Query(int? Year = null, NomineeKind? Kind = null, string? Search = null, int Page = 1);

    public sealed record Row(int Id, NomineeKind Kind, int? PersonId, int? CollectiveId, string Name, string Achievements, string Form, string DecisionNumber, DateOnly DecisionDate,
        string Organization, int? NominationId, Guid Version);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Paged<Row>>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!CommendationAccess.CanRead(user))
            {
                return CommendationAccess.Forbidden;
            }

            var rows = CommendationAccess.Visible(db, user).AsNoTracking();
            if (query.Year is { } year)
            {
                var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                rows = rows.Where(c => c.DecisionDate >= from && c.DecisionDate <= to);
            }

            if (query.Kind is { } kind)
            {
                rows = rows.Where(c => c.Kind == kind);
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = TextSearch.Contains(VietnameseText.Fold(query.Search));
                rows = rows.Where(c => EF.Functions.Like(c.SearchName, pattern, TextSearch.Escape));
            }

            return await (from c in rows
                          join o in db.Organizations on c.OrganizationId equals o.Id
                          orderby c.DecisionDate descending, c.Id descending
                          select new Row(c.Id, c.Kind, c.PersonId, c.CollectiveId, c.Name, c.Achievements, c.Form, c.DecisionNumber, c.DecisionDate, o.Name, c.NominationId, c.Version))
                .ToPagedAsync(new PageRequest(query.Page), cancellationToken);
        }
    }
}
