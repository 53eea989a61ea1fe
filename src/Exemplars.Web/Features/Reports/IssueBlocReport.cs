using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Reports;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>
/// The secretariat issues the bloc report of a period: it takes the next "BC" number of the issuer in the current term
/// in the document register, dated today and signed by the officer in office, and its text is frozen from then on.
/// </summary>
public static class IssueBlocReport
{
    public sealed class Handler(AppDbContext db, CurrentUser user, Issuers.IssuerDirectory.Handler issuers, TimeProvider clock)
    {
        public async Task<Result<string>> Handle(int periodId, Guid? version, CancellationToken cancellationToken)
        {
            if (!ReportAccess.CanManage(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận ban hành báo cáo tổng hợp.");
            }

            var period = await db.ReportingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
            if (period is null)
            {
                return DomainError.NotFound("Không tìm thấy kỳ báo cáo.");
            }

            var issuer = await issuers.Default(cancellationToken);
            var today = VietnamTime.Today(clock);
            if (issuer.SignerOn(today) is not { } signer)
            {
                return DomainError.Rule("no_signer", $"{issuer.OrganName} chưa có đồng chí nào đương nhiệm ngày {VietnamTime.Format(today)} để ký; hãy cập nhật danh sách lãnh đạo của cơ quan ban hành.");
            }

            // The next "BC" number and the frozen text in one transaction; on a number taken at the same moment, the next.
            return await Issuers.DocumentRegister.IssueAsync<string>(db, async (_, ct) =>
            {
                var report = await db.Set<BlocReport>().SingleOrDefaultAsync(r => r.ReportingPeriodId == periodId, ct);
                if (report is null)
                {
                    return DomainError.Rule("bloc_report_not_saved", "Hãy lưu nội dung báo cáo tổng hợp trước khi ban hành.");
                }

                if (report.IsIssued)
                {
                    return BlocReport.Issued;
                }

                if (Common.Versions.Check(version, report.Version, "Báo cáo tổng hợp vừa được người khác sửa; hãy tải lại trang, đọc lại rồi ban hành.") is { } refused)
                {
                    return refused;
                }

                var term = issuer.TermKey(today);
                var number = await Issuers.DocumentRegister.NextNumberAsync(db, issuer.Symbol, DocumentType.Report, term, ct);
                var entry = new Decision
                {
                    Issuer = issuer.Symbol, Year = today.Year, Term = term, Number = number, Type = DocumentType.Report,
                    Title = $"Báo cáo kết quả xây dựng, tuyên dương, nhân rộng gương điển hình tiêu biểu {period.Label}", Date = today,
                    Signer = signer.FullName, CreatedBy = user.Email,
                };
                try
                {
                    db.Decisions.Add(entry);
                    await db.SaveChangesAsync(ct);
                    var errors = report.Issue(entry.Id, today, user.Email, clock.GetUtcNow().UtcDateTime);
                    if (errors.Count > 0)
                    {
                        return Result<string>.Failure(errors); // disposed uncommitted: no number is taken
                    }

                    await db.SaveChangesAsync(ct);
                    return entry.DocumentNumber;
                }
                catch (DbUpdateConcurrencyException)
                {
                    return DomainError.Conflict(Common.Versions.StaleCode, "Báo cáo tổng hợp vừa được người khác sửa hoặc ban hành; hãy tải lại trang.");
                }
            }, cancellationToken);
        }
    }
}
