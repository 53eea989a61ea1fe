using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Reports;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>
/// Sends the saved draft to the bloc: the figures are counted once more and frozen, the secretariat is told. A second
/// send of the same draft (another clerk, another tab) gets 409.
/// </summary>
public static class SubmitReport
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, ComputeReportFigures.Handler figures)
    {
        public async Task<Result<PeriodicReport>> Handle(int periodId, Guid? version, CancellationToken cancellationToken)
        {
            if (!ReportAccess.IsClerk(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ cán bộ cấp ủy cơ sở soạn và gửi báo cáo của đơn vị.");
            }

            var unit = await ReportAccess.UnitAsync(db, user, user.OrganizationId, cancellationToken);
            var period = await db.ReportingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
            if (unit is null || period is null)
            {
                return DomainError.NotFound("Không tìm thấy kỳ báo cáo.");
            }

            var report = await db.PeriodicReports.SingleOrDefaultAsync(r => r.ReportingPeriodId == periodId && r.OrganizationId == unit.Id, cancellationToken);
            if (report is null)
            {
                return DomainError.Rule("report_not_saved", "Hãy lưu báo cáo trước khi gửi.");
            }

            if (ReportSchedule.CanEdit(report.Status) is { } locked)
            {
                return locked;
            }

            if (Common.Versions.Check(version, report.Version, "Báo cáo vừa được người khác sửa hoặc gửi; hãy tải lại trang.") is { } stale)
            {
                return stale;
            }

            if (ReportSchedule.CanSubmit(report.Narrative) is { } missing)
            {
                return missing;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (report.Submit(await figures.Handle(unit.Id, period, cancellationToken), user.Email, now) is { Count: > 0 } refused)
            {
                return Result<PeriodicReport>.Failure(refused);
            }

            db.Notifications.Add(new Notification
            {
                OrganizationId = unit.Id, Roles = Roles.Secretariat, CreatedAtUtc = now,
                Text = $"{unit.Name} đã gửi báo cáo {period.Label}.",
                Link = $"/Reports/View?periodId={period.Id}&organizationId={unit.Id}",
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("stale", "Báo cáo vừa được người khác gửi; hãy tải lại trang.");
            }

            return report;
        }
    }
}
