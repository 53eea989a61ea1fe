using Exemplars.Domain.Common;
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
/// each party member's score (column "Điểm") and each rating's version: the file a clerk edits to correct ratings and imports back (ADR 012). Streamed through
/// <see cref="XlsxStreamWriter"/>, refused beyond <see cref="ExportLimits.MaxRows"/> rows.
/// </summary>
public static class ExportRatings
{
    public sealed class Handler(AppDbContext db, CurrentUser user, ExportLimits limits)
    {
        /// <summary>The workbook, a refusal of a list too long for one sheet, or null when the caller may not export ratings.</summary>
        public async Task<Result<Stream>?> Handle(CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return null;
            }

            var maxRows = limits.MaxRows;
            return await XlsxStreamWriter.WriteAsync(ImportRatings.ExportHeaders, Rows(maxRows + 1, cancellationToken), row => row, maxRows, cancellationToken);
        }

        /// <summary>Party members' ratings, then collectives', at most <paramref name="take"/> rows in all.</summary>
        private async IAsyncEnumerable<IReadOnlyList<object?>> Rows(int take, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var people = db.People.AsNoTracking().InScopeOf(user)
                .Join(db.PersonRatings, p => p.Id, r => r.PersonId, (p, r) => new { p.Code, p.FullName, r.Year, r.Rating, r.Score, r.Version })
                .OrderBy(x => x.Code).ThenBy(x => x.Year)
                .Take(take).AsAsyncEnumerable();
            var count = 0;
            await foreach (var r in people.WithCancellation(cancellationToken))
            {
                count++;
                yield return [r.Code, CollectiveBodyLabels.PartyMember, r.Year, r.Rating.Label(), r.Score, r.FullName, r.Version.ToString()];
            }

            if (count >= take)
            {
                yield break;
            }

            var collectives = db.Organizations.AsNoTracking().InScopeOf(user)
                .Join(db.CollectiveRatings, o => o.Id, r => r.OrganizationId, (o, r) => new { o.Code, o.Name, r.Year, r.Body, r.Rating, r.Version })
                .OrderBy(x => x.Code).ThenBy(x => x.Year).ThenBy(x => x.Body)
                .Take(take - count).AsAsyncEnumerable();
            await foreach (var r in collectives.WithCancellation(cancellationToken))
            {
                yield return [r.Code, r.Body.Label(), r.Year, r.Rating.Label(), null, r.Name, r.Version.ToString()];
            }
        }
    }
}
