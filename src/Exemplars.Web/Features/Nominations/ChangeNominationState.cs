using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>The unit withdraws its dossier; the secretariat returns one with a reason. Both go through the state machine.</summary>
public static class ChangeNominationState
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, Infrastructure.IFileStore storage, Webhooks.WebhookOutbox webhooks)
    {
        public async Task<Result<NominationStatus>> Withdraw(int id, Guid? version, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanDraft(user))
            {
                return NominationAccess.Forbidden("rút hồ sơ đề nghị");
            }

            return await Move(id, version, NominationAction.Withdraw, null, cancellationToken);
        }

        /// <summary>A draft that was never sent can be deleted outright (with its files); anything sent is only ever withdrawn.</summary>
        public async Task<Result<bool>> DeleteDraft(int id, Guid? version, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanDraft(user))
            {
                return NominationAccess.Forbidden("xóa hồ sơ đề nghị");
            }

            var found = await NominationAccess.FindForEdit(db, user, id, version, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<bool>.Failure(found.Errors);
            }

            if (found.Value.Status != NominationStatus.Draft || found.Value.SubmissionCount > 0)
            {
                return DomainError.Conflict("not_a_draft", "Chỉ xóa được hồ sơ đang soạn, chưa gửi lần nào; hồ sơ đã gửi chỉ có thể rút.");
            }

            var stored = found.Value.Evidence.Select(e => e.StoragePath).ToList();
            db.Nominations.Remove(found.Value);
            await db.SaveChangesAsync(cancellationToken);

            // Never sent, so no version refers to these bytes: they go with the draft (after the rows, so a failed save keeps them).
            foreach (var path in stored.Where(p => !Infrastructure.FileStorage.IsContentAddressed(p))) // shared bytes: the sweeper's
            {
                storage.Delete(path);
            }

            return true;
        }

        public async Task<Result<NominationStatus>> Return(int id, Guid? version, string? reason, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanReview(user))
            {
                return NominationAccess.Forbidden("trả lại hồ sơ");
            }

            if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 4000)
            {
                return DomainError.Invalid("Reason", "Hãy ghi lý do trả lại hồ sơ (tối đa 4000 ký tự).");
            }

            return await Move(id, version, NominationAction.Return, reason.Trim(), cancellationToken);
        }

        private async Task<Result<NominationStatus>> Move(int id, Guid? version, NominationAction action, string? reason, CancellationToken cancellationToken)
        {
            var found = await NominationAccess.FindForEdit(db, user, id, version, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<NominationStatus>.Failure(found.Errors);
            }

            var nomination = found.Value;
            var next = action == NominationAction.Return ? nomination.ReturnToUnit(reason!) : nomination.Withdraw();
            if (!next.IsSuccess)
            {
                return next;
            }

            if (action == NominationAction.Return)
            {
                db.Notifications.Add(new Notification
                {
                    OrganizationId = nomination.OrganizationId,
                    Roles = Roles.GrassrootsClerk,
                    Text = $"Hồ sơ đề nghị {nomination.NomineeName} bị trả lại: {reason}",
                    Link = $"/Nominations/Edit/{nomination.Id}",
                    CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                });
                webhooks.Add(db, Domain.Integration.WebhookRules.NominationReturned, new
                {
                    nominationId = nomination.Id, organizationId = nomination.OrganizationId, nomineeName = nomination.NomineeName, reason,
                });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("concurrent_edit", "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.");
            }

            return nomination.Status;
        }
    }
}
