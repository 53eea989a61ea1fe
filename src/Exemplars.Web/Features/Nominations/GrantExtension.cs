using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>
/// The secretariat gives grassroots organisations a later deadline in a round, with a reason (audited): one by its code
/// (API), or several picked from the list of units (page), all in one save.
/// </summary>
public static class GrantExtension
{
    public sealed record Command(string? Round, string? OrganizationCode, DateOnly Until, string? Reason, IReadOnlyList<int>? OrganizationIds = null);

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
            var picked = command.OrganizationIds?.Distinct().ToList() ?? [];
            var grassroots = db.Organizations.InScopeOf(user).Where(o => o.Kind == OrganizationKind.Grassroots);
            var organizations = picked.Count > 0
                ? await grassroots.Where(o => picked.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken)
                : await grassroots.Where(o => o.Code == code).Select(o => o.Id).ToListAsync(cancellationToken);
            var errors = new List<DomainError>();
            if (picked.Count > 0 && organizations.Count != picked.Count)
            {
                errors.Add(DomainError.Invalid("OrganizationIds", "Có đơn vị được chọn không phải tổ chức cơ sở đảng thuộc phạm vi quản lý."));
            }
            else if (organizations.Count == 0)
            {
                errors.Add(picked.Count == 0 && code.Length == 0
                    ? DomainError.Invalid("OrganizationIds", "Hãy chọn ít nhất một tổ chức cơ sở đảng.")
                    : DomainError.Invalid("OrganizationCode", $"Không có tổ chức cơ sở đảng mã {code}."));
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

            var now = clock.GetUtcNow().UtcDateTime;
            var extensions = organizations.Select(id => new DeadlineExtension
            {
                RoundId = context.Value.Round.Id, OrganizationId = id, Until = command.Until, Reason = command.Reason!.Trim(),
                GrantedBy = user.Email, GrantedAtUtc = now,
            }).ToList();
            db.DeadlineExtensions.AddRange(extensions);
            await db.SaveChangesAsync(cancellationToken);
            return extensions[0].Id;
        }
    }
}
