using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Review;

/// <summary>
/// The secretariat's verification (thẩm định): each criterion that needs judgement is marked Đạt / Không đạt / Cần bổ sung
/// with notes; the dossier is accepted as a candidate only when every such criterion is Đạt.
/// </summary>
public static class VerifyNomination
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, GetNomination.Handler get)
    {
        public async Task<Result<bool>> Check(int nominationId, string? criterionCode, CheckResult result, string? note, CancellationToken cancellationToken)
        {
            var details = await Reviewable(nominationId, cancellationToken);
            if (!details.IsSuccess)
            {
                return Result<bool>.Failure(details.Errors);
            }

            if (!Enum.IsDefined(result))
            {
                return DomainError.Invalid("Result", "Kết quả thẩm định phải là Đạt, Không đạt hoặc Cần bổ sung.");
            }

            if (!details.Value.Eligibility.JudgementCriteria.Any(c => c.Code == criterionCode))
            {
                return DomainError.Invalid("CriterionCode", "Tiêu chí không thuộc hồ sơ này.");
            }

            if (result != CheckResult.Pass && string.IsNullOrWhiteSpace(note))
            {
                return DomainError.Invalid("Note", "Hãy ghi nhận xét khi tiêu chí không đạt hoặc cần bổ sung.");
            }

            var item = await db.VerificationItems.SingleOrDefaultAsync(v => v.NominationId == nominationId && v.CriterionCode == criterionCode, cancellationToken);
            if (item is null)
            {
                item = new VerificationItem { NominationId = nominationId, CriterionCode = criterionCode! };
                db.VerificationItems.Add(item);
            }

            item.Result = result;
            item.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 2000)];
            item.CheckedBy = user.Email;
            item.CheckedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        public async Task<Result<NominationStatus>> Accept(int nominationId, Guid? version, CancellationToken cancellationToken)
        {
            var details = await Reviewable(nominationId, cancellationToken);
            if (!details.IsSuccess)
            {
                return Result<NominationStatus>.Failure(details.Errors);
            }

            var checks = await db.VerificationItems.Where(v => v.NominationId == nominationId).ToDictionaryAsync(v => v.CriterionCode, cancellationToken);
            var open = details.Value.Eligibility.JudgementCriteria.Where(c => !checks.TryGetValue(c.Code, out var v) || v.Result != CheckResult.Pass).Select(c => c.Code).ToList();
            if (open.Count > 0)
            {
                return DomainError.Rule("verification_incomplete", $"Chưa thể tiếp nhận: các tiêu chí {string.Join(", ", open)} chưa được thẩm định là Đạt.");
            }

            var nomination = await db.Nominations.SingleAsync(n => n.Id == nominationId, cancellationToken);
            if (Common.Versions.Check(version, nomination.Version, "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.") is { } refused)
            {
                return refused;
            }

            var next = NominationStateMachine.Next(nomination.Status, NominationAction.Accept);
            if (!next.IsSuccess)
            {
                return next;
            }

            nomination.Status = next.Value;
            nomination.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            return nomination.Status;
        }

        private async Task<Result<GetNomination.Details>> Reviewable(int nominationId, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanReview(user))
            {
                return NominationAccess.Forbidden("thẩm định hồ sơ");
            }

            return await get.Handle(nominationId, cancellationToken);
        }
    }
}
