using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Decisions;

/// <summary>The secretariat records what the province decided for a candidate the bloc sent up.</summary>
public static class ProvinceOutcomes
{
    public sealed record Row(int NominationId, string Name, NomineeKind Kind, string Organization, string Submission, NominationStatus Status, ProvinceOutcome Outcome, string? Note, DateTime? RecordedAtUtc, Guid Version);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        /// <summary>Every candidate of the round the bloc sent up in a Tờ trình, with what the province decided so far.</summary>
        public async Task<Result<IReadOnlyList<Row>>> List(string? roundCode, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận ghi kết quả của cấp trên.");
            }

            var round = await db.Rounds.Where(r => r.Code == roundCode).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (round is null)
            {
                return DomainError.NotFound("Không tìm thấy đợt bình xét.");
            }

            var rows = await (from n in db.Nominations.AsNoTracking()
                              join o in db.Organizations on n.OrganizationId equals o.Id
                              join d in db.Decisions on n.ForwardedInDecisionId equals d.Id
                              where n.RoundId == round
                              orderby n.Kind, n.NomineeName
                              select new { n.Id, n.NomineeName, n.Kind, Organization = o.Name, d.Number, d.Type, d.Issuer, n.Status, n.ProvinceOutcome, n.ProvinceOutcomeNote, n.ProvinceOutcomeAtUtc, n.Version })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new Row(r.Id, r.NomineeName, r.Kind, r.Organization, DocumentNumber.Format(r.Number, r.Type, r.Issuer), r.Status, r.ProvinceOutcome, r.ProvinceOutcomeNote, r.ProvinceOutcomeAtUtc, r.Version)).ToList();
        }

        public async Task<Result<ProvinceOutcome>> Record(int nominationId, Guid? version, ProvinceOutcome outcome, string? note, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận ghi kết quả của cấp trên.");
            }

            var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId && n.ForwardedInDecisionId != null, cancellationToken);
            if (nomination is null)
            {
                return DomainError.NotFound("Không tìm thấy hồ sơ đã đề nghị lên cấp trên.");
            }

            if (Features.Common.Versions.Check(version, nomination.Version, "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.") is { } stale)
            {
                return stale;
            }

            var recorded = nomination.RecordProvinceOutcome(outcome, note, clock.GetUtcNow().UtcDateTime);
            if (!recorded.IsSuccess)
            {
                return Result<ProvinceOutcome>.Failure(recorded.Errors);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("concurrent_edit", "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.");
            }

            return outcome;
        }
    }
}
