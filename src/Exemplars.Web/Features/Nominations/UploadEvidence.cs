using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>Attach an evidence file to a criterion (or the signed minutes scan), or remove one.</summary>
public static class UploadEvidence
{
    public sealed record Uploaded(int Id, string FileName, string Sha256, long Size);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, IFileStore storage)
    {
        /// <summary>
        /// An upload takes the dossier version it was made against (ADR 012): refused without one (428) and when the dossier
        /// changed since (409: saved, sent, returned, withdrawn, a file removed). An upload only adds a row, so it leaves the
        /// version as it is: any number of parallel uploads against the same version all land. The bytes go to the
        /// content-addressed store first (temporary name, then an atomic move); the row is then added under a lock on the
        /// dossier's row, the same lock a submission takes, so a file is either in the version sent or refused, never left
        /// beside it. Bytes whose row never lands are left to the sweeper.
        /// </summary>
        public async Task<Result<Uploaded>> Handle(int nominationId, Guid? version, string? criterionCode, string? fileName, byte[] content, CancellationToken cancellationToken)
        {
            var nomination = await Editable(nominationId, version, cancellationToken);
            if (!nomination.IsSuccess)
            {
                return Result<Uploaded>.Failure(nomination.Errors);
            }

            // Parsed, not judged by its first bytes; checked again against the dossier's totals under its lock below.
            var check = Infrastructure.Files.UploadInspection.Check(fileName, content, nomination.Value.Evidence.Sum(e => e.Size), nomination.Value.Evidence.Count);
            if (!check.IsSuccess)
            {
                return Result<Uploaded>.Failure(check.Errors);
            }

            var criterion = string.IsNullOrWhiteSpace(criterionCode) ? null : criterionCode.Trim();
            var roundId = nomination.Value.RoundId;
            if (criterion is not null && criterion != EvidenceFile.MinutesScan
                && !await db.Criteria.AnyAsync(c => c.Code == criterion && db.Rounds.Any(r => r.Id == roundId && r.PlanId == c.PlanId), cancellationToken))
            {
                return DomainError.Invalid("CriterionCode", "Tiêu chí không thuộc kế hoạch của đợt bình xét này.");
            }

            var blob = await storage.PutAsync(content, cancellationToken);

            // Under the dossier's row lock: read it again (state, version, the size of what parallel uploads added) and add the row.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await RowLock.ExclusiveAsync(db, RowLock.Nominations, nominationId, cancellationToken);
            nomination = await Editable(nominationId, version, cancellationToken);
            if (!nomination.IsSuccess)
            {
                return Result<Uploaded>.Failure(nomination.Errors);
            }

            check = FileRules.Check(fileName, content.LongLength, content.AsSpan(0, Math.Min(content.Length, 16)), nomination.Value.Evidence.Sum(e => e.Size), nomination.Value.Evidence.Count);
            if (!check.IsSuccess)
            {
                return Result<Uploaded>.Failure(check.Errors);
            }

            var n = nomination.Value;
            var file = new EvidenceFile
            {
                NominationId = n.Id,
                CriterionCode = criterion,
                FileName = Path.ChangeExtension(FileRules.CleanName(fileName), check.Value.Extension),
                ContentType = check.Value.ContentType,
                Size = content.LongLength,
                Sha256 = blob.Sha256,
                StoragePath = blob.Address,
                UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            n.Evidence.Add(file);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (criterion == EvidenceFile.MinutesScan)
                {
                    // The minutes scan needs the new row's key: a second save in the same transaction.
                    n.MinutesScanId = file.Id;
                    await db.SaveChangesAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict(Common.Versions.StaleCode, "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang rồi tải tệp lên lại.");
            }

            return new Uploaded(file.Id, file.FileName, file.Sha256, file.Size);
        }

        public async Task<Result<bool>> Remove(int nominationId, int evidenceId, Guid? version, CancellationToken cancellationToken)
        {
            var nomination = await Editable(nominationId, version, cancellationToken);
            if (!nomination.IsSuccess)
            {
                return Result<bool>.Failure(nomination.Errors);
            }

            var file = nomination.Value.Evidence.SingleOrDefault(e => e.Id == evidenceId);
            if (file is null)
            {
                return DomainError.NotFound("Không tìm thấy tệp.");
            }

            nomination.Value.Evidence.Remove(file);
            db.EvidenceFiles.Remove(file);
            if (nomination.Value.MinutesScanId == evidenceId)
            {
                nomination.Value.MinutesScanId = null;
            }

            nomination.Value.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("concurrent_edit", "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.");
            }

            // The bytes stay: other dossiers, sent versions or photos may hold the same bytes. Once nothing references
            // them, the sweeper removes them (the versions keep what the secretariat received for good).
            return true;
        }

        /// <summary>The dossier in the user's scope, editable, at the version the caller read (428 without one, 409 when stale).</summary>
        private async Task<Result<Nomination>> Editable(int nominationId, Guid? version, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanDraft(user))
            {
                return NominationAccess.Forbidden("sửa hồ sơ đề nghị");
            }

            var found = await NominationAccess.FindForChange(db, user, nominationId, null, cancellationToken);
            if (found.IsSuccess && !NominationStateMachine.IsEditable(found.Value.Status))
            {
                return DomainError.Conflict("not_editable", $"Hồ sơ đang ở trạng thái “{found.Value.Status.Label()}”, không sửa được.");
            }

            return found.IsSuccess && Common.Versions.Check(version, found.Value.Version, "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.") is { } refused
                ? refused
                : found;
        }
    }
}
