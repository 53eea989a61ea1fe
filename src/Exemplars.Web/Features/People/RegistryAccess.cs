using Exemplars.Domain.Common;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;

namespace Exemplars.Web.Features.People;

/// <summary>Who may change the registry: grassroots committees keep it (plan IV.1); the secretariat and admins may correct it.</summary>
public static class RegistryAccess
{
    public static bool CanWrite(CurrentUser user) => user.IsAnyOf(Roles.Admin, Roles.Secretariat, Roles.GrassrootsClerk);

    public static DomainError Forbidden { get; } = new(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không được sửa sổ theo dõi.");
}
