using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace Exemplars.Web.Features.Users;

/// <summary>Deactivates (or reactivates) an account. Users are never deleted: the audit log points at them.</summary>
public static class SetUserActive
{
    public sealed class Handler(UserManager<AppUser> users, CurrentUser current)
    {
        public async Task<Result<bool>> Handle(string id, bool active, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return DomainError.NotFound("Không tìm thấy tài khoản.");
            }

            if (!active && user.Id == current.UserId)
            {
                return DomainError.Rule("self_deactivation", "Không thể tự ngừng kích hoạt tài khoản của chính mình.");
            }

            if (user.IsActive == active)
            {
                return DomainError.Conflict("unchanged", active ? "Tài khoản đang hoạt động." : "Tài khoản đã ngừng hoạt động.");
            }

            user.IsActive = active;

            // A locked-out account cannot sign in; a new security stamp ends every open session and token.
            user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            return result.Succeeded ? active : Result<bool>.Failure(IdentityErrors.Translate(result.Errors));
        }
    }
}
