using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

public static class GetPlan
{
    public sealed class Handler(AppDbContext db)
    {
        /// <summary>The plan with its phases, rounds, categories and every criterion version (split queries, no N+1).</summary>
        public async Task<Result<Plan>> Handle(string idOrCode, CancellationToken cancellationToken)
        {
            var plans = db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Rounds).Include(p => p.Categories).Include(p => p.Criteria).AsSplitQuery();
            var plan = int.TryParse(idOrCode, out var id)
                ? await plans.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                : await plans.SingleOrDefaultAsync(p => p.Code == idOrCode, cancellationToken);
            if (plan is null)
            {
                return DomainError.NotFound("Không tìm thấy kế hoạch.");
            }

            plan.Phases.Sort((a, b) => a.Number.CompareTo(b.Number));
            plan.Rounds.Sort((a, b) => a.FirstRatingYear != b.FirstRatingYear ? a.FirstRatingYear.CompareTo(b.FirstRatingYear) : a.LastRatingYear.CompareTo(b.LastRatingYear));
            plan.Categories.Sort((a, b) => a.SortOrder.CompareTo(b.SortOrder));
            plan.Criteria.Sort((a, b) => a.Scope != b.Scope ? a.Scope.CompareTo(b.Scope) : a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : a.Version.CompareTo(b.Version));
            return plan;
        }
    }
}
