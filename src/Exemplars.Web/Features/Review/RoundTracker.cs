using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Review;

/// <summary>Every grassroots unit against the round's deadline: how many dossiers it sent, whether on time, late, or not at all.</summary>
public static class RoundTracker
{
    public sealed record Row(int OrganizationId, string Code, string Name, int Sent, int Drafts, DateTime? LastSubmittedUtc, DateOnly? ExtensionUntil, DeadlineState State);

    public sealed record Response(string Round, DateOnly Deadline, int OnTime, int Late, int Missing, Paged<Row> Units);

    /// <summary>The columns the tracker can be sorted by (code, name, dossiers sent, state); code is the default.</summary>
    public static readonly string[] SortKeys = ["ma", "ten", "da-gui", "tinh-trang"];

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public Task<Result<Response>> Handle(string? roundCode, DeadlineState? only, int page, CancellationToken cancellationToken) =>
            Handle(roundCode, only, page, null, false, cancellationToken);

        public async Task<Result<Response>> Handle(string? roundCode, DeadlineState? only, int page, string? sort, bool descending, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận theo dõi tiến độ các đơn vị.");
            }

            var context = await RoundContext.LoadAsync(db, roundCode, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<Response>.Failure(context.Errors);
            }

            var round = context.Value.Round;
            var units = await db.Organizations.InScopeOf(user).Where(o => o.Kind == OrganizationKind.Grassroots && o.IsActive)
                .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(cancellationToken);
            var counts = await db.Nominations.Where(n => n.RoundId == round.Id && n.Status != NominationStatus.Withdrawn)
                .GroupBy(n => n.OrganizationId)
                .Select(g => new { OrganizationId = g.Key, Sent = g.Count(n => n.SubmissionCount > 0), Drafts = g.Count(n => n.SubmissionCount == 0), Last = g.Max(n => n.SubmittedAtUtc) })
                .ToDictionaryAsync(x => x.OrganizationId, cancellationToken);
            // A unit is judged by when it first sent (as the dashboard judges dossiers): re-sending a returned dossier later does not make it late.
            var firstSent = await db.NominationVersions.Where(v => v.Number == 1)
                .Join(db.Nominations.Where(n => n.RoundId == round.Id && n.Status != NominationStatus.Withdrawn), v => v.NominationId, n => n.Id, (v, n) => new { n.OrganizationId, v.SubmittedAtUtc })
                .GroupBy(x => x.OrganizationId).Select(g => new { g.Key, First = g.Min(x => x.SubmittedAtUtc) })
                .ToDictionaryAsync(x => x.Key, x => x.First, cancellationToken);
            var extensions = await db.ExtensionsByUnitAsync(round.Id, cancellationToken);
            var today = VietnamTime.Today(clock);
            var rows = units.Select(u =>
            {
                counts.TryGetValue(u.Id, out var c);
                DateOnly? extension = extensions.TryGetValue(u.Id, out var e) ? e : null;
                var sentOn = (c?.Sent ?? 0) > 0 && firstSent.TryGetValue(u.Id, out var first) ? VietnamTime.DayOf(first) : (DateOnly?)null;
                var state = Deadlines.StateOf(round.GrassrootsDeadline, today, sentOn, extension);
                return new Row(u.Id, u.Code, u.Name, c?.Sent ?? 0, c?.Drafts ?? 0, c?.Last, extension, state);
            }).ToList();
            var filtered = only is { } s ? rows.Where(r => r.State == s).ToList() : rows;
            filtered = Sorted(filtered, sort, descending);
            var request = new PageRequest(page);
            return new Response(round.Code, round.GrassrootsDeadline, rows.Count(r => r.State == DeadlineState.OnTime), rows.Count(r => r.State == DeadlineState.Late), rows.Count(r => r.State == DeadlineState.Missing),
                Paged<Row>.Of(filtered, request));
        }

        private static List<Row> Sorted(List<Row> rows, string? sort, bool descending)
        {
            IOrderedEnumerable<Row> ordered = sort switch
            {
                "ten" => descending ? rows.OrderByDescending(r => Domain.Common.VietnameseText.Fold(r.Name), StringComparer.Ordinal) : rows.OrderBy(r => Domain.Common.VietnameseText.Fold(r.Name), StringComparer.Ordinal),
                "da-gui" => descending ? rows.OrderByDescending(r => r.Sent) : rows.OrderBy(r => r.Sent),
                "tinh-trang" => descending ? rows.OrderByDescending(r => r.State) : rows.OrderBy(r => r.State),
                _ => descending ? rows.OrderByDescending(r => r.Code, StringComparer.Ordinal) : rows.OrderBy(r => r.Code, StringComparer.Ordinal),
            };
            return ordered.ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        }
    }
}
