using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;

namespace Exemplars.Domain.Tests;

public sealed class BallotRulesTests
{
    private static CandidateCount C(int id, int approvals, NomineeKind kind = NomineeKind.Individual, int eligible = 9) =>
        new(id, $"Ứng viên {id}", kind, approvals, eligible - approvals);

    [Theory]
    [InlineData(9, 6, true)]   // 6/9 voted = 2/3
    [InlineData(9, 5, false)]
    [InlineData(15, 10, true)]
    [InlineData(15, 9, false)]
    public void Quorum_is_two_thirds_of_eligible_members_voting(int eligible, int voted, bool quorum) =>
        Assert.Equal(quorum, BallotTally.Count(eligible, voted, [C(1, voted, eligible: eligible)], VoteThresholds.Default).QuorumMet);

    [Theory]
    [InlineData(9, 5, true)]   // 5 > 4.5
    [InlineData(9, 4, false)]
    [InlineData(10, 5, false)] // exactly half does not pass
    [InlineData(10, 6, true)]
    public void Candidate_passes_with_more_than_half_of_all_eligible_members(int eligible, int approvals, bool passed)
    {
        var tally = BallotTally.Count(eligible, eligible, [C(1, approvals, eligible: eligible)], VoteThresholds.Default);
        Assert.Equal(passed, tally.Candidates[0].Passed);
    }

    [Fact]
    public void Without_quorum_nobody_passes()
    {
        var tally = BallotTally.Count(9, 5, [C(1, 5)], VoteThresholds.Default);
        Assert.False(tally.QuorumMet);
        Assert.False(tally.Candidates[0].Passed);
    }

    [Fact]
    public void Top_five_of_each_kind_go_to_the_province_and_all_passing_are_commended()
    {
        var results = Enumerable.Range(1, 7).Select(i => new CandidateResult(i, $"Cá nhân {i}", NomineeKind.Individual, 10 - i, i, true))
            .Concat(Enumerable.Range(11, 3).Select(i => new CandidateResult(i, $"Tập thể {i}", NomineeKind.Collective, 8, 1, true)))
            .Append(new CandidateResult(99, "Không đạt", NomineeKind.Individual, 1, 8, false))
            .ToList();
        var selection = QuotaSelection.Select(results, 5, 5);
        Assert.Equal(10, selection.Commended.Count);
        Assert.Equal([1, 2, 3, 4, 5], selection.ToProvince.Where(r => r.Kind == NomineeKind.Individual).Select(r => r.NominationId).Order().ToArray());
        Assert.Equal(3, selection.ToProvince.Count(r => r.Kind == NomineeKind.Collective));
        Assert.Empty(selection.Ties);
    }

    [Fact]
    public void A_tie_across_the_cut_is_flagged_not_decided()
    {
        int[] approvals = [9, 8, 8, 7, 6, 6, 6];
        var results = approvals.Select((a, i) => new CandidateResult(i + 1, $"Cá nhân {i + 1}", NomineeKind.Individual, a, 9 - a, true)).ToList();
        var selection = QuotaSelection.Select(results, 5, 5);
        Assert.Equal([1, 2, 3, 4], selection.ToProvince.Select(r => r.NominationId).Order().ToArray());
        var tie = Assert.Single(selection.Ties);
        Assert.Equal((NomineeKind.Individual, 6, 1), (tie.Kind, tie.Approvals, tie.PlacesLeft));
        Assert.Equal([5, 6, 7], tie.NominationIds.Order().ToArray());
    }

    [Fact]
    public void A_tie_that_fits_inside_the_quota_is_no_tie()
    {
        int[] approvals = [9, 8, 7, 7, 7, 5];
        var results = approvals.Select((a, i) => new CandidateResult(i + 1, $"C{i}", NomineeKind.Collective, a, 0, true)).ToList();
        var selection = QuotaSelection.Select(results, 5, 5);
        Assert.Equal(5, selection.ToProvince.Count);
        Assert.Empty(selection.Ties);
        Assert.Empty(QuotaSelection.Select(results, 0, 0).ToProvince);
    }

    [Fact]
    public void Document_numbers_follow_the_party_format_and_count_per_issuer_per_year()
    {
        Assert.Equal("15-QĐ/ĐUK", DocumentNumber.Format(15, DocumentType.Decision, "ĐUK"));
        Assert.Equal("16-TTr/ĐUK", DocumentNumber.Format(16, DocumentType.Submission, "ĐUK"));
        Assert.Equal(1, DocumentNumber.Next([]));
        Assert.Equal(16, DocumentNumber.Next([3, 15, 7]));
        Assert.Null(DocumentNumber.ValidateIssuer("ĐUK"));
        Assert.NotNull(DocumentNumber.ValidateIssuer("đuk"));
        Assert.NotNull(DocumentNumber.ValidateIssuer(null));
    }
}
