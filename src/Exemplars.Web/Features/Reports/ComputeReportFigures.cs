using Exemplars.Domain.Ballots;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Reports;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>
/// The figures a committee's report is filled with, counted from what the system holds for the period's days
/// (Vietnam time): exemplars discovered and nurtured (by the committee or its Youth Union and Veterans' branches), dossiers first sent, bloc awards, candidates sent to the
/// province and commended there, replication pledges and their results, and the collectives and individuals the committee
/// commended itself (by the date of its decision).
/// </summary>
public static class ComputeReportFigures
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<ReportFigures> Handle(int organizationId, ReportingPeriod period, CancellationToken cancellationToken)
        {
            var start = VietnamTime.StartOfDayUtc(period.From);
            var end = VietnamTime.StartOfDayUtc(period.To.AddDays(1));
            var firstDay = period.From;
            var lastDay = period.To;

            // The committee's own records and those of its Youth Union and Veterans' branches (plan IV.2).
            var mine = db.DiscoveredExemplars.Where(d => d.OrganizationId == organizationId
                || db.Organizations.Any(o => o.Id == d.OrganizationId && o.ParentId == organizationId && DiscoveryRouting.BranchKinds.Contains(o.Kind)));
            var discovered = await mine.CountAsync(d => d.RecordedAtUtc >= start && d.RecordedAtUtc < end, cancellationToken);
            var nurtured = await mine.CountAsync(d => d.Stage == DiscoveryStage.Nurtured && d.NurturedAtUtc >= start && d.NurturedAtUtc < end, cancellationToken);
            var nominated = await db.NominationVersions.CountAsync(
                v => v.Number == 1 && v.SubmittedAtUtc >= start && v.SubmittedAtUtc < end && db.Nominations.Any(n => n.Id == v.NominationId && n.OrganizationId == organizationId),
                cancellationToken);
            var commendedGrassroots = await db.GrassrootsCommendations.CountAsync(
                c => c.OrganizationId == organizationId && c.DecisionDate >= firstDay && c.DecisionDate <= lastDay, cancellationToken);
            var commendedBloc = await (from a in db.Awards
                                       join d in db.Decisions on a.DecisionId equals d.Id
                                       join n in db.Nominations on a.NominationId equals n.Id
                                       where n.OrganizationId == organizationId && d.Type == DocumentType.Decision && d.Date >= firstDay && d.Date <= lastDay
                                       select a.Id).CountAsync(cancellationToken);
            var sentToProvince = await (from n in db.Nominations
                                        join d in db.Decisions on n.ForwardedInDecisionId equals d.Id
                                        where n.OrganizationId == organizationId && d.Date >= firstDay && d.Date <= lastDay
                                        select n.Id).CountAsync(cancellationToken);
            var commendedProvince = await db.Nominations.CountAsync(
                n => n.OrganizationId == organizationId && n.ProvinceOutcome == ProvinceOutcome.Commended && n.ProvinceOutcomeAtUtc >= start && n.ProvinceOutcomeAtUtc < end,
                cancellationToken);
            var pledges = await db.ReplicationPledges.CountAsync(p => p.OrganizationId == organizationId && p.PledgedAtUtc >= start && p.PledgedAtUtc < end, cancellationToken);
            var results = await db.ReplicationPledges.CountAsync(p => p.OrganizationId == organizationId && p.ReportedAtUtc >= start && p.ReportedAtUtc < end, cancellationToken);
            return new ReportFigures(discovered, nurtured, nominated, commendedGrassroots, commendedBloc, sentToProvince, commendedProvince, pledges, results);
        }
    }
}
