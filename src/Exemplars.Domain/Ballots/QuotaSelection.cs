using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Ballots;

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

    /// <summary>
    /// Fills the places of each tie with the run-offs held over exactly its candidates, in the order they closed. A
    /// run-off only ranks the tied among themselves: the others' places and every ballot's own result stay as they are;
    /// a run-off without quorum decides nothing; one that ties again leaves the still-tied for a further run-off.
    /// </summary>
    public static Selection Resolve(Selection selection, IReadOnlyList<RunOffResult> runOffs)
    {
        var forwarded = selection.ToProvince.ToList();
        var ties = new List<QuotaTie>();
        var used = new HashSet<int>();
        foreach (var original in selection.Ties)
        {
            var tie = original;
            while (true)
            {
                var ids = tie.NominationIds.ToHashSet();
                var runOff = runOffs.FirstOrDefault(r => !used.Contains(r.BallotId) && ids.SetEquals(r.Candidates.Select(c => c.NominationId)));
                if (runOff is null)
                {
                    ties.Add(tie);
                    break;
                }

                used.Add(runOff.BallotId);
                if (!runOff.QuorumMet)
                {
                    continue;
                }

                var ranked = runOff.Candidates.OrderByDescending(c => c.Approvals).ToList();
                var cut = ranked[tie.PlacesLeft - 1].Approvals;
                var above = ranked.Where(c => c.Approvals > cut).ToList();
                var atCut = ranked.Where(c => c.Approvals == cut).ToList();
                var winners = above.Count + atCut.Count == tie.PlacesLeft ? [.. above, .. atCut] : above;
                forwarded.AddRange(selection.Commended.Where(c => winners.Exists(w => w.NominationId == c.NominationId)));
                if (winners.Count == tie.PlacesLeft)
                {
                    break;
                }

                tie = tie with { PlacesLeft = tie.PlacesLeft - winners.Count, NominationIds = atCut.Select(c => c.NominationId).ToList() };
            }
        }

        return selection with { ToProvince = forwarded, Ties = ties };
    }
}
