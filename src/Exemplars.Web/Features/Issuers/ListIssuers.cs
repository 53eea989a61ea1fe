using Exemplars.Domain.Documents;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Issuers;

/// <summary>Every issuer with its officers and terms, by symbol (the administrator's list; an empty table first gets the configured issuer).</summary>
public static class ListIssuers
{
    public sealed class Handler(AppDbContext db, IssuerDirectory.Handler directory)
    {
        public async Task<IReadOnlyList<Issuer>> Handle(CancellationToken cancellationToken)
        {
            await directory.Default(cancellationToken);
            return await IssuerDirectory.WithOfficersAndTerms(db.Set<Issuer>()).OrderBy(i => i.Symbol).ToListAsync(cancellationToken);
        }
    }
}
