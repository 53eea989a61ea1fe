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
        MassOrganisationClerk => "Cán bộ đoàn thể Khối",
        ProvinceViewer => "Cán bộ Tỉnh ủy (chỉ xem)",
        _ => role,
    };

    public static bool IsKnown(string role) => All.Contains(role);
}
