using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>
/// What a main ballot does to its candidates' nominations: opening it freezes them (in ballot); closing it records the
/// tally (commended / not commended; without quorum, back to verified for a new ballot). A run-off only ranks candidates
/// already commended, so it moves no state. Called by the ballot handlers inside their own save.
/// </summary>
public static class BallotStates
{
    /// <summary>Moves every candidate of a new main ballot to in-ballot; call before the ballot is saved, so both go in one save.</summary>
    public static async Task<IReadOnlyList<DomainError>> EnterAsync(AppDbContext db, Ballot ballot, CancellationToken cancellationToken)
    {
        if (ballot.Kind != BallotKind.Main)
        {
            return [];
        }

        var ids = ballot.Candidates.Select(c => c.NominationId).ToList();
        var nominations = await db.Nominations.Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
        return nominations.SelectMany(n => n.EnterBallot().Errors).ToList();
    }

    /// <summary>Records the closed main ballot's tally on its candidates; the caller saves (in the same transaction as the closing).</summary>
    public static async Task<IReadOnlyList<DomainError>> RecordAsync(AppDbContext db, Ballot ballot, TallyResult tally, CancellationToken cancellationToken)
    {
        if (ballot.Kind != BallotKind.Main)
        {
            return [];
        }

        var passed = tally.Candidates.ToDictionary(c => c.NominationId, c => c.Passed);
        var ids = passed.Keys.ToList();
        var nominations = await db.Nominations.Where(n => ids.Contains(n.Id) && n.Status == NominationStatus.InBallot).ToListAsync(cancellationToken);
        return nominations.SelectMany(n => n.RecordBallot(tally.QuorumMet, passed[n.Id]).Errors).ToList();
    }
}
