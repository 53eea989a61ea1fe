using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.PublicComments;

/// <summary>
/// The public comment periods of a round as the secretariat manages them on a page: the periods with their state, the
/// verified candidates that may be published, and closing a period early (it ends yesterday, Viet Nam time).
/// </summary>
public static class CommentPeriods
{
    public enum PeriodState
    {
        Upcoming,
        Open,
        Closed,
    }

    public sealed record Period(int Id, DateOnly StartsOn, DateOnly EndsOn, PeriodState State, IReadOnlyList<string> Candidates, int Comments);

    public sealed record Candidate(int NominationId, string Name, string OrganizationName);

    public sealed record Overview(string RoundCode, DateOnly Today, IReadOnlyList<Period> Periods, IReadOnlyList<Candidate> Verified);

    public static string Label(PeriodState state) => state switch
    {
        PeriodState.Upcoming => "Sắp mở",
        PeriodState.Open => "Đang lấy ý kiến",
        _ => "Đã kết thúc",
    };

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<Overview>> Overview(string? round, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận mở, đóng lấy ý kiến công khai.");
            }

            var context = await RoundContext.LoadAsync(db, round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<Overview>.Failure(context.Errors);
            }

            var roundId = context.Value.Round.Id;
            var today = VietnamTime.Today(clock);
            var periods = await db.CommentPeriods.AsNoTracking().Include(p => p.Candidates).Where(p => p.RoundId == roundId).OrderByDescending(p => p.Id).ToListAsync(cancellationToken);
            var ids = periods.SelectMany(p => p.Candidates.Select(c => c.NominationId)).Distinct().ToList();
            var names = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.NomineeName, cancellationToken);
            var periodIds = periods.Select(p => p.Id).ToList();
            var comments = await db.PublicComments.Where(c => periodIds.Contains(c.CommentPeriodId)).GroupBy(c => c.CommentPeriodId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var rows = periods.Select(p => new Period(p.Id, p.StartsOn, p.EndsOn,
                today < p.StartsOn ? PeriodState.Upcoming : today > p.EndsOn ? PeriodState.Closed : PeriodState.Open,
                p.Candidates.Select(c => names.GetValueOrDefault(c.NominationId, "?")).Order(StringComparer.Ordinal).ToList(),
                comments.GetValueOrDefault(p.Id))).ToList();
            var verified = await db.Nominations.AsNoTracking().Where(n => n.RoundId == roundId && n.Status == NominationStatus.Verified)
                .Join(db.Organizations, n => n.OrganizationId, o => o.Id, (n, o) => new { n.Id, n.NomineeName, OrganizationName = o.Name })
                .OrderBy(c => c.NomineeName).ToListAsync(cancellationToken);
            return new Overview(context.Value.Round.Code, today, rows, verified.Select(c => new Candidate(c.Id, c.NomineeName, c.OrganizationName)).ToList());
        }

        /// <summary>Ends a period that is open or not yet started: from today the candidates are no longer shown publicly.</summary>
        public async Task<Result<bool>> Close(int periodId, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận mở, đóng lấy ý kiến công khai.");
            }

            var period = await db.CommentPeriods.SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
            if (period is null)
            {
                return DomainError.NotFound("Không tìm thấy đợt lấy ý kiến.");
            }

            var yesterday = VietnamTime.Today(clock).AddDays(-1);
            if (period.EndsOn <= yesterday)
            {
                return DomainError.Conflict("period_closed", $"Đợt lấy ý kiến đã kết thúc ngày {period.EndsOn:dd/MM/yyyy}.");
            }

            period.EndsOn = yesterday;
            period.StartsOn = period.StartsOn > yesterday ? yesterday : period.StartsOn;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
