using Exemplars.Domain.Common;
using Exemplars.Domain.Reports;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>An administrator sets a period's dates: figures from, figures to, deadline. Plans are data.</summary>
public static class UpdateReportingPeriod
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<ReportingPeriod>> Handle(int periodId, DateOnly from, DateOnly to, DateOnly deadline, Guid? version, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị hệ thống sửa lịch báo cáo của kế hoạch.");
            }

            var period = await db.ReportingPeriods.SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
            if (period is null)
            {
                return DomainError.NotFound("Không tìm thấy kỳ báo cáo.");
            }

            const string stale = "Lịch của kỳ báo cáo này vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.";
            if (Common.Versions.Check(version, period.Version, stale) is { } refused)
            {
                return refused;
            }

            var errors = ReportSchedule.Validate(period.Year, from, to, deadline);
            if (errors.Count > 0)
            {
                return Result<ReportingPeriod>.Failure(errors);
            }

            period.From = from;
            period.To = to;
            period.Deadline = deadline;
            period.Version = Guid.NewGuid();
            return await Common.Versions.SaveAsync(db, stale, cancellationToken) is { } conflict ? conflict : period;
        }
    }
}
