using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Tests;

/// <summary>Opening and closing rules of a ballot, and how run-offs fill tied places without touching any ballot's result.</summary>
public sealed class BallotTransitionsTests
{
    private static CandidateResult R(int id, int approvals, bool passed = true, NomineeKind kind = NomineeKind.Individual) =>
        new(id, $"Cá nhân {id}", kind, approvals, 9 - approvals, passed);

    private static Ballot Open(params int[] candidates) => new() { Candidates = candidates.Select(id => new BallotCandidate { NominationId = id }).ToList() };

    [Fact]
    public void An_empty_ballot_or_a_committee_smaller_than_its_threshold_cannot_be_opened()
    {
        Assert.Contains(Ballot.CheckOpening("Bỏ phiếu", 0, 3, 2), e => e.Code == "no_candidates");
        Assert.Contains(Ballot.CheckOpening("Bỏ phiếu", 2, 3, 4), e => e.Field == "Threshold");
        Assert.Contains(Ballot.CheckOpening("Bỏ phiếu", 2, 3, 0), e => e.Field == "Threshold");
        Assert.Contains(Ballot.CheckOpening("Bỏ phiếu", 2, 0, 0), e => e.Field == "Trustees");
        Assert.Contains(Ballot.CheckOpening(" ", 2, 3, 2), e => e.Field == "Title");
        Assert.Empty(Ballot.CheckOpening("Bỏ phiếu", 1, 3, 2));
        Assert.Empty(Ballot.CheckOpening("Bỏ phiếu", 1, 1, 1));
    }

    [Fact]
    public void Closing_stores_the_result_once_and_a_closed_result_never_changes()
    {
        var ballot = Open(1, 2);
        var first = new TallyResult(9, 7, true, [R(1, 7), R(2, 3, passed: false) with { Disapprovals = 4 }]);
        Assert.True(ballot.Close(first with { Candidates = [first.Candidates[0] with { Disapprovals = 0 }, first.Candidates[1]] }, DateTime.UnixEpoch).IsSuccess);
        Assert.Equal(BallotStatus.Closed, ballot.Status);
        Assert.Equal((7, 0, true), (ballot.Candidates[0].Approvals, ballot.Candidates[0].Disapprovals, ballot.Candidates[0].Passed));
        Assert.Equal((9, 7, true), (ballot.EligibleVoters, ballot.Voted, ballot.QuorumMet));

        var again = ballot.Close(new TallyResult(9, 0, false, [R(1, 0, false) with { Disapprovals = 0 }, R(2, 0, false) with { Disapprovals = 0 }]), DateTime.UnixEpoch.AddDays(1));
        Assert.Equal("ballot_closed", Assert.Single(again.Errors).Code);
        Assert.Equal(7, ballot.Candidates[0].Approvals);
        Assert.Equal(DateTime.UnixEpoch, ballot.ClosedAtUtc);
        Assert.Equal("ballot_closed", ballot.RefuseVote()?.Code);
        Assert.Null(Open(1).RefuseVote());
    }

    [Fact]
    public void A_tally_that_does_not_match_the_candidates_or_the_papers_is_refused()
    {
        var ballot = Open(1, 2);
        Assert.Equal("tally_mismatch", ballot.Close(new TallyResult(9, 7, true, [R(1, 7) with { Disapprovals = 0 }]), DateTime.UnixEpoch).Errors[0].Code);
        Assert.Equal("tally_mismatch", ballot.Close(new TallyResult(9, 7, true, [R(1, 7), R(2, 7)]), DateTime.UnixEpoch).Errors[0].Code); // 7 + 2 ≠ 7 papers
        Assert.Equal(BallotStatus.Open, ballot.Status);
    }

    [Fact]
    public void A_run_off_fills_only_the_tied_places_and_keeps_the_first_ballots_approvals()
    {
        // Quota 2: 1 is in on its own; 2, 3 and 4 tie at 6 for one place.
        var first = QuotaSelection.Select([R(1, 9), R(2, 6), R(3, 6), R(4, 6), R(5, 3, passed: false)], 5, 2);
        var tie = Assert.Single(first.Ties);
        var runOff = new RunOffResult(10, true, [R(2, 5), R(3, 8), R(4, 2)]);
        var resolved = QuotaSelection.Resolve(first, [runOff]);
        Assert.Empty(resolved.Ties);
        Assert.Equal([1, 3], resolved.ToProvince.Select(c => c.NominationId).Order().ToArray());
        Assert.Equal(6, resolved.ToProvince.Single(c => c.NominationId == 3).Approvals); // the main ballot's count, not the run-off's
        Assert.Equal(first.Commended, resolved.Commended);
        Assert.Equal([2, 3, 4], tie.NominationIds.Order().ToArray());
    }

    [Fact]
    public void A_run_off_over_other_candidates_or_without_quorum_decides_nothing_and_a_new_tie_needs_another()
    {
        var first = QuotaSelection.Select([R(1, 9), R(2, 6), R(3, 6), R(4, 6)], 5, 2);
        Assert.Single(QuotaSelection.Resolve(first, [new RunOffResult(10, true, [R(2, 9), R(3, 1)])]).Ties); // not the tie's candidates
        Assert.Single(QuotaSelection.Resolve(first, [new RunOffResult(11, false, [R(2, 9), R(3, 1), R(4, 1)])]).Ties);

        var tiedAgain = QuotaSelection.Resolve(first, [new RunOffResult(12, true, [R(2, 5), R(3, 5), R(4, 1)])]);
        var left = Assert.Single(tiedAgain.Ties);
        Assert.Equal([2, 3], left.NominationIds.Order().ToArray());
        Assert.Equal(1, left.PlacesLeft);
        Assert.Equal([1], tiedAgain.ToProvince.Select(c => c.NominationId).ToArray());

        var settled = QuotaSelection.Resolve(first, [new RunOffResult(12, true, [R(2, 5), R(3, 5), R(4, 1)]), new RunOffResult(13, true, [R(2, 7), R(3, 2)])]);
        Assert.Empty(settled.Ties);
        Assert.Equal([1, 2], settled.ToProvince.Select(c => c.NominationId).Order().ToArray());
    }

    [Fact]
    public void A_run_off_can_fill_two_places_among_three()
    {
        var first = QuotaSelection.Select([R(1, 9), R(2, 6), R(3, 6), R(4, 6)], 5, 3);
        Assert.Equal(2, Assert.Single(first.Ties).PlacesLeft);
        var resolved = QuotaSelection.Resolve(first, [new RunOffResult(10, true, [R(2, 7), R(3, 7), R(4, 1)])]);
        Assert.Empty(resolved.Ties);
        Assert.Equal([1, 2, 3], resolved.ToProvince.Select(c => c.NominationId).Order().ToArray());
    }
}
