using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Data;

/// <summary>Something a module seeds on start: reference data always, demo content only in demo mode.</summary>
public interface IStartupSeeder
{
    /// <summary>Lower runs first (bodies before the accounts that belong to them).</summary>
    int Order { get; }

    Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken);
}

/// <summary>
/// A one-off data fix that runs once per database, as a step of the migrations: it runs when its marker migration
/// (an empty migration named <see cref="Migration"/>, added with scripts/add-migration) is pending, against the schema
/// of the migration before the marker, and the marker is applied right after. A crash in between runs it again, so
/// it must be idempotent.
/// </summary>
public interface IDataBackfill
{
    /// <summary>The marker migration's name without its timestamp, e.g. <c>BackfillRequestClosing</c>.</summary>
    string Migration { get; }

    Task RunAsync(GongkaiDbContext db, CancellationToken cancellationToken);
}

/// <summary>The database was migrated by a newer build: this one does not know some applied migrations and must not
/// run on it (its model would silently disagree with the tables).</summary>
public sealed class DatabaseNewerThanBuildException(IReadOnlyList<string> unknown)
    : InvalidOperationException(
        $"数据库已由更新版本的 Gongkai 升级，含本版本不认识的迁移：{string.Join("、", unknown)}。请使用更新的版本运行（数据库不能降级）。"
        + $" The database was migrated by a newer Gongkai build (unknown migrations: {string.Join(", ", unknown)}); run that newer build.")
{
    public IReadOnlyList<string> UnknownMigrations { get; } = unknown;
}

/// <summary>Brings the database to the current schema (an older database is upgraded in place, one-off backfills run as
/// migration steps) and runs the seeders, before the server accepts requests. Refuses a database from a newer build.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IOptions<GongkaiOptions> options, IHostEnvironment environment, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        await MigrateAsync(db, scope.ServiceProvider.GetServices<IDataBackfill>(), logger, cancellationToken);

        var demo = options.Value.Demo.IsOn(environment);
        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(scope.ServiceProvider, demo, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies pending migrations; each backfill runs just before its marker migration is applied.</summary>
    public static async Task MigrateAsync(GongkaiDbContext db, IEnumerable<IDataBackfill> backfills, ILogger logger, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var refusal = new DatabaseNewerThanBuildException(unknown);
            logger.LogCritical("{Message}", refusal.Message);
            throw refusal;
        }

        var pending = known.Except(applied, StringComparer.Ordinal).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        var migrator = db.GetService<IMigrator>();
        var byMarker = backfills.ToDictionary(b => b.Migration, StringComparer.Ordinal);
        foreach (var migration in pending)
        {
            if (!byMarker.TryGetValue(MigrationName(migration), out var backfill))
            {
                continue;
            }

            var index = known.IndexOf(migration);
            await migrator.MigrateAsync(index == 0 ? Migration.InitialDatabase : known[index - 1], cancellationToken);
            logger.LogInformation("Running the one-off backfill of migration {Migration}.", migration);
            await backfill.RunAsync(db, cancellationToken);
            db.ChangeTracker.Clear();
        }

        await migrator.MigrateAsync(cancellationToken: cancellationToken);
    }

    /// <summary><c>20261201120000_BackfillRequestClosing</c> → <c>BackfillRequestClosing</c>.</summary>
    private static string MigrationName(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
