using Exemplars.Domain.Organizations;
using Exemplars.Domain.Showcase;
using Exemplars.Domain.Users;

namespace Exemplars.Domain.Tests;

/// <summary>Plan IV.2: branches under grassroots units send their exemplars up through the bloc association (ADR 029).</summary>
public sealed class DiscoveryRoutingTests
{
    [Theory]
    [InlineData(OrganizationKind.YouthUnionBranch, MassAssociation.YouthUnion)]
    [InlineData(OrganizationKind.BlocYouthUnion, MassAssociation.YouthUnion)]
    [InlineData(OrganizationKind.VeteransBranch, MassAssociation.Veterans)]
    [InlineData(OrganizationKind.BlocVeteransAssociation, MassAssociation.Veterans)]
    public void A_branch_and_its_bloc_association_belong_to_the_same_association(OrganizationKind kind, MassAssociation association) =>
        Assert.Equal(association, DiscoveryRouting.AssociationOf(kind));

    [Theory]
    [InlineData(OrganizationKind.Grassroots)]
    [InlineData(OrganizationKind.SubUnit)]
    [InlineData(OrganizationKind.BlocBoard)]
    public void A_party_organisation_belongs_to_no_association(OrganizationKind kind) => Assert.Null(DiscoveryRouting.AssociationOf(kind));

    [Fact]
    public void Branches_sit_under_a_grassroots_unit_only()
    {
        foreach (var kind in new[] { OrganizationKind.YouthUnionBranch, OrganizationKind.VeteransBranch })
        {
            Assert.Equal([OrganizationKind.Grassroots], OrganizationRules.AllowedParentKinds(kind));
        }

        Assert.Null(UserScopeRules.ValidateBinding(Roles.MassOrganisationClerk, OrganizationKind.YouthUnionBranch));
        Assert.Null(UserScopeRules.ValidateBinding(Roles.MassOrganisationClerk, OrganizationKind.VeteransBranch));
        Assert.NotNull(UserScopeRules.ValidateBinding(Roles.GrassrootsClerk, OrganizationKind.YouthUnionBranch));
        Assert.NotNull(UserScopeRules.ValidateBinding(Roles.Secretariat, OrganizationKind.VeteransBranch));
        Assert.Equal("/1/2/", UserScopeRules.BlocPrefix("/1/2/7/40/"));
    }

    [Fact]
    public void A_branch_keeps_its_record_until_it_sends_it_and_the_bloc_associations_own_record_is_already_with_the_bloc()
    {
        Assert.Equal(DiscoverySendState.Kept, DiscoveryRouting.InitialState(OrganizationKind.YouthUnionBranch));
        Assert.Equal(DiscoverySendState.Kept, DiscoveryRouting.InitialState(OrganizationKind.Grassroots));
        Assert.Equal(DiscoverySendState.Forwarded, DiscoveryRouting.InitialState(OrganizationKind.BlocVeteransAssociation));
    }

    [Fact]
    public void Only_a_branch_sends_and_only_what_it_keeps_or_got_back()
    {
        Assert.Null(DiscoveryRouting.CheckSend(OrganizationKind.VeteransBranch, DiscoverySendState.Kept));
        Assert.Null(DiscoveryRouting.CheckSend(OrganizationKind.YouthUnionBranch, DiscoverySendState.Returned));
        Assert.Equal("already_sent", DiscoveryRouting.CheckSend(OrganizationKind.YouthUnionBranch, DiscoverySendState.Sent)?.Code);
        Assert.Equal("already_sent", DiscoveryRouting.CheckSend(OrganizationKind.YouthUnionBranch, DiscoverySendState.Forwarded)?.Code);
        Assert.Equal("not_a_branch", DiscoveryRouting.CheckSend(OrganizationKind.Grassroots, DiscoverySendState.Kept)?.Code);
        Assert.Equal("not_a_branch", DiscoveryRouting.CheckSend(OrganizationKind.BlocYouthUnion, DiscoverySendState.Kept)?.Code);
    }

    [Fact]
    public void The_association_forwards_or_returns_with_a_reason_only_what_was_sent()
    {
        Assert.Null(DiscoveryRouting.CheckForward(DiscoverySendState.Sent));
        foreach (var state in new[] { DiscoverySendState.Kept, DiscoverySendState.Returned, DiscoverySendState.Forwarded })
        {
            Assert.Equal("not_sent", DiscoveryRouting.CheckForward(state)?.Code);
            Assert.Equal("not_sent", DiscoveryRouting.CheckReturn(state, "Bổ sung.")?.Code);
        }

        Assert.Null(DiscoveryRouting.CheckReturn(DiscoverySendState.Sent, "Ghi rõ thành tích."));
        Assert.Equal("Reason", DiscoveryRouting.CheckReturn(DiscoverySendState.Sent, "  ")?.Field);
        Assert.Equal("Reason", DiscoveryRouting.CheckReturn(DiscoverySendState.Sent, new string('a', DiscoveryRouting.MaxReturnReasonLength + 1))?.Field);
    }

    [Fact]
    public void Every_state_and_association_reads_in_Vietnamese()
    {
        Assert.All(Enum.GetValues<DiscoverySendState>(), s => Assert.NotEqual(s.ToString(), DiscoveryRouting.Label(s)));
        Assert.All(Enum.GetValues<MassAssociation>(), a => Assert.NotEqual(a.ToString(), DiscoveryRouting.Label(a)));
        Assert.Equal("Chi hội Cựu chiến binh", OrganizationKind.VeteransBranch.Label());
    }
}
