using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>The secretariat opens a secret ballot over verified candidates; the voter roll is the bloc's active standing-committee members.</summary>
public static class OpenBallot
{
    public sealed record Command(string? Round, string? Title, IReadOnlyList<int>? NominationIds, int? RunOffOf = null);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận mở phiếu bầu.");
            }

            var context = await RoundContext.LoadAsync(db, command.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<int>.Failure(context.Errors);
            }

            var roundId = context.Value.Round.Id;
            // nomination-states: a main ballot is over verified candidates; a run-off over candidates the main ballot commended.
            var eligible = command.RunOffOf is null ? NominationStatus.Verified : NominationStatus.Commended;
            var verified = await db.Nominations.Where(n => n.RoundId == roundId && n.Status == eligible).Select(n => n.Id).ToListAsync(cancellationToken);
            var candidates = command.NominationIds is { Count: > 0 } chosen ? chosen.Distinct().ToList() : verified;
            var errors = new List<DomainError>();
            if (candidates.Count == 0)
            {
                errors.Add(DomainError.Rule("no_candidates", "Đợt này chưa có hồ sơ nào đã thẩm định để bỏ phiếu."));
            }
            else if (candidates.Except(verified).Any())
            {
                errors.Add(DomainError.Invalid("NominationIds", "Chỉ bỏ phiếu cho hồ sơ đã thẩm định của đợt này."));
            }

            if (string.IsNullOrWhiteSpace(command.Title) || command.Title.Trim().Length > 300)
            {
                errors.Add(DomainError.Invalid("Title", "Hãy đặt tên cho cuộc bỏ phiếu (tối đa 300 ký tự)."));
            }

            if (command.RunOffOf is { } parent && !await db.Ballots.AnyAsync(b => b.Id == parent && b.RoundId == roundId && b.Status == BallotStatus.Closed && b.Kind == BallotKind.Main, cancellationToken))
            {
                errors.Add(DomainError.Invalid("RunOffOf", "Bỏ phiếu lại chỉ mở sau một cuộc bỏ phiếu chính đã kết thúc của cùng đợt."));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var voters = await db.Users.Where(u => u.IsActive && u.Role == Roles.StandingCommittee && u.Organization!.Path.StartsWith(user.ScopePath))
                .Select(u => u.Id).ToListAsync(cancellationToken);
            if (voters.Count == 0)
            {
                return DomainError.Rule("no_voters", "Chưa có ủy viên Ban Thường vụ nào để bỏ phiếu.");
            }

            var ballot = new Ballot
            {
                RoundId = roundId,
                Kind = command.RunOffOf is null ? BallotKind.Main : BallotKind.RunOff,
                ParentBallotId = command.RunOffOf,
                Title = command.Title!.Trim(),
                OpenedBy = user.Email,
                OpenedAtUtc = clock.GetUtcNow().UtcDateTime,
                Candidates = candidates.Select(id => new BallotCandidate { NominationId = id }).ToList(),
            };
            db.Ballots.Add(ballot);

            // nomination-states: the candidates of a main ballot are frozen (in ballot) in the same save as the ballot.
            if (await Nominations.BallotStates.EnterAsync(db, ballot, cancellationToken) is { Count: > 0 } frozen)
            {
                return Result<int>.Failure(frozen);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.BallotVoters.AddRange(voters.Select(id => new BallotVoter { BallotId = ballot.Id, UserId = id }));
            db.Notifications.Add(new Domain.Nominations.Notification
            {
                OrganizationId = user.OrganizationId, Roles = Roles.StandingCommittee, CreatedAtUtc = ballot.OpenedAtUtc,
                Text = $"Mời đồng chí bỏ phiếu kín: {ballot.Title}.", Link = $"/Ballots/Details/{ballot.Id}",
            });
            await db.SaveChangesAsync(cancellationToken);
            return ballot.Id;
        }
    }
}
