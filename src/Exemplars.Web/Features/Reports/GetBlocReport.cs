using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Reports;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>
/// The narrative sections of the bloc report of a period: as saved by the secretariat, or (never saved) the draft
/// written from the units' reports; with its register number once issued.
/// </summary>
public static class GetBlocReport
{
    public sealed record View(
        int PeriodId,
        string Period,
        string ResultsHtml,
        string LimitationsHtml,
        string DirectionsHtml,
        Guid? Version,
        bool Saved,
        string? Number,
        DateOnly? IssuedOn,
        string? UpdatedBy,
        DateTime? UpdatedAtUtc,
        bool CanEdit);

    public sealed class Handler(ReportTracker.Handler tracker, AppDbContext db, CurrentUser user, Discovery.DiscoveryByAssociation.Handler associations)
    {
        public async Task<Result<View>> Handle(int periodId, CancellationToken cancellationToken)
        {
            var all = await tracker.All(periodId, cancellationToken);
            if (!all.IsSuccess)
            {
                return Result<View>.Failure(all.Errors);
            }

            var (period, rows) = all.Value;
            var stored = await db.Set<BlocReport>().AsNoTracking().SingleOrDefaultAsync(r => r.ReportingPeriodId == periodId, cancellationToken);
            var canManage = ReportAccess.CanManage(user);
            if (stored is null)
            {
                var draft = BlocReportDraft.Compose(rows, await associations.Handle(period.From, period.To, cancellationToken));
                return new View(period.Id, period.Label, draft.ResultsHtml, draft.LimitationsHtml, draft.DirectionsHtml, null, false, null, null, null, null, canManage);
            }

            var number = stored.DecisionId is { } id
                ? await db.Decisions.Where(d => d.Id == id).Select(d => new { d.Number, d.Type, d.Issuer }).SingleAsync(cancellationToken)
                : null;
            return new View(period.Id, period.Label, stored.ResultsHtml, stored.LimitationsHtml, stored.DirectionsHtml, stored.Version, true,
                number is null ? null : DocumentNumber.Format(number.Number, number.Type, number.Issuer), stored.IssuedOn, stored.UpdatedBy, stored.UpdatedAtUtc,
                canManage && !stored.IsIssued);
        }
    }
}
