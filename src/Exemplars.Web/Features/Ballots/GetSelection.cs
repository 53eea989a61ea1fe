using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>
/// The round's outcome from its closed main ballots, each keeping its own result (a candidate is on one main ballot):
/// every passing candidate is commended at bloc level; the top of each kind up to the round's quotas go to the province.
/// Ties at a cut are resolved by closed run-offs among exactly the tied candidates (<see cref="QuotaSelection.Resolve"/>);
/// written overrides apply last.
/// </summary>
public static class GetSelection
{
    /// <param name="BallotId">The latest closed main ballot (the one a run-off refers to).</param>
    /// <param name="OpenRunOffId">A run-off still open in the round, if any.</param>
    public sealed record Response(int BallotId, TallyResult Tally, Selection Selection, int QuotaCollectives, int QuotaIndividuals, IReadOnlyList<SelectionOverride> Overrides,
        IReadOnlyList<int> MainBallotIds, int? OpenRunOffId);

    public sealed class Handler(AppDbContext db, CurrentUser user, GetBallot.Handler ballots)
    {
        public async Task<Result<Response>> Handle(string? roundCode, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanSee(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không xem được kết quả bỏ phiếu.");
            }

            var context = await RoundContext.LoadAsync(db, roundCode, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<Response>.Failure(context.Errors);
            }

            var round = context.Value.Round;
            var closed = await db.Ballots.Where(b => b.RoundId == round.Id && b.Status == BallotStatus.Closed)
                .OrderBy(b => b.Id).Select(b => new { b.Id, b.Kind }).ToListAsync(cancellationToken);
            var mainIds = closed.Where(b => b.Kind == BallotKind.Main).Select(b => b.Id).ToList();
            if (mainIds.Count == 0)
            {
                return DomainError.Rule("no_closed_ballot", "Đợt này chưa có cuộc bỏ phiếu nào kết thúc.");
            }

            var mains = new List<TallyResult>();
            foreach (var id in mainIds)
            {
                mains.Add((await ballots.Handle(id, cancellationToken)).Value.Results!);
            }

            var runOffs = new List<RunOffResult>();
            foreach (var id in closed.Where(b => b.Kind == BallotKind.RunOff).Select(b => b.Id))
            {
                var results = (await ballots.Handle(id, cancellationToken)).Value.Results!;
                runOffs.Add(new RunOffResult(id, results.QuorumMet, results.Candidates));
            }

            var latest = mains[^1];
            var tally = new TallyResult(latest.EligibleVoters, latest.Voted, mains.Exists(m => m.QuorumMet),
                mains.SelectMany(m => m.Candidates).OrderByDescending(c => c.Approvals).ThenBy(c => c.Name, StringComparer.Ordinal).ToList());
            var selection = QuotaSelection.Resolve(QuotaSelection.Select(tally.Candidates, round.QuotaCollectives, round.QuotaIndividuals), runOffs);

            // Written overrides apply last, latest decision per candidate winning; they are listed beside the result.
            var forwarded = selection.ToProvince.ToList();
            var overrides = await db.SelectionOverrides.AsNoTracking().Where(o => o.RoundId == round.Id).OrderBy(o => o.Id).ToListAsync(cancellationToken);
            foreach (var change in overrides.GroupBy(o => o.NominationId).Select(g => g.Last()))
            {
                forwarded.RemoveAll(c => c.NominationId == change.NominationId);
                if (change.Include && tally.Candidates.FirstOrDefault(c => c.NominationId == change.NominationId) is { } included)
                {
                    forwarded.Add(included);
                }
            }

            var openRunOff = await db.Ballots.Where(b => b.RoundId == round.Id && b.Kind == BallotKind.RunOff && b.Status == BallotStatus.Open)
                .Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken);
            return new Response(mainIds[^1], tally, selection with { ToProvince = forwarded }, round.QuotaCollectives, round.QuotaIndividuals, overrides, mainIds, openRunOff);
        }
    }
}
