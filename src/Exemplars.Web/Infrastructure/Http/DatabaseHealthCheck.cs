using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>/health is healthy only when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Organizations.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("Cơ sở dữ liệu hoạt động bình thường.");
        }
#pragma warning disable CA1031 // Any failure means unhealthy; the exception is reported, not thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.", ex);
        }
    }
}
