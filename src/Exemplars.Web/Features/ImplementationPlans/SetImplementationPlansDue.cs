using Exemplars.Domain.Common;
using Exemplars.Domain.Programme;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.ImplementationPlans;

/// <summary>The secretariat sets (or clears) the day by which grassroots committees issue their implementation plans; reminders follow it.</summary>
public static class SetImplementationPlansDue
{
    public sealed record Command(string? DueOn, Guid? Version);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Guid>> Handle(string planCode, Command command, CancellationToken cancellationToken)
        {
            if (!ImplementationPlanAccess.CanSetDue(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Ban Tuyên giáo – Dân vận đặt hạn cơ sở ban hành kế hoạch thực hiện.");
            }

            DateOnly? due = null;
            if (!string.IsNullOrWhiteSpace(command.DueOn))
            {
                due = ProgrammeRules.ParseDate(command.DueOn);
                if (due is null)
                {
                    return DomainError.Invalid("DueOn", "Hạn phải có dạng ngày/tháng/năm, ví dụ 31/03/2027.");
                }
            }

            var plan = await db.Plans.SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
            if (plan is null)
            {
                return DomainError.NotFound("Không tìm thấy kế hoạch.");
            }

            if (Common.Versions.Check(command.Version, plan.Version, PlanEdits.Stale) is { } refused)
            {
                return refused;
            }

            plan.ImplementationPlansDueOn = due;
            plan.Version = Guid.NewGuid();
            return await Common.Versions.SaveAsync(db, PlanEdits.Stale, cancellationToken) is { } conflict ? conflict : plan.Version;
        }
    }
}
