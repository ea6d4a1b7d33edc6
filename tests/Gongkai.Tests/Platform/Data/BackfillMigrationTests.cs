using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongkai.Tests.Platform.Data;

/// <summary>One-off backfills run as a migration step: once per database, just before their marker migration, and
/// not again on later starts.</summary>
public sealed class BackfillMigrationTests
{
    private sealed class RecordingBackfill : IDataBackfill
    {
        public string Migration => "BackfillRequestClosing";

        public List<List<string>> AppliedAtEachRun { get; } = [];

        public async Task RunAsync(GongkaiDbContext db, CancellationToken cancellationToken) =>
            AppliedAtEachRun.Add((await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList());
    }

    [Fact]
    public async Task A_backfill_runs_once_before_its_marker_migration_and_never_on_later_starts()
    {
        using var database = TestDatabase.Create();
        var backfill = new RecordingBackfill();

        await using (var db = MigrationContexts.Open(database))
        {
            await DatabaseInitializer.MigrateAsync(db, [backfill], NullLogger.Instance, CancellationToken.None);
        }

        await using (var db = MigrationContexts.Open(database))
        {
            await DatabaseInitializer.MigrateAsync(db, [backfill], NullLogger.Instance, CancellationToken.None);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var all = db.Database.GetMigrations().ToList();
            var marker = all.FindIndex(m => m.EndsWith("_BackfillRequestClosing", StringComparison.Ordinal));
            var run = Assert.Single(backfill.AppliedAtEachRun);
            Assert.Equal(all[..marker], run);
        }
    }
}
