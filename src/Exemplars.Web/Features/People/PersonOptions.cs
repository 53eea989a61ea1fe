using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>The people a form offers (e.g. whom a clerk may nominate): active people in the caller's scope, by name.</summary>
public static class PersonOptions
{
    public sealed record Item(int Id, string Label);

    public const int Limit = 2000;

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<IReadOnlyList<Item>> Handle(CancellationToken cancellationToken) =>
            (await db.People.InScopeOf(user).Where(p => p.IsActive).OrderBy(p => p.FullName).Select(p => new { p.Id, p.FullName, p.Code }).Take(Limit).ToListAsync(cancellationToken))
                .Select(p => new Item(p.Id, $"{p.FullName} ({p.Code})")).ToList();
    }
}
