using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Decisions;

/// <summary>
/// What the secretariat is about to issue, prefilled from the round's result: for a Quyết định every nominee the ballot
/// commended and not yet awarded; for a Tờ trình the province list (after run-offs and written overrides) not yet sent up.
/// </summary>
public static class DraftDecision
{
    public sealed record Nominee(int NominationId, string Name, NomineeKind Kind, string Organization, NominationStatus Status);

    public sealed record Draft(string Round, DocumentType Type, string Title, string AwardType, string Signer, DateOnly Date, IReadOnlyList<Nominee> Nominees, string? Note);


    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, GetSelection.Handler selection, Issuers.CurrentNames.Handler names)
    {
        public async Task<Result<Draft>> Handle(string? roundCode, DocumentType type, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận ra quyết định, tờ trình.");
            }

            if (!Enum.IsDefined(type))
            {
                return DomainError.Invalid("Type", "Loại văn bản không hợp lệ.");
            }

            var context = await RoundContext.LoadAsync(db, roundCode, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<Draft>.Failure(context.Errors);
            }

            var round = context.Value.Round;
            var inRound = db.Nominations.AsNoTracking().Where(n => n.RoundId == round.Id);
            List<int> ids;
            string? note = null;
            if (type == DocumentType.Decision)
            {
                var passed = new[] { NominationStatus.Commended, NominationStatus.ProposedToProvince, NominationStatus.ProvinceCommended, NominationStatus.ProvinceNotCommended };
                ids = await inRound.Where(n => passed.Contains(n.Status) && !db.Awards.Any(a => a.NominationId == n.Id)).Select(n => n.Id).ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    note = "Không còn ai được bầu chọn mà chưa có quyết định khen thưởng.";
                }
            }
            else
            {
                var result = await selection.Handle(round.Code, cancellationToken);
                var onList = result.IsSuccess ? result.Value.Selection.ToProvince.Select(c => c.NominationId).ToList() : [];
                ids = await inRound.Where(n => onList.Contains(n.Id) && n.Status == NominationStatus.Commended && n.ForwardedInDecisionId == null).Select(n => n.Id).ToListAsync(cancellationToken);
                if (!result.IsSuccess)
                {
                    note = string.Join(" ", result.Errors.Select(e => e.Message));
                }
                else if (result.Value.Selection.Ties.Count > 0)
                {
                    note = "Còn trường hợp bằng phiếu ở suất cuối chưa bỏ phiếu lại; danh sách dưới đây chưa gồm những người, tập thể đó.";
                }
                else if (ids.Count == 0)
                {
                    note = "Danh sách đề nghị cấp trên đã được gửi hết hoặc đang trống.";
                }
            }

            var nominees = await (from n in db.Nominations.AsNoTracking()
                                  join o in db.Organizations on n.OrganizationId equals o.Id
                                  where ids.Contains(n.Id)
                                  orderby n.Kind, n.NomineeName
                                  select new Nominee(n.Id, n.NomineeName, n.Kind, o.Name, n.Status)).ToListAsync(cancellationToken);
            var signer = await db.Decisions.OrderByDescending(d => d.Id).Select(d => d.Signer).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
            var organs = await names.GetAsync(cancellationToken);
            var title = type == DocumentType.Decision
                ? "về việc tặng Giấy khen cho các tập thể, cá nhân điển hình tiêu biểu"
                : $"đề nghị {organs.SuperiorOrgan} khen thưởng các tập thể, cá nhân điển hình tiêu biểu";
            return new Draft(round.Code, type, title, $"Giấy khen của {organs.SigningOrgan}", signer, VietnamTime.Today(clock), nominees, note);
        }
    }
}
