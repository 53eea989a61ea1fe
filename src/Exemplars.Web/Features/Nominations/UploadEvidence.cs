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

    /// <summary>How many times an upload re-reads the dossier when parallel uploads to it changed it first.</summary>
    private const int Attempts = 40;

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, IFileStore storage)
    {
        /// <summary>
        /// The bytes go to the content-addressed store first (temporary name, then an atomic move); the row that references
        /// them is then saved against the dossier's version. A parallel upload to the same dossier that saved first makes
        /// this one re-read the dossier (its size limit included) and try again, so parallel uploads all land, one by one.
        /// Bytes whose row never lands are left to the sweeper.
        /// </summary>
        public async Task<Result<Uploaded>> Handle(int nominationId, string? criterionCode, string? fileName, byte[] content, CancellationToken cancellationToken)
        {
            var nomination = await Editable(nominationId, cancellationToken);
            if (!nomination.IsSuccess)
            {
                return Result<Uploaded>.Failure(nomination.Errors);
            }

            var check = FileRules.Check(fileName, content.LongLength, content.AsSpan(0, Math.Min(content.Length, 16)), nomination.Value.Evidence.Sum(e => e.Size));
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
            for (var attempt = 1; ; attempt++)
            {
                if (attempt > 1)
                {
                    db.ChangeTracker.Clear();
                    await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
                    nomination = await Editable(nominationId, cancellationToken);
                    if (!nomination.IsSuccess)
                    {
                        return Result<Uploaded>.Failure(nomination.Errors);
                    }

                    check = FileRules.Check(fileName, content.LongLength, content.AsSpan(0, Math.Min(content.Length, 16)), nomination.Value.Evidence.Sum(e => e.Size));
                    if (!check.IsSuccess)
                    {
                        return Result<Uploaded>.Failure(check.Errors);
                    }
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
                if (criterion == EvidenceFile.MinutesScan)
                {
                    n.MinutesScanId = null;
                }

                n.Version = Guid.NewGuid();
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (attempt < Attempts)
                {
                    continue;
                }
                catch (DbUpdateConcurrencyException)
                {
                    return DomainError.Conflict("concurrent_edit", "Hồ sơ đang được cập nhật đồng thời quá nhiều lần. Hãy thử tải lại tệp.");
                }

                if (criterion == EvidenceFile.MinutesScan)
                {
                    await PointMinutesAt(n, file.Id, cancellationToken);
                }

                return new Uploaded(file.Id, file.FileName, file.Sha256, file.Size);
            }
        }

        /// <summary>The minutes scan needs the new row's key, so it is a second save; a parallel change re-reads and retries it.</summary>
        private async Task PointMinutesAt(Nomination n, int fileId, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                n.MinutesScanId = fileId;
                n.Version = Guid.NewGuid();
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateConcurrencyException) when (attempt < Attempts)
                {
                    db.ChangeTracker.Clear();
                    await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
                    var again = await db.Nominations.Include(x => x.Evidence).SingleOrDefaultAsync(x => x.Id == n.Id, cancellationToken);
                    if (again is null || again.Evidence.All(e => e.Id != fileId))
                    {
                        return;
                    }

                    n = again;
                }
            }
        }

        public async Task<Result<bool>> Remove(int nominationId, int evidenceId, Guid? version, CancellationToken cancellationToken)
        {
            var nomination = await Editable(nominationId, cancellationToken);
            if (!nomination.IsSuccess)
            {
                return Result<bool>.Failure(nomination.Errors);
            }

            if (Common.Versions.Check(version, nomination.Value.Version, "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.") is { } stale)
            {
                return stale;
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

        private async Task<Result<Nomination>> Editable(int nominationId, CancellationToken cancellationToken)
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

            return found;
        }
    }
}
