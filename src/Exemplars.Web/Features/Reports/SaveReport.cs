using Exemplars.Domain.Common;
using Exemplars.Domain.Reports;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>A grassroots clerk saves the draft of the committee's report: its narrative (the figures are counted by the system).</summary>
public static class SaveReport
{
    public sealed record Command(int PeriodId, string? Narrative, Guid? Version);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<PeriodicReport>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!ReportAccess.IsClerk(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ cán bộ cấp ủy cơ sở soạn và gửi báo cáo của đơn vị.");
            }

            var unit = await ReportAccess.UnitAsync(db, user, user.OrganizationId, cancellationToken);
            if (unit is null || !await db.ReportingPeriods.AnyAsync(p => p.Id == command.PeriodId, cancellationToken))
            {
                return DomainError.NotFound("Không tìm thấy kỳ báo cáo.");
            }

            var errors = ReportSchedule.ValidateInput(command.Narrative);
            if (errors.Count > 0)
            {
                return Result<PeriodicReport>.Failure(errors);
            }

            var report = await db.PeriodicReports.SingleOrDefaultAsync(r => r.ReportingPeriodId == command.PeriodId && r.OrganizationId == unit.Id, cancellationToken);
            if (report is null)
            {
                report = new PeriodicReport { ReportingPeriodId = command.PeriodId, OrganizationId = unit.Id, Status = ReportStatus.Draft };
                db.PeriodicReports.Add(report);
            }
            else
            {
                if (ReportSchedule.CanEdit(report.Status) is { } locked)
                {
                    return locked;
                }

                if (command.Version is null)
                {
                    return Common.Versions.Required;
                }

                if (command.Version != report.Version)
                {
                    return DomainError.Conflict("stale", "Báo cáo vừa được người khác sửa; hãy tải lại trang rồi nhập lại.");
                }
            }

            report.Narrative = command.Narrative?.Trim() ?? string.Empty;
            report.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            report.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return DomainError.Conflict("stale", "Báo cáo vừa được người khác lưu; hãy tải lại trang rồi nhập lại.");
            }

            return report;
        }
    }
}
