using Exemplars.Domain.Common;
using Exemplars.Domain.Dashboard;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Dashboard;

/// <summary>
/// The secretariat's picture of one round: nominations by status, unit, category, gender, age band and timeliness.
/// Every count is a GROUP BY in the database; only birth dates (grouped) and the few submissions after the round's
/// deadline come back as rows, to be banded or judged against each unit's extension by the pure rules in the domain.
/// The result is kept in <see cref="DashboardCache"/> until a save changes what it counts.
/// </summary>
public static class RoundDashboard
{
    /// <summary>The units charted by name; the rest are summed as one "other units" slice.</summary>
    public const int TopUnits = 10;

    public const string OtherUnitsKey = "other";

    /// <summary>One bar or wedge: a stable key for programs, a Vietnamese label for people, the count.</summary>
    public sealed record Slice(string Key, string Label, int Count);

    /// <param name="Total">Every nomination of the round, withdrawn ones included (the status chart).</param>
    /// <param name="Active">Nominations not withdrawn: what the unit, category and timeliness charts count.</param>
    /// <param name="Individuals">Active nominations of individuals: what the gender and age charts count.</param>
    /// <param name="UnitsNominating">How many units have at least one active nomination.</param>
    public sealed record Response(
        string Round, string RoundName, DateOnly Deadline, int Total, int Active, int Individuals, int Collectives, int UnitsNominating,
        IReadOnlyList<Slice> ByStatus, IReadOnlyList<Slice> ByUnit, IReadOnlyList<Slice> ByCategory,
        IReadOnlyList<Slice> ByGender, IReadOnlyList<Slice> ByAgeBand, IReadOnlyList<Slice> ByTimeliness)
    {
        /// <summary>The round's ceremony (the latest planned), or null: counted on every request, not kept in the cache.</summary>
        public Ceremonies.CeremonySummary.Tile? Ceremony { get; init; }
        /// <summary>Active grassroots committees in scope.</summary>
        public int GrassrootsUnits { get; init; }

        /// <summary>Of those, the ones that recorded their implementation plan of the round's bloc plan (plan III.1.1).</summary>
        public int ImplementationPlans { get; init; }

        /// <summary>Collectives and individuals the committees commended at their own level in the round's review years.</summary>
        public int GrassrootsCommendations { get; init; }

        /// <summary>
        /// Grassroots organisations whose party members rated excellent exceed 20 % of those rated good in at least one of the
        /// round's rating years (ADR 026): the ratings the round's eligibility reads, to be checked before the review.
        /// </summary>
        public int UnitsOverExcellentCap { get; init; }

        /// <summary>Exemplars the Youth Union and Veterans' branches found, by association (plan IV.2); every record, not only the round's.</summary>
        public IReadOnlyList<Discovery.DiscoveryByAssociation.Tally> MassOrganisations { get; init; } = [];
    }

    public sealed class Handler(AppDbContext db, CurrentUser user, DashboardCache cache, People.ExcellentShares shares, Ceremonies.CeremonySummary.Handler ceremonies, Discovery.DiscoveryByAssociation.Handler associations)
    {
        public async Task<Result<Response>> Handle(string? roundCode, CancellationToken cancellationToken)
        {
            // The tracker's rule: the secretariat (and administrators) follow the units' submissions.
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận xem bảng số liệu đợt bình xét.");
            }

            var counted = await cache.GetOrComputeAsync(roundCode, user.ScopePath, () => Count(roundCode, cancellationToken));
            return counted.IsSuccess ? counted.Value with { Ceremony = await ceremonies.ForRound(counted.Value.Round, cancellationToken) } : counted;
        }

        private async Task<Result<Response>> Count(string? roundCode, CancellationToken cancellationToken)
        {
            var context = await RoundContext.LoadAsync(db, roundCode, cancellationToken);
            if (!context.IsSuccess)
            {
                return DomainError.NotFound(context.Errors[0].Message);
            }

            var round = context.Value.Round;
            var units = db.Organizations.InScopeOf(user);
            var all = db.Nominations.Where(n => n.RoundId == round.Id && units.Any(o => o.Id == n.OrganizationId));
            var active = all.Where(n => n.Status != NominationStatus.Withdrawn);

            var statusCounts = await all.GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var byStatus = Enum.GetValues<NominationStatus>().Select(s => new Slice(s.ToString(), s.Label(), statusCounts.GetValueOrDefault(s))).ToList();
            var total = statusCounts.Values.Sum();
            var activeCount = total - statusCounts.GetValueOrDefault(NominationStatus.Withdrawn);

            var kindCounts = await active.GroupBy(n => n.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

            var topUnits = await active
                .Join(db.Organizations, n => n.OrganizationId, o => o.Id, (n, o) => new { o.Id, o.Code, o.Name })
                .GroupBy(x => new { x.Id, x.Code, x.Name })
                .Select(g => new { g.Key.Code, g.Key.Name, Count = g.Count() })
                .OrderByDescending(x => x.Count).ThenBy(x => x.Code)
                .Take(TopUnits)
                .ToListAsync(cancellationToken);
            var unitsNominating = await active.Select(n => n.OrganizationId).Distinct().CountAsync(cancellationToken);
            var byUnit = topUnits.Select(u => new Slice(u.Code, u.Name, u.Count)).ToList();
            if (unitsNominating > topUnits.Count)
            {
                byUnit.Add(new Slice(OtherUnitsKey, $"Các đơn vị khác ({unitsNominating - topUnits.Count} đơn vị)", activeCount - topUnits.Sum(u => u.Count)));
            }

            var categoryCounts = await active.GroupBy(n => n.CategoryCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var byCategory = context.Value.Categories.Select(c => new Slice(c.Code, $"{c.Code}. {c.Title}", categoryCounts.GetValueOrDefault(c.Code)))
                .Concat(categoryCounts.Where(x => context.Value.Categories.All(c => c.Code != x.Key)).OrderBy(x => x.Key).Select(x => new Slice(x.Key, x.Key, x.Value)))
                .ToList();

            var individuals = active.Where(n => n.Kind == NomineeKind.Individual).Join(db.People, n => n.PersonId, p => (int?)p.Id, (n, p) => p);
            var genderCounts = await individuals.GroupBy(p => p.Gender).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var byGender = new Gender?[] { Gender.Male, Gender.Female, null }
                .Select(g => new Slice(g?.ToString() ?? "Unknown", DashboardBands.GenderLabel(g), genderCounts.Where(x => x.Key == g).Sum(x => x.Count)))
                .ToList();

            // Grouped by day, so as many rows as distinct birth dates at most; banded here by the pure rule.
            var births = await individuals.GroupBy(p => p.BirthDate).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var bandCounts = births.GroupBy(b => DashboardBands.AgeBandOf(b.Key, round.GrassrootsDeadline)).ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
            var byAgeBand = Enum.GetValues<AgeBand>().Select(b => new Slice(b.ToString(), b.Label(), bandCounts.GetValueOrDefault(b))).ToList();

            var timeliness = await TimelinessAsync(active, round.Id, round.GrassrootsDeadline, cancellationToken);
            var byTimeliness = Enum.GetValues<Timeliness>().Select(t => new Slice(t.ToString(), t.Label(), timeliness.GetValueOrDefault(t))).ToList();

            var overCap = await shares.ExceededAsync(user.ScopePath, [.. Enumerable.Range(round.FirstRatingYear, Math.Max(0, round.LastRatingYear - round.FirstRatingYear + 1))], null, cancellationToken);
            var grassroots = units.Where(o => o.Kind == Domain.Organizations.OrganizationKind.Grassroots && o.IsActive);
            var (reviewFrom, reviewTo) = (new DateOnly(round.ReviewFromYear, 1, 1), new DateOnly(round.ReviewToYear, 12, 31));
            return new Response(round.Code, round.Name, round.GrassrootsDeadline, total, activeCount,
                kindCounts.GetValueOrDefault(NomineeKind.Individual), kindCounts.GetValueOrDefault(NomineeKind.Collective), unitsNominating,
                byStatus, byUnit, byCategory, byGender, byAgeBand, byTimeliness)
            {
                GrassrootsUnits = await grassroots.CountAsync(cancellationToken),
                ImplementationPlans = await grassroots.CountAsync(o => db.ImplementationPlans.Any(p => p.PlanId == round.PlanId && p.OrganizationId == o.Id), cancellationToken),
                GrassrootsCommendations = await db.GrassrootsCommendations.CountAsync(
                    c => c.DecisionDate >= reviewFrom && c.DecisionDate <= reviewTo && units.Any(o => o.Id == c.OrganizationId), cancellationToken),
                UnitsOverExcellentCap = overCap.Select(s => s.OrganizationId).Distinct().Count(),
                MassOrganisations = await associations.Handle(null, null, cancellationToken),
            };
        }

        /// <summary>
        /// Judged by each dossier's first submission (version 1), as the unit met or missed the deadline then; a later
        /// resubmission after the secretariat returned it does not make it late. Everything sent before the end of the
        /// deadline day is counted in the database; only what came later is loaded, to be judged against the unit's extension.
        /// </summary>
        private async Task<Dictionary<Timeliness, int>> TimelinessAsync(IQueryable<Nomination> active, int roundId, DateOnly deadline, CancellationToken cancellationToken)
        {
            var firstSubmissions = db.NominationVersions.Where(v => v.Number == 1)
                .Join(active, v => v.NominationId, n => n.Id, (v, n) => new { n.OrganizationId, v.SubmittedAtUtc });
            var endOfDeadlineUtc = VietnamTime.StartOfDayUtc(deadline.AddDays(1));
            var result = new Dictionary<Timeliness, int>
            {
                [Timeliness.NotSubmitted] = await active.CountAsync(n => n.SubmissionCount == 0, cancellationToken),
                [Timeliness.OnTime] = await firstSubmissions.CountAsync(x => x.SubmittedAtUtc < endOfDeadlineUtc, cancellationToken),
            };
            var after = await firstSubmissions.Where(x => x.SubmittedAtUtc >= endOfDeadlineUtc).ToListAsync(cancellationToken);
            if (after.Count == 0)
            {
                return result;
            }

            var extensions = await db.ExtensionsByUnitAsync(roundId, cancellationToken);
            foreach (var submission in after)
            {
                var day = VietnamTime.DayOf(submission.SubmittedAtUtc);
                var state = DashboardBands.TimelinessOf(day, deadline, extensions.TryGetValue(submission.OrganizationId, out var until) ? until : null);
                result[state] = result.GetValueOrDefault(state) + 1;
            }

            return result;
        }
    }
}
