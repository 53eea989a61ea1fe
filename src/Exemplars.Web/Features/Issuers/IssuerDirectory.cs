using Exemplars.Domain.Documents;
using Exemplars.Web.Features.Documents;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Issuers;

/// <summary>
/// The issuers documents are printed for: by symbol, or the first one recorded. An empty table gets the demo issuer
/// from configuration ("Documents:*"), which the administrator then edits on the Issuers pages.
/// </summary>
public static class IssuerDirectory
{
    /// <summary>Issuers read with what a document or the admin page prints of them: officers and committee terms, not tracked.</summary>
    public static IQueryable<Issuer> WithOfficersAndTerms(IQueryable<Issuer> query) =>
        query.AsNoTracking().Include(i => i.Officers).Include(i => i.Terms).AsSplitQuery();

    public sealed class Handler(AppDbContext db, DocumentSettings settings)
    {
        /// <summary>The issuer of the configured symbol ("Documents:Symbol", the bloc by default), created from configuration if missing.</summary>
        public async Task<Issuer> Default(CancellationToken cancellationToken)
        {
            var symbol = settings.Bloc.Symbol;
            return await Load(db.Set<Issuer>().Where(i => i.Symbol == symbol), cancellationToken) ?? await CreateDefault(cancellationToken);
        }

        /// <summary>
        /// The default issuer's names for screens and messages: only the four columns they come from (no officers or
        /// terms), creating the issuer from configuration when it is missing.
        /// </summary>
        public async Task<OrganNames> DefaultNames(CancellationToken cancellationToken)
        {
            var symbol = settings.Bloc.Symbol;
            var names = await db.Set<Issuer>().AsNoTracking().Where(i => i.Symbol == symbol)
                .Select(i => new Issuer { OrganName = i.OrganName, SuperiorOrgan = i.SuperiorOrgan, AdvisingBoard = i.AdvisingBoard, PartyName = i.PartyName })
                .FirstOrDefaultAsync(cancellationToken);
            return OrganNames.Of(names ?? await Default(cancellationToken));
        }

        public async Task<Issuer> BySymbol(string symbol, CancellationToken cancellationToken) =>
            await Load(db.Set<Issuer>().Where(i => i.Symbol == symbol), cancellationToken) ?? await Default(cancellationToken);

        private static Task<Issuer?> Load(IQueryable<Issuer> query, CancellationToken cancellationToken) =>
            WithOfficersAndTerms(query).FirstOrDefaultAsync(cancellationToken);

        private async Task<Issuer> CreateDefault(CancellationToken cancellationToken)
        {
            var issuer = settings.DefaultIssuer();
            db.Set<Issuer>().Add(issuer);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request created it at the same moment: the unique symbol refused ours; use theirs.
                db.ChangeTracker.Clear();
            }

            return await Load(db.Set<Issuer>().Where(i => i.Symbol == issuer.Symbol), cancellationToken) ?? throw new InvalidOperationException("No issuer could be created.");
        }
    }

    /// <summary>The position printed over a signature: the named signer's own, if an officer in office that day; else the signing officer's.</summary>
    public static string PositionOf(Issuer issuer, string signer, DateOnly date) =>
        issuer.Officers.FirstOrDefault(o => o.FullName == signer && o.InOfficeOn(date))?.Position ?? issuer.SignerOn(date)?.Position ?? string.Empty;
}
