using Exemplars.Domain.Common;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Users;

/// <summary>Creates a user bound to one organisation and one role, with an initial password the person must know.</summary>
public static class CreateUser
{
    public sealed record Command(string Email, string FullName, string Role, string OrganizationCode, string Password);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
    {
        public async Task<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var errors = await Validate(command, cancellationToken);
            if (errors.Count > 0)
            {
                return Result<string>.Failure(errors);
            }

            var code = command.OrganizationCode.Trim().ToUpperInvariant();
            var organizationId = await db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync(cancellationToken);
            var user = New(command, organizationId, clock);
            var result = await users.CreateAsync(user, command.Password);
            return result.Succeeded ? user.Id : Result<string>.Failure(IdentityErrors.Translate(result.Errors));
        }

        internal static AppUser New(Command command, int organizationId, TimeProvider clock) => new()
        {
            UserName = command.Email.Trim(),
            Email = command.Email.Trim(),
            EmailConfirmed = true,
            FullName = command.FullName.Trim(),
            SearchName = VietnameseText.Fold(command.FullName + " " + command.Email),
            Role = command.Role,
            OrganizationId = organizationId,
            LockoutEnabled = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        /// <summary>Everything but the password policy, which Identity checks when the user is created.</summary>
        internal async Task<List<DomainError>> Validate(Command command, CancellationToken cancellationToken)
        {
            var errors = new List<DomainError>();
            var email = command.Email?.Trim() ?? string.Empty;
            var normalizedEmail = email.ToUpperInvariant();
            if (email.Length == 0 || !System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Length > 256)
            {
                errors.Add(DomainError.Invalid(nameof(Command.Email), "Địa chỉ thư điện tử không hợp lệ."));
            }
            else if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
            {
                errors.Add(DomainError.Invalid(nameof(Command.Email), $"Đã có tài khoản {email}."));
            }

            if (string.IsNullOrWhiteSpace(command.FullName) || command.FullName.Trim().Length > 150)
            {
                errors.Add(DomainError.Invalid(nameof(Command.FullName), "Họ và tên không được để trống (tối đa 150 ký tự)."));
            }

            var code = command.OrganizationCode?.Trim().ToUpperInvariant() ?? string.Empty;
            var organization = await db.Organizations.Where(o => o.Code == code).Select(o => new { o.Kind, o.IsActive }).SingleOrDefaultAsync(cancellationToken);
            if (organization is null)
            {
                errors.Add(DomainError.Invalid(nameof(Command.OrganizationCode), $"Không có tổ chức mã {code}."));
            }
            else if (!organization.IsActive)
            {
                errors.Add(DomainError.Invalid(nameof(Command.OrganizationCode), "Tổ chức đã ngừng hoạt động."));
            }
            else if (UserScopeRules.ValidateBinding(command.Role ?? string.Empty, organization.Kind) is { } bindingError)
            {
                errors.Add(bindingError);
            }
            else if (!Roles.IsKnown(command.Role ?? string.Empty))
            {
                errors.Add(DomainError.Invalid(nameof(Command.Role), "Vai trò không hợp lệ."));
            }

            if (string.IsNullOrEmpty(command.Password))
            {
                errors.Add(DomainError.Invalid(nameof(Command.Password), "Mật khẩu không được để trống."));
            }

            return errors;
        }
    }
}
