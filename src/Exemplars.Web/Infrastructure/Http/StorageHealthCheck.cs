using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>/health/ready needs the file store too: uploads and generated documents are written there.</summary>
public sealed class StorageHealthCheck(IFileStore files) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await files.ProbeAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Kho tệp ghi và đọc được.")
            : HealthCheckResult.Unhealthy("Không ghi được vào kho tệp: kiểm tra thư mục Storage:Path (quyền ghi, dung lượng đĩa) hoặc, khi Storage:Backend là Database, kết nối và bảng stored_files của cơ sở dữ liệu.");
}
