using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;

namespace Exemplars.Domain.Users;

/// <summary>How far a role reaches in the organisation tree.</summary>
public enum ScopeReach
{
    /// <summary>Every organisation (system administrator).</summary>
    Everything,

    /// <summary>The whole bloc the user belongs to (secretariat, standing committee).</summary>
    WholeBloc,

    /// <summary>The user's own organisation and its sub-units (clerks, province viewers).</summary>
    OwnSubtree,
}

/// <summary>Which organisation a role may be bound to, and how far it then sees.</summary>
public static class UserScopeRules
{
    public static ScopeReach Reach(string role) => role switch
    {
        Roles.Admin => ScopeReach.Everything,
        Roles.Secretariat or Roles.StandingCommittee => ScopeReach.WholeBloc,
        _ => ScopeReach.OwnSubtree,
    };

    public static IReadOnlyList<OrganizationKind> AllowedOrganizationKinds(string role) => role switch
    {
        Roles.Admin => Enum.GetValues<OrganizationKind>(),
        Roles.Secretariat or Roles.StandingCommittee => [OrganizationKind.BlocCommittee, OrganizationKind.BlocBoard],
        Roles.GrassrootsClerk => [OrganizationKind.Grassroots],
        Roles.MassOrganisationClerk => [OrganizationKind.BlocYouthUnion, OrganizationKind.BlocVeteransAssociation, OrganizationKind.YouthUnionBranch, OrganizationKind.VeteransBranch],
        Roles.ProvinceViewer => [OrganizationKind.ProvinceCommittee],
        _ => [],
    };

    public static DomainError? ValidateBinding(string role, OrganizationKind organizationKind)
    {
        if (!Roles.IsKnown(role))
        {
            return DomainError.Invalid("Role", "Vai trò không hợp lệ.");
        }

        var allowed = AllowedOrganizationKinds(role);
        return allowed.Contains(organizationKind)
            ? null
            : DomainError.Invalid("OrganizationCode", $"Vai trò {Roles.Label(role)} chỉ gắn với: {string.Join(", ", allowed.Select(k => k.Label()))}.");
    }

    /// <summary>
    /// The path prefix the user may see, from the path of the organisation they are bound to.
    /// A whole-bloc role climbs to the bloc committee: the second id in the path (province / bloc / …).
    /// </summary>
    public static string ScopePath(string role, string organizationPath) => Reach(role) switch
    {
        ScopeReach.Everything => "/",
        ScopeReach.WholeBloc => BlocPrefix(organizationPath),
        ScopeReach.OwnSubtree => organizationPath,
    };

    /// <summary>The bloc part of a path (province / bloc /): what a whole-bloc role sees, and where a branch finds its bloc association.</summary>
    public static string BlocPrefix(string path)
    {
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return ids.Length >= 2 ? $"/{ids[0]}/{ids[1]}/" : path;
    }
}
