using System.Text.Json;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>
/// Sends a dossier to the bloc: refused after the round's deadline (end of that day in Viet Nam) unless the unit has an
/// extension, refused when parts are missing, when the review vote is below the plan's thresholds or the nominee is
/// ineligible; allowed with a written explanation when eligibility is indeterminate. Freezes a version and tells the secretariat.
/// </summary>
public static class SubmitNomination
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, Webhooks.WebhookOutbox webhooks)
    {
        public async Task<Result<NominationStatus>> Handle(int id, Guid? version, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanDraft(user))
            {
                return NominationAccess.Forbidden("gửi hồ sơ đề nghị");
            }

            // The dossier's row lock, as an upload takes it: the files frozen below are all the dossier holds (ADR 012).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await RowLock.ExclusiveAsync(db, RowLock.Nominations, id, cancellationToken);
            var found = await NominationAccess.FindForEdit(db, user, id, version, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<NominationStatus>.Failure(found.Errors);
            }

            var nomination = found.Value;
            if (NominationStateMachine.Next(nomination.Status, NominationAction.Submit) is { IsSuccess: false } refused)
            {
                return refused;
            }

            var roundCode = await db.Rounds.Where(r => r.Id == nomination.RoundId).Select(r => r.Code).SingleAsync(cancellationToken);
            var context = (await RoundContext.LoadAsync(db, roundCode, cancellationToken)).Value;
            var thresholds = await db.Plans.Where(p => p.Id == context.Round.PlanId)
                .Select(p => new VoteThresholds(p.QuorumNumerator, p.QuorumDenominator, p.ApprovalNumerator, p.ApprovalDenominator))
                .SingleAsync(cancellationToken);
            var extension = await db.DeadlineExtensions
                .Where(x => x.RoundId == nomination.RoundId && x.OrganizationId == nomination.OrganizationId)
                .OrderByDescending(x => x.Until).Select(x => (DateOnly?)x.Until).FirstOrDefaultAsync(cancellationToken);
            var eligibility = await NominationEligibility.EvaluateAsync(db, nomination, context, cancellationToken);
            var errors = SubmissionRules.Check(new SubmissionFacts(
                VietnamTime.Today(clock), context.Round.GrassrootsDeadline, extension,
                !string.IsNullOrWhiteSpace(nomination.Summary), nomination.Minutes, nomination.MinutesScanId is not null,
                nomination.Evidence.Count(e => e.CriterionCode != EvidenceFile.MinutesScan), eligibility.Verdict, nomination.IndeterminateExplanation), thresholds);
            if (errors.Count > 0)
            {
                return Result<NominationStatus>.Failure(errors);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var submitted = nomination.Submit(now);
            if (!submitted.IsSuccess)
            {
                return submitted;
            }

            var sent = new NominationVersion
            {
                Number = nomination.SubmissionCount,
                SubmittedAtUtc = now,
                SubmittedBy = user.Email,
                Snapshot = JsonSerializer.Serialize(Snapshot.Of(nomination, eligibility), Snapshot.Json),
            };
            nomination.Versions.Add(sent);
            db.SentFiles.AddRange(Snapshot.SentFiles(nomination, sent));
            var unit = await db.Organizations.Where(o => o.Id == nomination.OrganizationId).Select(o => new { o.Name, o.Path, o.Code }).SingleAsync(cancellationToken);
            db.Notifications.Add(new Notification
            {
                OrganizationId = Common.OrganizationPath.UpperCommittee(unit.Path) ?? nomination.OrganizationId,
                Roles = Roles.Secretariat,
                Text = $"{unit.Name} đã {(nomination.SubmissionCount > 1 ? "gửi lại" : "gửi")} hồ sơ đề nghị {nomination.NomineeName} (đợt {roundCode}).",
                Link = $"/Nominations/Details/{nomination.Id}",
                CreatedAtUtc = now,
            });
            webhooks.Add(db, Domain.Integration.WebhookRules.NominationSubmitted, new
            {
                nominationId = nomination.Id, round = roundCode, organizationCode = unit.Code, organizationName = unit.Name,
                nomineeName = nomination.NomineeName, kind = nomination.Kind.ToString(), sending = nomination.SubmissionCount,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A concurrent submission won the race: either the version check or the unique (nomination, number) caught it.
                return DomainError.Conflict("concurrent_edit", "Hồ sơ vừa được người khác gửi hoặc thay đổi. Hãy tải lại trang.");
            }

            return nomination.Status;
        }
    }
}
