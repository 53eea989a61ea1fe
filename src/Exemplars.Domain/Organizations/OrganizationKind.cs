namespace Exemplars.Domain.Organizations;

/// <summary>Where an organisation sits in the tree: province → bloc → (boards, mass organisations, grassroots) → sub-units.</summary>
public enum OrganizationKind
{
    ProvinceCommittee,
    BlocCommittee,
    BlocBoard,
    BlocYouthUnion,
    BlocVeteransAssociation,
    Grassroots,
    SubUnit,
}

/// <summary>The body a grassroots party organisation lives in.</summary>
public enum HostUnitType
{
    StateAgency,
    StateEnterprise,
    PrivateEnterprise,
}

public static class OrganizationLabels
{
    public static string Label(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.ProvinceCommittee => "Tỉnh ủy",
        OrganizationKind.BlocCommittee => "Đảng ủy Khối",
        OrganizationKind.BlocBoard => "Ban của Đảng ủy Khối",
        OrganizationKind.BlocYouthUnion => "Đoàn Khối",
        OrganizationKind.BlocVeteransAssociation => "Hội Cựu chiến binh Khối",
        OrganizationKind.Grassroots => "Tổ chức cơ sở đảng",
        OrganizationKind.SubUnit => "Đơn vị trực thuộc",
    };

    public static string Label(this HostUnitType type) => type switch
    {
        HostUnitType.StateAgency => "Cơ quan, đơn vị hành chính sự nghiệp",
        HostUnitType.StateEnterprise => "Doanh nghiệp nhà nước",
        HostUnitType.PrivateEnterprise => "Doanh nghiệp ngoài nhà nước",
    };
}
