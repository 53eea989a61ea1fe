using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Issuers;

/// <summary>Sổ đăng ký văn bản: every number issued, by issuer, term and type, newest first.</summary>
public static class DocumentRegister
{
    public sealed record Row(string Issuer, int Term, DocumentType Type, string Number, DateOnly Date, string Title, string Signer, string CreatedBy);

    /// <summary>
    /// The next number of an issuer's document type in a term (from 01, after the highest taken). Every writer of the
    /// register asks here; the unique index on issuer, type, term and number refuses a number taken at the same moment.
    /// </summary>
    public static async Task<int> NextNumberAsync(AppDbContext db, string issuer, DocumentType type, int term, CancellationToken cancellationToken) =>
        DocumentNumber.Next(await db.Decisions.Where(d => d.Issuer == issuer && d.Type == type && d.Term == term).Select(d => d.Number).ToListAsync(cancellationToken));

    /// <summary>
    /// Issues a document under the next number of the register. <paramref name="attempt"/> (given the attempt's index,
    /// from 0) reads what it needs, takes <see cref="NextNumberAsync"/>, adds its register row and whatever goes with it
    /// and saves, all inside one transaction, committed only when it succeeds (a failure leaves nothing saved and no
    /// number taken). When the unique index on issuer, type, term and number refuses a number someone took at the same
    /// moment, the tracked changes are dropped and the attempt runs again to take the next (up to 20 times).
    /// </summary>
    public static async Task<Result<T>> IssueAsync<T>(AppDbContext db, Func<int, CancellationToken, Task<Result<T>>> attempt, CancellationToken cancellationToken)
    {
        for (var tries = 0; ; tries++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await attempt(tries, cancellationToken);
                if (result.IsSuccess)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return result;
            }
            catch (DbUpdateException) when (tries < 20)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<IReadOnlyList<Row>>> Handle(CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanSee(user) && !user.IsInRole(Domain.Users.Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không xem sổ đăng ký văn bản.");
            }

            var rows = await db.Decisions.AsNoTracking()
                .OrderBy(d => d.Issuer).ThenByDescending(d => d.Term).ThenBy(d => d.Type).ThenByDescending(d => d.Number)
                .Take(5000)
                .Select(d => new { d.Issuer, d.Term, d.Type, d.Number, d.Date, d.Title, d.Signer, d.CreatedBy })
                .ToListAsync(cancellationToken);
            return rows.Select(d => new Row(d.Issuer, d.Term, d.Type, DocumentNumber.Format(d.Number, d.Type, d.Issuer), d.Date, d.Title, d.Signer, d.CreatedBy)).ToList();
        }
    }
}
