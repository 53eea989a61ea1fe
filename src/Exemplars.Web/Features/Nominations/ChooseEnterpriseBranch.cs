using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Nominations;

/// <summary>
/// The unit changes a 3.2.1 dossier's choice — business leader or not — while the dossier is editable (draft or
/// returned). The criteria judged, the eligibility and the documents follow the choice.
/// </summary>
public static class ChooseEnterpriseBranch
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<bool>> Handle(int id, Guid? version, bool? businessLeader, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanDraft(user))
            {
                return NominationAccess.Forbidden("sửa hồ sơ đề nghị");
            }

            var found = await NominationAccess.FindForChange(db, user, id, version, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<bool>.Failure(found.Errors);
            }

            var nomination = found.Value;
            if (!NominationStateMachine.IsEditable(nomination.Status))
            {
                return DomainError.Conflict("not_editable", "Chỉ sửa được hồ sơ đang soạn hoặc bị trả lại.");
            }

            if (!EnterpriseBranch.Required(nomination.Kind, nomination.CategoryCode))
            {
                return DomainError.Invalid("BusinessLeader", "Lựa chọn này chỉ dùng cho cá nhân mục 3.2.1.");
            }

            if (businessLeader is null)
            {
                return DomainError.Invalid("BusinessLeader", "Mục 3.2.1: hãy chọn cá nhân là doanh nhân, người đứng đầu doanh nghiệp hay không phải.");
            }

            nomination.BusinessLeader = businessLeader;
            nomination.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
