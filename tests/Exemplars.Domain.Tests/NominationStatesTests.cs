using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;

namespace Exemplars.Domain.Tests;

/// <summary>The states after verification freeze what the ballot and the province decided (issue 11 point 3).</summary>
public sealed class NominationStatesTests
{
    private static readonly NominationStatus[] AfterBallotOpened =
    [
        NominationStatus.InBallot, NominationStatus.Commended, NominationStatus.NotCommended, NominationStatus.ProposedToProvince,
        NominationStatus.ProvinceCommended, NominationStatus.ProvinceNotCommended,
    ];

    public static TheoryData<NominationStatus, NominationAction> FrozenMoves()
    {
        var data = new TheoryData<NominationStatus, NominationAction>();
        foreach (var status in AfterBallotOpened)
        {
            foreach (var action in new[] { NominationAction.Withdraw, NominationAction.Return, NominationAction.Submit, NominationAction.Accept, NominationAction.OpenBallot })
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FrozenMoves))]
    public void Nothing_after_the_ballot_opens_can_be_withdrawn_returned_resent_or_put_to_a_ballot_again(NominationStatus status, NominationAction action)
    {
        var nomination = new Nomination { Status = status };
        var version = nomination.Version;
        var result = action switch
        {
            NominationAction.Withdraw => nomination.Withdraw(),
            NominationAction.Return => nomination.ReturnToUnit("Lý do"),
            NominationAction.Submit => nomination.Submit(DateTime.UtcNow),
            NominationAction.Accept => nomination.Accept(),
            _ => nomination.EnterBallot(),
        };

        Assert.Equal(NominationStateMachine.InvalidTransition, Assert.Single(result.Errors).Code);
        Assert.Equal(status, nomination.Status);
        Assert.Equal(version, nomination.Version);
        Assert.Null(nomination.ReturnReason);
        Assert.True(NominationStateMachine.IsFrozen(status));
    }

    [Fact]
    public void Every_status_is_either_frozen_or_not_and_only_ballot_states_are()
    {
        foreach (var status in Enum.GetValues<NominationStatus>())
        {
            Assert.Equal(AfterBallotOpened.Contains(status), NominationStateMachine.IsFrozen(status));
            Assert.False(string.IsNullOrWhiteSpace(status.Label()));
        }

        Assert.Equal(Enum.GetValues<NominationStatus>().Length, Enum.GetValues<NominationStatus>().Select(s => s.Label()).Distinct().Count());
    }

    [Theory]
    [InlineData(true, true, NominationStatus.Commended)]
    [InlineData(true, false, NominationStatus.NotCommended)]
    [InlineData(false, true, NominationStatus.Verified)]
    [InlineData(false, false, NominationStatus.Verified)]
    public void The_tally_decides_commended_or_not_and_a_ballot_without_quorum_decides_nothing(bool quorum, bool passed, NominationStatus expected)
    {
        var nomination = new Nomination { Status = NominationStatus.Verified };
        Assert.True(nomination.EnterBallot().IsSuccess);
        Assert.Equal(expected, nomination.RecordBallot(quorum, passed).Value);
    }

    [Fact]
    public void Only_a_commended_candidate_is_proposed_to_the_province_and_only_once()
    {
        var notCommended = new Nomination { Status = NominationStatus.NotCommended };
        Assert.False(notCommended.ProposeToProvince(7).IsSuccess);
        Assert.Null(notCommended.ForwardedInDecisionId);

        var commended = new Nomination { Status = NominationStatus.Commended };
        Assert.Equal(NominationStatus.ProposedToProvince, commended.ProposeToProvince(7).Value);
        Assert.Equal((7, ProvinceOutcome.Pending), (commended.ForwardedInDecisionId!.Value, commended.ProvinceOutcome));
        Assert.False(commended.ProposeToProvince(8).IsSuccess);
        Assert.Equal(7, commended.ForwardedInDecisionId);
    }

    [Fact]
    public void The_province_outcome_is_recorded_only_for_a_proposed_candidate_and_dated_once()
    {
        var commended = new Nomination { Status = NominationStatus.Commended };
        Assert.False(commended.RecordProvinceOutcome(ProvinceOutcome.Commended, null, DateTime.UtcNow).IsSuccess);
        Assert.Equal(ProvinceOutcome.None, commended.ProvinceOutcome);

        var proposed = new Nomination { Status = NominationStatus.ProposedToProvince, ProvinceOutcome = ProvinceOutcome.Pending };
        Assert.Equal("Outcome", Assert.Single(proposed.RecordProvinceOutcome(ProvinceOutcome.Pending, null, DateTime.UtcNow).Errors).Field);
        var first = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(NominationStatus.ProvinceCommended, proposed.RecordProvinceOutcome(ProvinceOutcome.Commended, "  Bằng khen  ", first).Value);
        Assert.Equal("Bằng khen", proposed.ProvinceOutcomeNote);
        Assert.Equal(NominationStatus.ProvinceNotCommended, proposed.RecordProvinceOutcome(ProvinceOutcome.NotCommended, null, first.AddDays(3)).Value);
        Assert.Equal((ProvinceOutcome.NotCommended, first), (proposed.ProvinceOutcome, proposed.ProvinceOutcomeAtUtc!.Value));
    }

    [Fact]
    public void Decisions_list_only_candidates_the_ballot_passed()
    {
        var passed = Enum.GetValues<NominationStatus>().Where(NominationStateMachine.WasCommendedByBallot).ToHashSet();
        Assert.Equal(
            new HashSet<NominationStatus> { NominationStatus.Commended, NominationStatus.ProposedToProvince, NominationStatus.ProvinceCommended, NominationStatus.ProvinceNotCommended },
            passed);
    }

    [Fact]
    public void A_nominee_put_to_a_ballot_is_never_nominated_again_in_the_round()
    {
        Assert.Null(NominationStateMachine.CanNominateAgain("A", "2021-2025", []));
        Assert.Null(NominationStateMachine.CanNominateAgain("A", "2021-2025", [NominationStatus.Withdrawn, NominationStatus.Withdrawn]));
        foreach (var status in Enum.GetValues<NominationStatus>().Where(s => s != NominationStatus.Withdrawn))
        {
            var error = NominationStateMachine.CanNominateAgain("A", "2021-2025", [NominationStatus.Withdrawn, status]);
            Assert.Equal(("already_nominated", ErrorKind.Conflict), (error!.Code, error.Kind));
            Assert.Equal(NominationStateMachine.IsFrozen(status), error.Message.Contains("bỏ phiếu", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Withdrawing_and_returning_before_the_ballot_still_work_and_change_the_version()
    {
        var verified = new Nomination { Status = NominationStatus.Verified };
        var version = verified.Version;
        Assert.Equal(NominationStatus.Returned, verified.ReturnToUnit("Bổ sung").Value);
        Assert.Equal("Bổ sung", verified.ReturnReason);
        Assert.NotEqual(version, verified.Version);
        Assert.Equal(NominationStatus.Resubmitted, verified.Submit(DateTime.UtcNow).Value);
        Assert.Equal((1, (string?)null), (verified.SubmissionCount, verified.ReturnReason));
        Assert.Equal(NominationStatus.Withdrawn, verified.Withdraw().Value);
    }

    [Fact]
    public void Awaiting_action_are_the_editable_dossiers_and_those_sent_but_not_yet_verified() =>
        Assert.Equal(
            [NominationStatus.Draft, NominationStatus.Submitted, NominationStatus.Returned, NominationStatus.Resubmitted],
            NominationStateMachine.AwaitingAction);
}
