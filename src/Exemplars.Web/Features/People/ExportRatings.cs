using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>
/// The yearly ratings recorded in the caller's scope (party members' and collectives'), in the ratings import layout with
/// each rating's version: the file a clerk edits to correct ratings and imports back (ADR 012).
/// </summary>
public static class ExportRatings
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<byte[]?> Handle(CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return null;
            }

            var people = await db.People.InScopeOf(user)
                .Join(db.PersonRatings, p => p.Id, r => r.PersonId, (p, r) => new { p.Code, p.FullName, r.Year, r.Rating, r.Version })
                .OrderBy(x => x.Code).ThenBy(x => x.Year)
                .ToListAsync(cancellationToken);
            var collectives = await db.Organizations.InScopeOf(user)
                .Join(db.CollectiveRatings, o => o.Id, r => r.OrganizationId, (o, r) => new { o.Code, o.Name, r.Year, r.Body, r.Rating, r.Version })
                .OrderBy(x => x.Code).ThenBy(x => x.Year).ThenBy(x => x.Body)
                .ToListAsync(cancellationToken);
            return Spreadsheet.Write(
                ImportRatings.ExportHeaders,
                people.Select(r => (IReadOnlyList<object?>)[r.Code, CollectiveBodyLabels.PartyMember, r.Year, r.Rating.Label(), r.FullName, r.Version.ToString()])
                    .Concat(collectives.Select(r => (IReadOnlyList<object?>)[r.Code, r.Body.Label(), r.Year, r.Rating.Label(), r.Name, r.Version.ToString()])));
        }
    }
}
