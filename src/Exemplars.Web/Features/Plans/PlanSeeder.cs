using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>The 2021–2025 plan ships with the app: it is added to any database that lacks it, demo or not.</summary>
public static class PlanSeeder
{
    public static async Task EnsureBuiltInAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Plans.Where(p => p.Code == BuiltInPlans.Plan2021To2025Code).Select(p => new { p.Id, HasPeriods = p.ReportingPeriods.Any() })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            // Databases made before reporting periods existed get the built-in calendar once.
            if (!existing.HasPeriods)
            {
                foreach (var period in BuiltInPlans.Plan2021To2025().ReportingPeriods)
                {
                    period.PlanId = existing.Id;
                    db.ReportingPeriods.Add(period);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        db.Plans.Add(BuiltInPlans.Plan2021To2025());
        await db.SaveChangesAsync(cancellationToken);
    }
}
