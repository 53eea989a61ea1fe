using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>The 2021–2025 plan ships with the app: it is added to any database that lacks it, demo or not.</summary>
public static class PlanSeeder
{
    public static async Task EnsureBuiltInAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Plans.AnyAsync(p => p.Code == BuiltInPlans.Plan2021To2025Code, cancellationToken))
        {
            return;
        }

        db.Plans.Add(BuiltInPlans.Plan2021To2025());
        await db.SaveChangesAsync(cancellationToken);
    }
}
