using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>A round with its plan's categories and criteria: what eligibility needs, loaded in two queries.</summary>
public sealed record RoundContext(Round Round, IReadOnlyList<NomineeCategory> Categories, IReadOnlyList<Criterion> Criteria)
{
    public static async Task<Result<RoundContext>> LoadAsync(AppDbContext db, string? roundCode, CancellationToken cancellationToken)
    {
        var code = roundCode?.Trim() ?? string.Empty;
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (round is null)
        {
            var known = await db.Rounds.OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(cancellationToken);
            return DomainError.Invalid("round", $"Không có đợt bình xét mã \"{code}\". Các mã hợp lệ: {string.Join(", ", known)}.");
        }

        var categories = await db.Categories.AsNoTracking().Where(c => c.PlanId == round.PlanId).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var criteria = await db.Criteria.AsNoTracking().Where(c => c.PlanId == round.PlanId).ToListAsync(cancellationToken);
        return new RoundContext(round, categories, criteria);
    }
}
