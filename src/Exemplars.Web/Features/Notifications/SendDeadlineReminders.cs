using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Reports;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Notifications;

/// <summary>
/// Daily: a notice a week before and the day before each deadline — a round's dossiers (with each unit's extension),
/// each periodic report and each bloc plan's implementation plans — to every active grassroots committee that has not yet sent. Each notice is recorded under a
/// unique key in the same save as the notice itself, so running again, after a restart or on a second server, adds nothing.
/// </summary>
public static class SendDeadlineReminders
{
    private const string Subject = "Nhắc hạn";

    public sealed record Candidate(string Key, int OrganizationId, string Text, string Link);

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<int> Handle(CancellationToken cancellationToken)
        {
            var today = VietnamTime.Today(clock);
            var horizon = today.AddDays(ReminderRules.WeekAhead);
            var units = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Grassroots && o.IsActive).Select(o => o.Id).ToListAsync(cancellationToken);
            var candidates = new List<Candidate>();
            candidates.AddRange(await RoundCandidates(units, today, horizon, cancellationToken));
            candidates.AddRange(await ReportCandidates(units, today, horizon, cancellationToken));
            candidates.AddRange(await ImplementationPlanCandidates(units, today, horizon, cancellationToken));
            if (candidates.Count == 0)
            {
                return 0;
            }

            var keys = candidates.Select(c => c.Key).ToList();
            var done = (await db.SentReminders.Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(cancellationToken)).ToHashSet();
            var fresh = candidates.Where(c => !done.Contains(c.Key)).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            var sent = 0;
            foreach (var batch in fresh.Chunk(200))
            {
                sent += await SaveAsync(batch, now, cancellationToken);
            }

            logger.LogInformation("Deadline reminders: {Sent} new of {Candidates} due", sent, candidates.Count);
            return sent;
        }

        private async Task<List<Candidate>> RoundCandidates(List<int> units, DateOnly today, DateOnly horizon, CancellationToken cancellationToken)
        {
            var rounds = await db.Rounds.AsNoTracking()
                .Where(r => (r.GrassrootsDeadline >= today && r.GrassrootsDeadline <= horizon) || db.DeadlineExtensions.Any(x => x.RoundId == r.Id && x.Until >= today && x.Until <= horizon))
                .Select(r => new { r.Id, r.Name, r.GrassrootsDeadline }).ToListAsync(cancellationToken);
            var candidates = new List<Candidate>();
            foreach (var round in rounds)
            {
                var sent = (await db.Nominations.Where(n => n.RoundId == round.Id && n.SubmissionCount > 0 && n.Status != NominationStatus.Withdrawn)
                    .Select(n => n.OrganizationId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
                var extensions = await db.ExtensionsByUnitAsync(round.Id, cancellationToken);
                foreach (var unit in units.Where(u => !sent.Contains(u)))
                {
                    var deadline = Deadlines.LastDay(round.GrassrootsDeadline, extensions.TryGetValue(unit, out var until) ? until : null);
                    if (ReminderRules.Due(deadline, today) is { } notice)
                    {
                        candidates.Add(new Candidate(ReminderRules.Key("round", round.Id, unit, notice, deadline), unit,
                            $"{Subject}: {ReminderRules.DaysLeft(deadline, today)} để gửi hồ sơ đề nghị {round.Name}; đơn vị chưa gửi hồ sơ nào.",
                            "/Nominations"));
                    }
                }
            }

            return candidates;
        }

        private async Task<List<Candidate>> ReportCandidates(List<int> units, DateOnly today, DateOnly horizon, CancellationToken cancellationToken)
        {
            var periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.Deadline >= today && p.Deadline <= horizon).ToListAsync(cancellationToken);
            var candidates = new List<Candidate>();
            foreach (var period in periods)
            {
                if (ReminderRules.Due(period.Deadline, today) is not { } notice)
                {
                    continue;
                }

                var sent = (await db.PeriodicReports.Where(r => r.ReportingPeriodId == period.Id && r.Status == ReportStatus.Submitted)
                    .Select(r => r.OrganizationId).ToListAsync(cancellationToken)).ToHashSet();
                candidates.AddRange(units.Where(u => !sent.Contains(u)).Select(unit => new Candidate(
                    ReminderRules.Key("report", period.Id, unit, notice, period.Deadline), unit,
                    $"{Subject}: {ReminderRules.DaysLeft(period.Deadline, today)} để gửi báo cáo {period.Label}; đơn vị chưa gửi.",
                    $"/Reports/Edit?periodId={period.Id}")));
            }

            return candidates;
        }

        /// <summary>Units that have not recorded their implementation plan of a bloc plan due within the week (plan III.1.1).</summary>
        private async Task<List<Candidate>> ImplementationPlanCandidates(List<int> units, DateOnly today, DateOnly horizon, CancellationToken cancellationToken)
        {
            var plans = await db.Plans.AsNoTracking().Where(p => p.ImplementationPlansDueOn >= today && p.ImplementationPlansDueOn <= horizon)
                .Select(p => new { p.Id, p.Code, Due = p.ImplementationPlansDueOn!.Value }).ToListAsync(cancellationToken);
            var candidates = new List<Candidate>();
            foreach (var plan in plans)
            {
                if (ReminderRules.Due(plan.Due, today) is not { } notice)
                {
                    continue;
                }

                var recorded = (await db.ImplementationPlans.Where(p => p.PlanId == plan.Id).Select(p => p.OrganizationId).ToListAsync(cancellationToken)).ToHashSet();
                candidates.AddRange(units.Where(u => !recorded.Contains(u)).Select(unit => new Candidate(
                    ReminderRules.Key("implementation-plan", plan.Id, unit, notice, plan.Due), unit,
                    $"{Subject}: {ReminderRules.DaysLeft(plan.Due, today)} để ban hành kế hoạch thực hiện kế hoạch {plan.Code} của cấp trên; đơn vị chưa ghi kế hoạch thực hiện.",
                    $"/ImplementationPlans?plan={plan.Code}")));
            }

            return candidates;
        }

        /// <summary>Notice and key in one save; if another run got there first, the unique key refuses it and we go one by one.</summary>
        private async Task<int> SaveAsync(Candidate[] batch, DateTime now, CancellationToken cancellationToken)
        {
            void Stage(Candidate c)
            {
                db.SentReminders.Add(new SentReminder { Key = c.Key, OrganizationId = c.OrganizationId, SentAtUtc = now });
                db.Notifications.Add(new Notification { OrganizationId = c.OrganizationId, Roles = Roles.GrassrootsClerk, Text = c.Text, Link = c.Link, CreatedAtUtc = now });
            }

            foreach (var candidate in batch)
            {
                Stage(candidate);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return batch.Length;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }

            var saved = 0;
            foreach (var candidate in batch)
            {
                Stage(candidate);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    saved++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }

            return saved;
        }
    }
}
