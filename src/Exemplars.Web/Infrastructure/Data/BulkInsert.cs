using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// Inserts many new rows inside the context's current transaction at the database's raw rate (issue 14): binary
/// <c>COPY</c> on PostgreSQL, one prepared <c>INSERT</c> reused on SQLite. The rows bypass EF (no tracking, no per-row
/// audit, no interceptors), so callers audit a summary and tell the caches themselves. A duplicate key fails the whole
/// insert, which callers answer as a conflict and roll back.
/// </summary>
public static class BulkInsert
{
    public sealed record Column<T>(string Name, NpgsqlDbType PostgresType, Func<T, object?> Value);

    public static async Task RunAsync<T>(AppDbContext db, string table, IReadOnlyList<Column<T>> columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        switch (db.Database.GetDbConnection())
        {
            case NpgsqlConnection postgres:
                await using (var writer = await postgres.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken))
                {
                    foreach (var row in rows)
                    {
                        await writer.StartRowAsync(cancellationToken);
                        foreach (var column in columns)
                        {
                            if (column.Value(row) is { } value)
                            {
                                await writer.WriteAsync(value, column.PostgresType, cancellationToken);
                            }
                            else
                            {
                                await writer.WriteNullAsync(cancellationToken);
                            }
                        }
                    }

                    await writer.CompleteAsync(cancellationToken);
                }

                break;
            case SqliteConnection sqlite:
                await using (var command = sqlite.CreateCommand())
                {
                    command.Transaction = (SqliteTransaction)transaction;
                    command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
                    var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
                    command.Prepare();
                    foreach (var row in rows)
                    {
                        for (var i = 0; i < columns.Count; i++)
                        {
                            parameters[i].Value = Sqlite(columns[i].Value(row));
                        }

                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                }

                break;
            default:
                throw new NotSupportedException("Bulk insert supports PostgreSQL and SQLite.");
        }
    }

    /// <summary>True for a unique-key violation from either database.</summary>
    public static bool IsDuplicate(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } or SqliteException { SqliteErrorCode: 19 };

    /// <summary>Values as EF Core's SQLite provider writes them (GUIDs as upper-case text, so concurrency tokens match).</summary>
    private static object Sqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid guid => guid.ToString().ToUpperInvariant(),
        _ => value,
    };
}
