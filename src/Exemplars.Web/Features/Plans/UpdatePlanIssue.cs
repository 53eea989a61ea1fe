using System.Globalization;
using Exemplars.Domain.Common;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>
/// Admin records the plan's own number and date ("Kế hoạch số 12-KH/ĐUK, ngày 05/3/2021"), printed in the basis lines
/// ("Căn cứ …") of the generated documents (issue 13 point 2). Both empty clears them.
/// </summary>
public static class UpdatePlanIssue
{
    public sealed record Command(string? IssuedNumber, string? IssuedOn);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Handle(int planId, Command command, Guid? version, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị viên được sửa kế hoạch.");
            }

            var number = command.IssuedNumber?.Trim() is { Length: > 0 } n ? n : null;
            var text = command.IssuedOn?.Trim() is { Length: > 0 } t ? t : null;
            var errors = new List<DomainError>();
            if (number is not null && (number.Length > 50 || !Domain.Programme.ProgrammeRules.NumberPattern().IsMatch(number)))
            {
                errors.Add(DomainError.Invalid("IssuedNumber", "Số kế hoạch phải có dạng số-ký hiệu, ví dụ 12-KH/ĐUK."));
            }

            DateOnly? issuedOn = null;
            if (text is not null)
            {
                if (!DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add(DomainError.Invalid("IssuedOn", "Ngày ban hành phải có dạng ngày/tháng/năm, ví dụ 05/03/2021."));
                }
                else if (date > VietnamTime.Today(clock))
                {
                    errors.Add(DomainError.Invalid("IssuedOn", "Ngày ban hành không được sau ngày hôm nay."));
                }
                else
                {
                    issuedOn = date;
                }
            }

            if (number is null != (text is null))
            {
                errors.Add(DomainError.Invalid("IssuedNumber", "Hãy nhập cả số và ngày ban hành kế hoạch (hoặc để trống cả hai)."));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
            if (plan is null)
            {
                return DomainError.NotFound("Không tìm thấy kế hoạch.");
            }

            if (Common.Versions.Check(version, plan.Version, PlanEdits.Stale) is { } refused)
            {
                return refused;
            }

            (plan.IssuedNumber, plan.IssuedOn) = (number, issuedOn);
            plan.Version = Guid.NewGuid();
            return await Common.Versions.SaveAsync(db, PlanEdits.Stale, cancellationToken) is { } conflict ? conflict : plan.Id;
        }
    }
}
