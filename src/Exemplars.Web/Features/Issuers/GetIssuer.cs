using Exemplars.Domain.Documents;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Issuers;

/// <summary>One issuer with its officers and terms, for editing; null when there is none with that id.</summary>
public static class GetIssuer
{
    public sealed class Handler(AppDbContext db)
    {
        public Task<Issuer?> Handle(int id, CancellationToken cancellationToken) =>
            IssuerDirectory.WithOfficersAndTerms(db.Set<Issuer>()).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
    }
}
