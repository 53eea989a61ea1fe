using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.PublicComments;

/// <summary>What the public may see of candidates in an open comment period: name, unit, category and the achievement summary — nothing private.</summary>
public static class ListPublicCandidates
{
    public sealed record Candidate(int NominationId, int PeriodId, string Name, string Unit, string Category, string CategoryTitle, string? Summary, DateOnly EndsOn);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<IReadOnlyList<Candidate>> Handle(CancellationToken cancellationToken)
        {
            var today = VietnamTime.Today(clock);
            return await (from p in db.CommentPeriods
                          where p.StartsOn <= today && p.EndsOn >= today
                          from c in p.Candidates
                          join n in db.Nominations on c.NominationId equals n.Id
                          join o in db.Organizations on n.OrganizationId equals o.Id
                          join r in db.Rounds on n.RoundId equals r.Id
                          join cat in db.Categories on new { r.PlanId, Code = n.CategoryCode } equals new { cat.PlanId, cat.Code }
                          orderby n.Kind, n.NomineeName
                          select new Candidate(n.Id, p.Id, n.NomineeName, o.Name, n.CategoryCode, cat.Title, n.Summary, p.EndsOn))
                .Take(500).ToListAsync(cancellationToken);
        }
    }
}
