using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Review;

/// <summary>A dossier's kept verification records, for anyone who may see the dossier (nothing otherwise).</summary>
public static class VerificationHistory
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<IReadOnlyList<VerifyNomination.Record>> Handle(int nominationId, CancellationToken cancellationToken) =>
            await db.Visible(user).AnyAsync(n => n.Id == nominationId, cancellationToken)
                ? await VerifyNomination.HistoryAsync(db, nominationId, cancellationToken)
                : [];
    }
}
