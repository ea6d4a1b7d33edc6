using Gongkai.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Tests.Platform.Data;

/// <summary>The databases made by release builds (see v0.1/README.md), put into a test's fresh database before the
/// application starts: the SQLite file is copied over, the PostgreSQL dump is executed.</summary>
public static class ReleaseDatabases
{
    /// <summary>Tracking number and query code of the application filed through the v0.1 API, per provider.</summary>
    public static (string TrackingNumber, string Code) V01Application(TestDatabase database) =>
        database.IsPostgres ? ("YSQ-2026-000001", "9H6776WSXX") : ("YSQ-2026-000001", "VA9MJHF6XZ");

    public static async Task RestoreV01Async(TestDatabase database)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Platform", "Data", "v0.1");
        if (!database.IsPostgres)
        {
            var target = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            File.Copy(Path.Combine(folder, "gongkai-sqlite.db"), target, overwrite: true);
            return;
        }

        // pg_dump's psql meta-commands (\restrict …) are not SQL; everything else runs as one batch. A connection of
        // its own: the dump empties search_path for its session.
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "gongkai-postgres.sql"));
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith('\\')));
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }
}
