namespace Exemplars.Domain.Users;

/// <summary>The six roles of the system and what they mean in Vietnamese.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Secretariat = nameof(Secretariat);
    public const string StandingCommittee = nameof(StandingCommittee);
    public const string GrassrootsClerk = nameof(GrassrootsClerk);
    public const string MassOrganisationClerk = nameof(MassOrganisationClerk);
    public const string ProvinceViewer = nameof(ProvinceViewer);

    public static IReadOnlyList<string> All { get; } =
        [Admin, Secretariat, StandingCommittee, GrassrootsClerk, MassOrganisationClerk, ProvinceViewer];

    public static string Label(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Secretariat => "Ban Tuyên giáo – Dân vận",
        StandingCommittee => "Ủy viên Ban Thường vụ",
        GrassrootsClerk => "Cán bộ cấp ủy cơ sở",
        MassOrganisationClerk => "Cán bộ đoàn thể",
        ProvinceViewer => "Cán bộ cấp trên (chỉ xem)",
        _ => role,
    };

    /// <summary>
    /// Who the user is, for the greeting: the role and the organisation, without saying the same words twice when the
    /// organisation's name already begins with the role's label ("Ban Tuyên giáo – Dân vận" of "Ban Tuyên giáo – Dân vận Đảng ủy …").
    /// </summary>
    public static string Describe(string role, string? organizationName)
    {
        var label = Label(role);
        if (string.IsNullOrWhiteSpace(organizationName))
        {
            return label;
        }

        return organizationName.StartsWith(label, StringComparison.OrdinalIgnoreCase) ? organizationName : $"{label} · {organizationName}";
    }

    public static bool IsKnown(string role) => All.Contains(role);
}
