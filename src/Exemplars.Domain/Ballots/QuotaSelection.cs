using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Ballots;

/// <summary>Candidates tied at a quota cut: they share the approvals of the last place and there are more of them than places left.</summary>
public sealed record QuotaTie(NomineeKind Kind, int Approvals, int PlacesLeft, IReadOnlyList<int> NominationIds);

public sealed record Selection(IReadOnlyList<CandidateResult> Commended, IReadOnlyList<CandidateResult> ToProvince, IReadOnlyList<QuotaTie> Ties);

/// <summary>
/// Plan III.1.2 / III.2.2: every passing candidate is commended at bloc level; ranked by approvals, the top collectives
/// and the top individuals (5 and 5 in the 2021–2025 plan) go to the province. A tie across the cut is not decided by
/// name or chance: it is flagged, and the places left are filled by a run-off among the tied.
/// </summary>
public static class QuotaSelection
{
    public static Selection Select(IReadOnlyList<CandidateResult> results, int quotaCollectives, int quotaIndividuals)
    {
        var passed = results.Where(r => r.Passed).ToList();
        var forwarded = new List<CandidateResult>();
        var ties = new List<QuotaTie>();
        foreach (var (kind, quota) in new[] { (NomineeKind.Collective, quotaCollectives), (NomineeKind.Individual, quotaIndividuals) })
        {
            var ranked = passed.Where(r => r.Kind == kind).OrderByDescending(r => r.Approvals).ToList();
            if (ranked.Count <= quota)
            {
                forwarded.AddRange(ranked);
                continue;
            }

            if (quota <= 0)
            {
                continue;
            }

            var cutApprovals = ranked[quota - 1].Approvals;

            var above = ranked.Where(r => r.Approvals > cutApprovals).ToList();
            var atCut = ranked.Where(r => r.Approvals == cutApprovals).ToList();
            forwarded.AddRange(above);
            var placesLeft = quota - above.Count;
            if (atCut.Count == placesLeft)
            {
                forwarded.AddRange(atCut);
            }
            else
            {
                ties.Add(new QuotaTie(kind, cutApprovals, placesLeft, atCut.Select(r => r.NominationId).ToList()));
            }
        }

        return new Selection(passed, forwarded, ties);
    }
}
