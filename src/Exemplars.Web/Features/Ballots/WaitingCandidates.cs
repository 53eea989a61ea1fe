using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>What the secretariat needs to open a round's ballot (OpenBallot): its verified candidates not yet on a main ballot, and the standing committee members who may be trustees.</summary>
public static class WaitingCandidates
{
    public sealed record Candidate(int Id, string Name, string Kind, string Organization);

    public sealed record Member(string Email, string Name);

    public sealed record Response(IReadOnlyList<Candidate> Candidates, IReadOnlyList<Member> Members);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Response>> Handle(string? roundCode, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận mở cuộc bỏ phiếu.");
            }

            var roundId = await db.Rounds.Where(r => r.Code == roundCode).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (roundId is null)
            {
                return DomainError.NotFound("Không tìm thấy đợt bình xét.");
            }

            var balloted = from c in db.Set<BallotCandidate>()
                           join b in db.Ballots on c.BallotId equals b.Id
                           where b.RoundId == roundId && b.Kind == BallotKind.Main
                           select c.NominationId;
            var rows = await (from n in Nominations.NominationAccess.Visible(db, user)
                              join o in db.Organizations on n.OrganizationId equals o.Id
                              where n.RoundId == roundId && n.Status == NominationStatus.Verified && !balloted.Contains(n.Id)
                              orderby n.Kind, n.NomineeName
                              select new { n.Id, n.NomineeName, n.Kind, o.Name }).ToListAsync(cancellationToken);
            var members = await db.Users.Where(u => u.IsActive && u.Role == Roles.StandingCommittee && u.Organization!.Path.StartsWith(user.ScopePath))
                .OrderBy(u => u.Email).Select(u => new Member(u.Email!, u.FullName)).ToListAsync(cancellationToken);
            return new Response(rows.Select(r => new Candidate(r.Id, r.NomineeName, r.Kind.Label(), r.Name)).ToList(), members);
        }
    }
}
