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

    /// <summary>A Youth Union branch (chi đoàn, đoàn cơ sở) of a grassroots unit, led by the Bloc Youth Union.</summary>
    YouthUnionBranch,

    /// <summary>A Veterans' Association branch (chi hội) of a grassroots unit, led by the Bloc Veterans' Association.</summary>
    VeteransBranch,
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
        OrganizationKind.ProvinceCommittee => "Tỉnh ủy, Thành ủy",
        OrganizationKind.BlocCommittee => "Đảng ủy cấp trên cơ sở",
        OrganizationKind.BlocBoard => "Ban tham mưu của Đảng ủy",
        OrganizationKind.BlocYouthUnion => "Đoàn Thanh niên cấp trên cơ sở",
        OrganizationKind.BlocVeteransAssociation => "Hội Cựu chiến binh cấp trên cơ sở",
        OrganizationKind.Grassroots => "Tổ chức cơ sở đảng",
        OrganizationKind.SubUnit => "Đơn vị trực thuộc",
        OrganizationKind.YouthUnionBranch => "Chi đoàn, Đoàn cơ sở",
        OrganizationKind.VeteransBranch => "Chi hội Cựu chiến binh",
    };

    public static string Label(this HostUnitType type) => type switch
    {
        HostUnitType.StateAgency => "Cơ quan, đơn vị hành chính sự nghiệp",
        HostUnitType.StateEnterprise => "Doanh nghiệp nhà nước",
        HostUnitType.PrivateEnterprise => "Doanh nghiệp ngoài nhà nước",
    };
}
