using System.Reflection;
using System.Text;
using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Domain.Users;

namespace Exemplars.Domain.Tests;

/// <summary>The foundation's pure rules: text folding, the organisation tree, role scope, the registry's person rules.</summary>
public sealed class FoundationRulesTests
{
    [Theory]
    [InlineData("Nguyễn Văn Đức", "nguyen van duc")]
    [InlineData("  Bệnh   viện  Đa khoa ", "benh vien da khoa")]
    [InlineData("ĐẢNG BỘ KHỐI", "dang bo khoi")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_removes_diacritics_case_and_extra_spaces(string? input, string expected) => Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_gives_the_same_result_for_composed_and_decomposed_text() =>
        Assert.Equal(VietnameseText.Fold("Trường Sư phạm".Normalize(NormalizationForm.FormC)), VietnameseText.Fold("Trường Sư phạm".Normalize(NormalizationForm.FormD)));

    private static Organization Org(OrganizationKind kind, string code, Organization? parent = null, HostUnitType? host = null, int id = 0)
    {
        var org = Organization.Create(new OrganizationDraft(code, "Tên " + code, kind, host, parent?.Code), parent).Value;
        if (id > 0)
        {
            typeof(Organization).GetProperty(nameof(Organization.Id))!.SetValue(org, id);
            org.AssignPath();
        }

        return org;
    }

    [Theory]
    [InlineData(OrganizationKind.BlocCommittee, OrganizationKind.ProvinceCommittee, true)]
    [InlineData(OrganizationKind.Grassroots, OrganizationKind.BlocCommittee, true)]
    [InlineData(OrganizationKind.SubUnit, OrganizationKind.Grassroots, true)]
    [InlineData(OrganizationKind.SubUnit, OrganizationKind.SubUnit, true)]
    [InlineData(OrganizationKind.Grassroots, OrganizationKind.ProvinceCommittee, false)]
    [InlineData(OrganizationKind.SubUnit, OrganizationKind.BlocCommittee, false)]
    [InlineData(OrganizationKind.BlocYouthUnion, OrganizationKind.BlocCommittee, true)]
    public void Tree_shape_is_enforced(OrganizationKind kind, OrganizationKind parentKind, bool allowed)
    {
        var province = Org(OrganizationKind.ProvinceCommittee, "TU");
        var bloc = Org(OrganizationKind.BlocCommittee, "DUK", province);
        var unit = Org(OrganizationKind.Grassroots, "CS1", bloc, HostUnitType.StateAgency);
        var cell = Org(OrganizationKind.SubUnit, "CS1-01", unit, HostUnitType.StateAgency);
        var parent = parentKind switch
        {
            OrganizationKind.ProvinceCommittee => province,
            OrganizationKind.BlocCommittee => bloc,
            OrganizationKind.Grassroots => unit,
            _ => cell,
        };
        var errors = OrganizationRules.Validate(new OrganizationDraft("CHILD", "Con", kind, kind is OrganizationKind.Grassroots or OrganizationKind.SubUnit ? HostUnitType.StateEnterprise : null, parent.Code), parent);
        Assert.Equal(allowed, errors.Count == 0);
    }

    [Theory]
    [InlineData("AB", true)]
    [InlineData("A", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", false)]
    [InlineData("CS 01", false)]
    [InlineData("SỞ", false)]
    public void Organisation_codes_are_2_to_32_plain_characters(string code, bool valid)
    {
        var bloc = Org(OrganizationKind.BlocCommittee, "DUK", Org(OrganizationKind.ProvinceCommittee, "TU"));
        var errors = OrganizationRules.Validate(new OrganizationDraft(code, "Tên", OrganizationKind.Grassroots, HostUnitType.StateAgency, "DUK"), bloc);
        Assert.Equal(valid, !errors.Any(e => e.Field == "Code"));
    }

    [Fact]
    public void Grassroots_needs_a_host_type_others_refuse_one_and_names_are_bounded()
    {
        var bloc = Org(OrganizationKind.BlocCommittee, "DUK", Org(OrganizationKind.ProvinceCommittee, "TU"));
        Assert.Contains(OrganizationRules.Validate(new OrganizationDraft("CS1", "Tên", OrganizationKind.Grassroots, null, "DUK"), bloc), e => e.Field == "HostUnitType");
        Assert.Contains(OrganizationRules.Validate(new OrganizationDraft("B1", "Ban", OrganizationKind.BlocBoard, HostUnitType.StateAgency, "DUK"), bloc), e => e.Field == "HostUnitType");
        Assert.Empty(OrganizationRules.Validate(new OrganizationDraft("CS1", new string('a', 250), OrganizationKind.Grassroots, HostUnitType.StateAgency, "DUK"), bloc));
        Assert.Contains(OrganizationRules.Validate(new OrganizationDraft("CS1", new string('a', 251), OrganizationKind.Grassroots, HostUnitType.StateAgency, "DUK"), bloc), e => e.Field == "Name");
        Assert.Contains(OrganizationRules.Validate(new OrganizationDraft("TU2", "Tỉnh ủy", OrganizationKind.ProvinceCommittee, null, "DUK"), bloc), e => e.Field == "ParentCode");
    }

    [Fact]
    public void A_move_under_its_own_descendant_is_refused_and_deactivation_waits_for_children()
    {
        var province = Org(OrganizationKind.ProvinceCommittee, "TU", id: 1);
        var bloc = Org(OrganizationKind.BlocCommittee, "DUK", province, id: 2);
        var unit = Org(OrganizationKind.Grassroots, "CS1", bloc, HostUnitType.StateAgency, id: 3);
        var cell = Org(OrganizationKind.SubUnit, "CS1-01", unit, HostUnitType.StateAgency, id: 4);
        Assert.Equal("/1/2/3/4/", cell.Path);
        var cell2 = Org(OrganizationKind.SubUnit, "CS1-02", unit, HostUnitType.StateAgency, id: 5);
        var subUnitDraft = new OrganizationDraft("CS1-01", "Con", OrganizationKind.SubUnit, HostUnitType.StateAgency, "CS1-02");
        Assert.Empty(cell.Update(subUnitDraft, cell2));
        var loop = cell2.Update(new OrganizationDraft("CS1-02", "Con 2", OrganizationKind.SubUnit, HostUnitType.StateAgency, "CS1-01"), Reparent(cell, cell2));
        Assert.NotEmpty(loop);

        Assert.Equal("has_active_children", Assert.Single(unit.Deactivate(1)).Code);
        Assert.Empty(unit.Deactivate(0));
        Assert.Equal("already_inactive", Assert.Single(unit.Deactivate(0)).Code);
        Assert.Throws<InvalidOperationException>(() => Org(OrganizationKind.ProvinceCommittee, "X").AssignPath());
    }

    private static Organization Reparent(Organization child, Organization parent)
    {
        typeof(Organization).GetProperty(nameof(Organization.Parent), BindingFlags.Public | BindingFlags.Instance)!.SetValue(child, parent);
        child.AssignPath();
        return child;
    }

    [Theory]
    [InlineData(Roles.Admin, "/1/2/", "/")]
    [InlineData(Roles.Secretariat, "/1/2/5/", "/1/2/")]
    [InlineData(Roles.StandingCommittee, "/1/2/", "/1/2/")]
    [InlineData(Roles.GrassrootsClerk, "/1/2/15/", "/1/2/15/")]
    [InlineData(Roles.MassOrganisationClerk, "/1/2/7/", "/1/2/7/")]
    [InlineData(Roles.ProvinceViewer, "/1/", "/1/")]
    public void Scope_path_follows_the_role(string role, string organizationPath, string expected) =>
        Assert.Equal(expected, UserScopeRules.ScopePath(role, organizationPath));

    [Theory]
    [InlineData(Roles.GrassrootsClerk, OrganizationKind.Grassroots, true)]
    [InlineData(Roles.GrassrootsClerk, OrganizationKind.BlocCommittee, false)]
    [InlineData(Roles.Secretariat, OrganizationKind.BlocBoard, true)]
    [InlineData(Roles.Secretariat, OrganizationKind.Grassroots, false)]
    [InlineData(Roles.MassOrganisationClerk, OrganizationKind.BlocYouthUnion, true)]
    [InlineData(Roles.ProvinceViewer, OrganizationKind.ProvinceCommittee, true)]
    [InlineData(Roles.ProvinceViewer, OrganizationKind.BlocCommittee, false)]
    [InlineData("Hacker", OrganizationKind.Grassroots, false)]
    public void Roles_bind_only_to_their_kinds_of_organisation(string role, OrganizationKind kind, bool allowed) =>
        Assert.Equal(allowed, UserScopeRules.ValidateBinding(role, kind) is null);

    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void Person_rules_check_join_year_age_and_code()
    {
        var ok = new PersonDraft("DV001", "Nguyễn Văn A", new DateOnly(1980, 1, 1), Gender.Male, "Kinh", null, true, 2005, false, "3.2.5");
        Assert.Empty(PersonRules.Validate(ok, Today));
        Assert.Contains(PersonRules.Validate(ok with { PartyJoinYear = 1997 }, Today), e => e.Field == "PartyJoinYear");
        Assert.Empty(PersonRules.Validate(ok with { PartyJoinYear = 1998 }, Today));
        Assert.Contains(PersonRules.Validate(ok with { PartyJoinYear = null }, Today), e => e.Field == "PartyJoinYear");
        Assert.Contains(PersonRules.Validate(ok with { IsPartyMember = false }, Today), e => e.Field == "PartyJoinYear");
        Assert.Contains(PersonRules.Validate(ok with { PartyJoinYear = 2027 }, Today), e => e.Field == "PartyJoinYear");
        Assert.Contains(PersonRules.Validate(ok with { BirthDate = Today.AddYears(-13) }, Today), e => e.Field == "BirthDate");
        Assert.Contains(PersonRules.Validate(ok with { Code = "D" }, Today), e => e.Field == "Code");
        Assert.Contains(PersonRules.Validate(ok with { FullName = " " }, Today), e => e.Field == "FullName");
        Assert.Null(PersonRules.ValidateRatingYear(2024, 2005, Today));
        Assert.NotNull(PersonRules.ValidateRatingYear(2004, 2005, Today));
        Assert.NotNull(PersonRules.ValidateRatingYear(2027, null, Today));
        Assert.Null(PersonRules.ValidateRatingYear(2026, null, Today));
    }

    [Fact]
    public void Result_holds_a_value_or_errors_never_both()
    {
        Result<int> ok = 5;
        Assert.True(ok.IsSuccess);
        Assert.Equal(5, ok.Value);
        Result<int> failed = DomainError.NotFound();
        Assert.False(failed.IsSuccess);
        Assert.Throws<InvalidOperationException>(() => failed.Value);
        Assert.Throws<ArgumentException>(() => Result<int>.Failure(Array.Empty<DomainError>()));
        Assert.All(Roles.All, r => Assert.NotEqual(r, Roles.Label(r)));
    }

    [Theory]
    [InlineData("Secretariat", "Ban Tuyên giáo – Dân vận Đảng ủy các cơ quan Đảng tỉnh", "Ban Tuyên giáo – Dân vận Đảng ủy các cơ quan Đảng tỉnh")]
    [InlineData("GrassrootsClerk", "Đảng bộ Sở Y tế", "Cán bộ cấp ủy cơ sở · Đảng bộ Sở Y tế")]
    [InlineData("Admin", null, "Quản trị hệ thống")]
    [InlineData("Admin", " ", "Quản trị hệ thống")]
    public void The_greeting_names_role_and_organisation_without_repeating_words(string role, string? organization, string expected) =>
        Assert.Equal(expected, Exemplars.Domain.Users.Roles.Describe(role, organization));
}
