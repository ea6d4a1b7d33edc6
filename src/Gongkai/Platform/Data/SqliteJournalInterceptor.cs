using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Platform.Data;

/// <summary>
/// How every SQLite connection waits for the write lock, and the journal it writes through.
/// <para><b>busy_timeout.</b> Without it SQLite reports "busy" at once and Microsoft.Data.Sqlite retries the statement
/// after sleeping 150 ms; with many small concurrent writes (hotline intake, comments) most of a request's time went
/// into those sleeps (docs/PERFORMANCE.md, the 12345 hotline). SQLite's own handler waits in steps of a few
/// milliseconds instead; the provider's retry stays behind it until the command timeout.</para>
/// <para><b>WAL.</b> A database created by the migrations is already in write-ahead-log mode (EF Core creates it so),
/// and the mode is stored in the file; setting it on each connection is a no-op read that also converts a file
/// restored or copied by hand. Readers never wait for the writer. <c>synchronous</c> stays FULL: a commit that was
/// acknowledged survives a power cut.</para>
/// </summary>
internal sealed class SqliteJournalInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
