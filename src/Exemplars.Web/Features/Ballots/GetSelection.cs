using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>
/// The round's outcome from its latest closed main ballot: every passing candidate is commended at bloc level; the top of
/// each kind up to the round's quotas go to the province. Ties at a cut are resolved by the latest closed run-off among
/// exactly the tied candidates; a run-off that ties again stays flagged.
/// </summary>
public static class GetSelection
{
    public sealed record Response(int BallotId, TallyResult Tally, Selection Selection, int QuotaCollectives, int QuotaIndividuals, IReadOnlyList<SelectionOverride> Overrides);

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
            var mainId = await db.Ballots.Where(b => b.RoundId == round.Id && b.Kind == BallotKind.Main && b.Status == BallotStatus.Closed)
                .OrderByDescending(b => b.Id).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken);
            if (mainId is null)
            {
                return DomainError.Rule("no_closed_ballot", "Đợt này chưa có cuộc bỏ phiếu nào kết thúc.");
            }

            var main = (await ballots.Handle(mainId.Value, cancellationToken)).Value;
            var selection = QuotaSelection.Select(main.Results!.Candidates, round.QuotaCollectives, round.QuotaIndividuals);
            var forwarded = selection.ToProvince.ToList();
            var ties = new List<QuotaTie>();
            var runOffIds = await db.Ballots.Where(b => b.ParentBallotId == mainId && b.Kind == BallotKind.RunOff && b.Status == BallotStatus.Closed)
                .OrderByDescending(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken);
            foreach (var tie in selection.Ties)
            {
                GetBallot.Details? runOff = null;
                foreach (var id in runOffIds)
                {
                    var candidate = (await ballots.Handle(id, cancellationToken)).Value;
                    if (candidate.Candidates.Select(c => c.NominationId).Order().SequenceEqual(tie.NominationIds.Order()))
                    {
                        runOff = candidate;
                        break;
                    }
                }

                if (runOff?.Results is not { QuorumMet: true } results)
                {
                    ties.Add(tie);
                    continue;
                }

                var ranked = results.Candidates.OrderByDescending(c => c.Approvals).ToList();
                var cut = ranked[tie.PlacesLeft - 1].Approvals;
                var above = ranked.Where(c => c.Approvals > cut).ToList();
                var atCut = ranked.Where(c => c.Approvals == cut).ToList();
                var winners = above.Count + atCut.Count == tie.PlacesLeft ? above.Concat(atCut).ToList() : above;
                forwarded.AddRange(main.Results.Candidates.Where(c => winners.Any(w => w.NominationId == c.NominationId)));
                if (winners.Count < tie.PlacesLeft)
                {
                    ties.Add(tie with { PlacesLeft = tie.PlacesLeft - winners.Count, NominationIds = atCut.Select(c => c.NominationId).ToList() });
                }
            }

            // Written overrides apply last, latest decision per candidate winning; they are listed beside the result.
            var overrides = await db.SelectionOverrides.AsNoTracking().Where(o => o.RoundId == round.Id).OrderBy(o => o.Id).ToListAsync(cancellationToken);
            foreach (var change in overrides.GroupBy(o => o.NominationId).Select(g => g.Last()))
            {
                forwarded.RemoveAll(c => c.NominationId == change.NominationId);
                if (change.Include && main.Results.Candidates.FirstOrDefault(c => c.NominationId == change.NominationId) is { } included)
                {
                    forwarded.Add(included);
                }
            }

            return new Response(mainId.Value, main.Results, selection with { ToProvince = forwarded, Ties = ties }, round.QuotaCollectives, round.QuotaIndividuals, overrides);
        }
    }
}
