using System.Text.Json;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

public static class GetNomination
{
    public sealed record Details(
        Nomination Nomination, string RoundCode, string RoundName, DateOnly Deadline, DateOnly? ExtensionUntil, string OrganizationName,
        EligibilityResult Eligibility, IReadOnlyList<(int Number, DateTime SubmittedAtUtc, string SubmittedBy, IReadOnlyList<(string Field, string? Before, string? After)> Changes)> Versions);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Details>> Handle(int id, CancellationToken cancellationToken)
        {
            var nomination = await db.Visible(user).AsNoTracking().Include(n => n.Evidence).Include(n => n.Versions).AsSplitQuery()
                .SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
            if (nomination is null)
            {
                return DomainError.NotFound("Không tìm thấy hồ sơ.");
            }

            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == nomination.RoundId, cancellationToken);
            var context = (await RoundContext.LoadAsync(db, round.Code, cancellationToken)).Value;
            var extension = await db.DeadlineExtensions.Where(x => x.RoundId == round.Id && x.OrganizationId == nomination.OrganizationId)
                .OrderByDescending(x => x.Until).Select(x => (DateOnly?)x.Until).FirstOrDefaultAsync(cancellationToken);
            var organization = await db.Organizations.Where(o => o.Id == nomination.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
            var eligibility = await NominationEligibility.EvaluateAsync(db, nomination, context, cancellationToken);
            var versions = nomination.Versions.OrderBy(v => v.Number).ToList();
            var history = new List<(int, DateTime, string, IReadOnlyList<(string, string?, string?)>)>();
            Snapshot? previous = null;
            foreach (var v in versions)
            {
                var snapshot = JsonSerializer.Deserialize<Snapshot>(v.Snapshot, Snapshot.Json)!;
                history.Add((v.Number, v.SubmittedAtUtc, v.SubmittedBy, previous is null ? [] : Snapshot.Changes(previous, snapshot)));
                previous = snapshot;
            }

            return new Details(nomination, round.Code, round.Name, round.GrassrootsDeadline, extension, organization, eligibility, history);
        }
    }
}
