using System.Security.Cryptography;
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

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, FileStorage storage)
    {
        public async Task<Result<Uploaded>> Handle(int nominationId, string? criterionCode, string? fileName, byte[] content, CancellationToken cancellationToken)
        {
            var nomination = await Editable(nominationId, cancellationToken);
            if (!nomination.IsSuccess)
            {
                return Result<Uploaded>.Failure(nomination.Errors);
            }

            var n = nomination.Value;
            var check = FileRules.Check(fileName, content.LongLength, content.AsSpan(0, Math.Min(content.Length, 16)), n.Evidence.Sum(e => e.Size));
            if (!check.IsSuccess)
            {
                return Result<Uploaded>.Failure(check.Errors);
            }

            var criterion = string.IsNullOrWhiteSpace(criterionCode) ? null : criterionCode.Trim();
            if (criterion is not null && criterion != EvidenceFile.MinutesScan
                && !await db.Criteria.AnyAsync(c => c.Code == criterion && db.Rounds.Any(r => r.Id == n.RoundId && r.PlanId == c.PlanId), cancellationToken))
            {
                return DomainError.Invalid("CriterionCode", "Tiêu chí không thuộc kế hoạch của đợt bình xét này.");
            }

            var file = new EvidenceFile
            {
                NominationId = n.Id,
                CriterionCode = criterion,
                FileName = Path.ChangeExtension(FileRules.CleanName(fileName), check.Value.Extension),
                ContentType = check.Value.ContentType,
                Size = content.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                StoragePath = await storage.SaveAsync(content, cancellationToken),
                UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            n.Evidence.Add(file);
            if (criterion == EvidenceFile.MinutesScan)
            {
                n.MinutesScanId = null;
            }

            n.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            if (criterion == EvidenceFile.MinutesScan)
            {
                n.MinutesScanId = file.Id;
                await db.SaveChangesAsync(cancellationToken);
            }

            return new Uploaded(file.Id, file.FileName, file.Sha256, file.Size);
        }

        public async Task<Result<bool>> Remove(int nominationId, int evidenceId, CancellationToken cancellationToken)
        {
            var nomination = await Editable(nominationId, cancellationToken);
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
            await db.SaveChangesAsync(cancellationToken);

            // Bytes of a dossier never sent belong to no version; once sent, the versions keep what the secretariat received.
            if (nomination.Value.SubmissionCount == 0)
            {
                storage.Delete(file.StoragePath);
            }

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
