using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Reports;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>The secretariat returns a sent report with its reason; the committee corrects it and sends again.</summary>
public static class ReturnReport
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<PeriodicReport>> Handle(int periodId, int organizationId, Guid? version, string? reason, CancellationToken cancellationToken)
        {
            if (!ReportAccess.CanManage(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận trả lại báo cáo.");
            }

            var unit = await ReportAccess.UnitAsync(db, user, organizationId, cancellationToken);
            var report = unit is null ? null : await db.PeriodicReports.SingleOrDefaultAsync(r => r.ReportingPeriodId == periodId && r.OrganizationId == unit.Id, cancellationToken);
            if (unit is null || report is null)
            {
                return DomainError.NotFound("Không tìm thấy báo cáo.");
            }

            if (Common.Versions.Check(version, report.Version, "Báo cáo vừa được đơn vị gửi lại hoặc được người khác trả lại; hãy tải lại trang.") is { } stale)
            {
                return stale;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (report.ReturnToUnit(reason, now) is { Count: > 0 } refused)
            {
                return Result<PeriodicReport>.Failure(refused);
            }

            var label = await db.ReportingPeriods.Where(p => p.Id == periodId).Select(p => new { p.Kind, p.Year }).SingleAsync(cancellationToken);
            db.Notifications.Add(new Notification
            {
                OrganizationId = unit.Id, Roles = Roles.GrassrootsClerk, CreatedAtUtc = now,
                Text = $"Báo cáo {label.Kind.Label(label.Year)} được trả lại: {report.ReturnReason}",
                Link = $"/Reports/Edit?periodId={periodId}",
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("stale", "Báo cáo vừa được người khác trả lại hoặc thay đổi; hãy tải lại trang.");
            }

            return report;
        }
    }
}
