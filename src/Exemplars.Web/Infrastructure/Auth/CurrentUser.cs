using Exemplars.Domain.Organizations;
using Exemplars.Domain.Users;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Who is asking, as stored now (not as the cookie remembers): role, organisation and the path prefix of
/// everything they may see. Filled once per request by <see cref="CurrentUserMiddleware"/>.
/// </summary>
public sealed class CurrentUser
{
    public bool IsAuthenticated { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string FullName { get; private set; } = string.Empty;

    public string Role { get; private set; } = string.Empty;

    public int OrganizationId { get; private set; }

    public string OrganizationName { get; private set; } = string.Empty;

    /// <summary>Materialised-path prefix of the organisations this user may see ("/" means all).</summary>
    public string ScopePath { get; private set; } = "/nothing/";

    /// <summary>The account signs in with a second step (an authenticator app).</summary>
    public bool TwoFactorEnabled { get; private set; }

    public void MarkTwoFactor(bool enabled) => TwoFactorEnabled = enabled;

    public bool IsInRole(string role) => IsAuthenticated && Role == role;

    public bool IsAnyOf(params string[] roles) => IsAuthenticated && roles.Contains(Role);

    public bool CanSee(string organizationPath) => IsAuthenticated && organizationPath.StartsWith(ScopePath, StringComparison.Ordinal);

    /// <summary>Carries the requesting user into a background scope (long imports).</summary>
    public void CopyFrom(CurrentUser other)
    {
        IsAuthenticated = other.IsAuthenticated;
        UserId = other.UserId;
        Email = other.Email;
        FullName = other.FullName;
        Role = other.Role;
        OrganizationId = other.OrganizationId;
        OrganizationName = other.OrganizationName;
        ScopePath = other.ScopePath;
        TwoFactorEnabled = other.TwoFactorEnabled;
    }

    public void Set(string userId, string email, string fullName, string role, Organization organization) =>
        Set(userId, email, fullName, role, organization.Id, organization.Name, organization.Path);

    public void Set(string userId, string email, string fullName, string role, int organizationId, string organizationName, string organizationPath)
    {
        IsAuthenticated = true;
        UserId = userId;
        Email = email;
        FullName = fullName;
        Role = role;
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        ScopePath = UserScopeRules.ScopePath(role, organizationPath);
    }
}
