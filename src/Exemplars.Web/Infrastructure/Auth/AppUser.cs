using Exemplars.Domain.Organizations;
using Microsoft.AspNetCore.Identity;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>A person who signs in. Bound to exactly one organisation and one role; deactivated, never deleted.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;

    public string SearchName { get; set; } = string.Empty;

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public string Role { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }
}
