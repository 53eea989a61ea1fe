using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

public static class ListPlans
{
    public sealed record Row(int Id, string Code, string Name, bool IsBuiltIn, int Rounds);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> Handle(CancellationToken cancellationToken) =>
            await db.Plans.AsNoTracking().OrderByDescending(p => p.Code)
                .Select(p => new Row(p.Id, p.Code, p.Name, p.IsBuiltIn, p.Rounds.Count))
                .Take(PlanLimits.MaxPlans)
                .ToListAsync(cancellationToken);
    }
}

public static class PlanLimits
{
    /// <summary>One plan per five-year term: a list this long covers a century, so it is not paged.</summary>
    public const int MaxPlans = 50;
}
