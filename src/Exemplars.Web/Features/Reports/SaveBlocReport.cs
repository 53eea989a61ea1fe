using Exemplars.Domain.Common;
using Exemplars.Domain.Reports;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>
/// The secretariat saves the narrative sections of the bloc report (kết quả, hạn chế và nguyên nhân, phương hướng),
/// cleaned of anything but formatting. The first save creates the record; every later one needs the version it read.
/// An issued report is frozen.
/// </summary>
public static class SaveBlocReport
{
    public sealed record Command(int PeriodId, string? ResultsHtml, string? LimitationsHtml, string? DirectionsHtml, Guid? Version);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<BlocReport>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!ReportAccess.CanManage(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận soạn báo cáo tổng hợp.");
            }

            if (!await db.ReportingPeriods.AnyAsync(p => p.Id == command.PeriodId, cancellationToken))
            {
                return DomainError.NotFound("Không tìm thấy kỳ báo cáo.");
            }

            var results = HtmlCleaner.Clean(command.ResultsHtml ?? string.Empty);
            var limitations = HtmlCleaner.Clean(command.LimitationsHtml ?? string.Empty);
            var directions = HtmlCleaner.Clean(command.DirectionsHtml ?? string.Empty);
            var report = await db.Set<BlocReport>().SingleOrDefaultAsync(r => r.ReportingPeriodId == command.PeriodId, cancellationToken);
            if (report is null)
            {
                report = new BlocReport { ReportingPeriodId = command.PeriodId };
                db.Set<BlocReport>().Add(report);
            }
            else if (report.IsIssued)
            {
                return BlocReport.Issued;
            }
            else if (Common.Versions.Check(command.Version, report.Version, "Báo cáo tổng hợp vừa được người khác sửa; hãy tải lại trang rồi sửa lại.") is { } refused)
            {
                return refused;
            }

            var errors = report.Edit(results, limitations, directions, user.Email, clock.GetUtcNow().UtcDateTime);
            if (errors.Count > 0)
            {
                return Result<BlocReport>.Failure(errors);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return DomainError.Conflict(Common.Versions.StaleCode, "Báo cáo tổng hợp vừa được người khác lưu; hãy tải lại trang rồi sửa lại.");
            }

            return report;
        }
    }
}
