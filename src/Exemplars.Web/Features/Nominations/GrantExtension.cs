using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>The secretariat gives one grassroots organisation a later deadline in a round, with a reason (audited).</summary>
public static class GrantExtension
{
    public sealed record Command(string? Round, string? OrganizationCode, DateOnly Until, string? Reason);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanReview(user))
            {
                return NominationAccess.Forbidden("gia hạn nộp hồ sơ");
            }

            var context = await RoundContext.LoadAsync(db, command.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<int>.Failure(context.Errors);
            }

            var code = command.OrganizationCode?.Trim().ToUpperInvariant() ?? string.Empty;
            var organization = await db.Organizations.InScopeOf(user).Where(o => o.Code == code && o.Kind == OrganizationKind.Grassroots).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
            var errors = new List<DomainError>();
            if (organization is null)
            {
                errors.Add(DomainError.Invalid("OrganizationCode", $"Không có tổ chức cơ sở đảng mã {code}."));
            }

            if (command.Until <= context.Value.Round.GrassrootsDeadline)
            {
                errors.Add(DomainError.Invalid("Until", $"Ngày gia hạn phải sau hạn nộp {context.Value.Round.GrassrootsDeadline:dd/MM/yyyy}."));
            }

            if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Trim().Length > 1000)
            {
                errors.Add(DomainError.Invalid("Reason", "Hãy ghi lý do gia hạn (tối đa 1000 ký tự)."));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var extension = new DeadlineExtension
            {
                RoundId = context.Value.Round.Id, OrganizationId = organization!.Value, Until = command.Until, Reason = command.Reason!.Trim(),
                GrantedBy = user.Email, GrantedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.DeadlineExtensions.Add(extension);
            await db.SaveChangesAsync(cancellationToken);
            return extension.Id;
        }
    }
}
