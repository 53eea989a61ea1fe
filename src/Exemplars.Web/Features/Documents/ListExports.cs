using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Documents;

/// <summary>
/// XLSX of the lists people work from, with Vietnamese headers, in the caller's scope. Every text cell starting with = + - @
/// is written as a quote-prefixed string, so it can never run as a formula. The people and nominations lists stream from
/// the database through <see cref="XlsxStreamWriter"/> into a temporary file (constant memory); a list longer than
/// <see cref="ExportLimits.MaxRows"/> is refused with a message rather than cut (issue 14 goal 5).
/// </summary>
public static class ListExports
{
    public sealed class Handler(AppDbContext db, CurrentUser user, GetSelection.Handler selection, ExportLimits limits)
    {
        public async Task<Result<Stream>> Nominations(string? round, CancellationToken cancellationToken)
        {
            var maxRows = limits.MaxRows;
            var rows = (from n in NominationAccess.Visible(db, user).AsNoTracking()
                        join r in db.Rounds on n.RoundId equals r.Id
                        join o in db.Organizations on n.OrganizationId equals o.Id
                        where round == null || r.Code == round
                        orderby r.Code, o.Code, n.NomineeName, n.Id
                        select new { Round = r.Code, Unit = o.Name, n.Kind, n.NomineeName, n.CategoryCode, n.Status, n.SubmittedAtUtc })
                .Take(maxRows + 1).AsAsyncEnumerable();
            return await XlsxStreamWriter.WriteAsync(
                ["Đợt", "Đơn vị", "Đối tượng", "Tên tập thể, cá nhân", "Mục", "Trạng thái", "Ngày gửi"],
                rows,
                r => [r.Round, r.Unit, r.Kind.Label(), r.NomineeName, r.CategoryCode, r.Status.Label(), r.SubmittedAtUtc is { } at ? Infrastructure.VietnamTime.Format(at) : null],
                maxRows,
                cancellationToken);
        }

        /// <summary>The people in scope in the import layout, with each person's version, so the file can be edited and imported back.</summary>
        public async Task<Result<Stream>> People(CancellationToken cancellationToken)
        {
            var maxRows = limits.MaxRows;
            var rows = db.People.AsNoTracking().InScopeOf(user).Where(p => p.IsActive).OrderBy(p => p.Organization!.Code).ThenBy(p => p.FullName).ThenBy(p => p.Id)
                .Select(p => new
                {
                    p.Code, p.FullName, p.BirthDate, p.Gender, p.Ethnicity, p.Position, UnitCode = p.Organization!.Code, p.IsPartyMember, p.PartyJoinYear, p.IsLeader,
                    LedCode = p.LedOrganization == null ? null : p.LedOrganization.Code, p.FieldCategoryCode, Unit = p.Organization!.Name, p.Version,
                })
                .Take(maxRows + 1).AsAsyncEnumerable();
            return await XlsxStreamWriter.WriteAsync(
                Features.People.ImportPeople.ExportHeaders,
                rows,
                p => [p.Code, p.FullName, p.BirthDate?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                    p.Gender switch { Domain.People.Gender.Male => "Nam", Domain.People.Gender.Female => "Nữ", _ => null }, p.Ethnicity, p.Position, p.UnitCode,
                    p.IsPartyMember ? "Có" : "Không", p.PartyJoinYear, p.IsLeader ? "Có" : "Không", p.LedCode, p.FieldCategoryCode, p.Unit, p.Version.ToString()],
                maxRows,
                cancellationToken);
        }

        public async Task<Result<byte[]>> Awardees(int decisionId, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanSee(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không xem sổ quyết định.");
            }

            var decision = await db.Decisions.AsNoTracking().Include(d => d.Awards).SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
            if (decision is null)
            {
                return DomainError.NotFound("Không tìm thấy văn bản.");
            }

            var nominationIds = decision.Awards.Where(a => a.NominationId is not null).Select(a => a.NominationId!.Value).ToList();
            var units = await (from n in db.Nominations
                               join o in db.Organizations on n.OrganizationId equals o.Id
                               where nominationIds.Contains(n.Id)
                               select new { n.Id, o.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
            return Spreadsheet.Write(["STT", "Tập thể, cá nhân", "Đơn vị", "Hình thức khen thưởng", "Số quyết định", "Ngày"],
                decision.Awards.OrderBy(a => a.RecipientName).Select((a, i) => (IReadOnlyList<object?>)[i + 1, a.RecipientName,
                    a.NominationId is { } id && units.TryGetValue(id, out var unit) ? unit : null, a.AwardType, decision.DocumentNumber, decision.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)]));
        }

        public async Task<Result<byte[]>> Candidates(string? round, CancellationToken cancellationToken)
        {
            var result = await selection.Handle(round, cancellationToken);
            if (!result.IsSuccess)
            {
                return Result<byte[]>.Failure(result.Errors);
            }

            var forwarded = result.Value.Selection.ToProvince.Select(c => c.NominationId).ToHashSet();
            return Spreadsheet.Write(["Tên tập thể, cá nhân", "Đối tượng", "Phiếu đồng ý", "Phiếu không đồng ý", "Kết quả", "Đề nghị cấp trên"],
                result.Value.Tally.Candidates.Select(c => (IReadOnlyList<object?>)[c.Name, c.Kind.Label(), c.Approvals, c.Disapprovals, c.Passed ? "Đạt" : "Không đạt", forwarded.Contains(c.NominationId) ? "Có" : "Không"]));
        }
    }
}
