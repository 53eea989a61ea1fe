using System.Diagnostics;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.Ballots;

/// <summary>
/// A secret ballot of the bloc standing committee. Who may vote and who has voted (<see cref="BallotVoter"/>) is stored
/// apart from the papers (<see cref="BallotVote"/>), and the papers hold only ciphertexts under the ballot's public key
/// (<see cref="PublicKey"/>): the private key is never stored, it exists as shares held by the ballot-count committee
/// (<see cref="BallotTrustee"/>), and is put together in memory only to decrypt the totals at closing. A closed ballot's
/// totals (<see cref="BallotCandidate.Approvals"/>) are its result and never change.
/// </summary>
public sealed class Ballot
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public BallotKind Kind { get; set; }

    public int? ParentBallotId { get; set; }

    public string Title { get; set; } = string.Empty;

    public BallotStatus Status { get; set; } = BallotStatus.Open;

    public string OpenedBy { get; set; } = string.Empty;

    public DateTime OpenedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The ElGamal public key (a compressed P-256 point) the papers are encrypted under.</summary>
    public byte[] PublicKey { get; set; } = [];

    /// <summary>How many trustees' shares it takes to rebuild the private key and close the ballot.</summary>
    public int Threshold { get; set; }

    /// <summary>Set at closing, with the candidates' totals: the members on the roll, how many voted, and whether that made a quorum.</summary>
    public int? EligibleVoters { get; set; }

    public int? Voted { get; set; }

    public bool? QuorumMet { get; set; }

    public List<BallotCandidate> Candidates { get; set; } = [];

    public List<BallotTrustee> Trustees { get; set; } = [];

    /// <summary>A ballot needs at least one candidate, a title, and a committee of 1 ≤ threshold ≤ trustees.</summary>
    public static IReadOnlyList<DomainError> CheckOpening(string? title, int candidates, int trustees, int threshold)
    {
        var errors = new List<DomainError>();
        if (candidates == 0)
        {
            errors.Add(DomainError.Rule("no_candidates", "Cuộc bỏ phiếu phải có ít nhất một người hoặc tập thể được đề nghị."));
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300)
        {
            errors.Add(DomainError.Invalid("Title", "Hãy đặt tên cho cuộc bỏ phiếu (tối đa 300 ký tự)."));
        }

        if (trustees < 1 || trustees > 15)
        {
            errors.Add(DomainError.Invalid("Trustees", "Ban kiểm phiếu gồm từ 1 đến 15 ủy viên Ban Thường vụ."));
        }
        else if (threshold < 1 || threshold > trustees)
        {
            errors.Add(DomainError.Invalid("Threshold", $"Số thành viên Ban kiểm phiếu cần có mặt để kết thúc phải từ 1 đến {trustees}."));
        }

        return errors;
    }

    /// <summary>Whether a paper may go into the box now.</summary>
    public DomainError? RefuseVote() => Status switch
    {
        BallotStatus.Open => null,
        BallotStatus.Closed => DomainError.Conflict("ballot_closed", "Cuộc bỏ phiếu đã kết thúc."),
        _ => throw new UnreachableException(),
    };

    /// <summary>
    /// Records the counted result (from the decrypted totals) and closes. Closing happens once: a closed ballot's result
    /// is never replaced, not by a later ballot nor by a change of the plan's thresholds.
    /// </summary>
    public Result<bool> Close(TallyResult tally, DateTime closedAtUtc)
    {
        switch (Status)
        {
            case BallotStatus.Open:
                var results = tally.Candidates.ToDictionary(c => c.NominationId);
                if (!Candidates.Select(c => c.NominationId).ToHashSet().SetEquals(results.Keys)
                    || tally.Candidates.Any(c => c.Approvals < 0 || c.Disapprovals < 0 || c.Approvals + c.Disapprovals != tally.Voted))
                {
                    return DomainError.Rule("tally_mismatch", "Kết quả giải mã không khớp với danh sách bỏ phiếu.");
                }

                foreach (var candidate in Candidates)
                {
                    var result = results[candidate.NominationId];
                    (candidate.Approvals, candidate.Disapprovals, candidate.Passed) = (result.Approvals, result.Disapprovals, result.Passed);
                }

                (EligibleVoters, Voted, QuorumMet) = (tally.EligibleVoters, tally.Voted, tally.QuorumMet);
                Status = BallotStatus.Closed;
                ClosedAtUtc = closedAtUtc;
                return true;
            case BallotStatus.Closed:
                return DomainError.Conflict("ballot_closed", "Cuộc bỏ phiếu đã kết thúc; kết quả không thay đổi được.");
            default:
                throw new UnreachableException();
        }
    }
}
