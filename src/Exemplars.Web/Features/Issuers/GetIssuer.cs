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
            db.Set<Issuer>().AsNoTracking().Include(i => i.Officers).Include(i => i.Terms).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
    }
}
