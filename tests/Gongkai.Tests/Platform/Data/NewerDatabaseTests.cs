using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Platform.Data;

/// <summary>A database migrated by a newer build (applied migrations this build does not know) is refused, by the
/// portal and by the <c>migrate</c> verb, with the unknown migrations named — never served with a stale model.</summary>
public sealed class NewerDatabaseTests
{
    private const string FutureMigration = "29991231235959_FromANewerBuild";

    private static async Task<TestDatabase> NewerDatabaseAsync()
    {
        var database = TestDatabase.Create();
        await using var db = MigrationContexts.Open(database);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({0}, '10.0.15')", FutureMigration);
        return database;
    }

    [Fact]
    public async Task The_migrate_verb_refuses_a_database_from_a_newer_build_and_names_the_unknown_migration()
    {
        using var database = await NewerDatabaseAsync();

        var (exitCode, _, error) = await AppProcess.RunAsync(database, "Production", null, "migrate");

        Assert.Equal(3, exitCode);
        Assert.Contains(FutureMigration, error, StringComparison.Ordinal);
        Assert.Contains("请使用更新的版本运行", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_refuses_to_start_on_a_database_from_a_newer_build()
    {
        using var database = await NewerDatabaseAsync();

        var (exitCode, _, error) = await AppProcess.RunAsync(database, "Production", null, "--urls", "http://127.0.0.1:0");

        Assert.Equal(3, exitCode);
        Assert.Contains(FutureMigration, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_initializer_refuses_before_touching_the_schema()
    {
        using var database = await NewerDatabaseAsync();
        await using var db = MigrationContexts.Open(database);

        var refusal = await Assert.ThrowsAsync<DatabaseNewerThanBuildException>(
            () => DatabaseInitializer.MigrateAsync(db, [], Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None));

        Assert.Equal([FutureMigration], refusal.UnknownMigrations);
    }
}

/// <summary>A context on a test database without the application around it, for setting up old or odd schemas.</summary>
public static class MigrationContexts
{
    public static GongkaiDbContext Open(TestDatabase database) => database.IsPostgres
        ? new PostgresGongkaiDbContext(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteGongkaiDbContext(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite(database.ConnectionString).Options);
}
