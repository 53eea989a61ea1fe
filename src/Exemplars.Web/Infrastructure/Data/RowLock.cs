using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// Row locks for writes that must not interleave (ADR 012). Call inside the caller's transaction, before reading what
/// the write depends on. On PostgreSQL this is <c>SELECT … FOR UPDATE</c> (exclusive) or <c>FOR SHARE</c> (shared with
/// other sharers, exclusive against <c>FOR UPDATE</c>) on the one row, held until the transaction ends. On SQLite every
/// transaction the app opens is <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), which already holds the
/// database's single write lock from its first statement, so nothing more is needed there.
/// </summary>
public static class RowLock
{
    /// <summary>The tables that may be locked here (constants only: the name is part of the SQL text).</summary>
    public const string Nominations = "nominations";

    public const string Ballots = "ballots";

    public const string Stories = "exemplar_stories";

    public static Task ExclusiveAsync(AppDbContext db, string table, int id, CancellationToken cancellationToken) =>
        TakeAsync(db, table, id, "UPDATE", cancellationToken);

    public static Task SharedAsync(AppDbContext db, string table, int id, CancellationToken cancellationToken) =>
        TakeAsync(db, table, id, "SHARE", cancellationToken);

    private static async Task TakeAsync(AppDbContext db, string table, int id, string mode, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock is only held inside a transaction.");
        }

        if (table is not (Nominations or Ballots or Stories))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "Not a lockable table.");
        }

        if (db is PostgresAppDbContext)
        {
#pragma warning disable EF1002 // the table and mode are constants checked above; the id is a parameter
            await db.Database.ExecuteSqlRawAsync($"SELECT 1 FROM {table} WHERE \"Id\" = {{0}} FOR {mode}", [id], cancellationToken);
#pragma warning restore EF1002
        }
    }
}
