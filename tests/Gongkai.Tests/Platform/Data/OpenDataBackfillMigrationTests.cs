using Gongkai.OpenData;
using Gongkai.OpenData.Data;
using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongkai.Tests.Platform.Data;

/// <summary>The open-data backfill is the step of migration <c>BackfillOpenDataChanges</c>: on a database at the schema
/// before it, holding published, withdrawn and unpublished records and file datasets, migrating writes one change-log
/// row per published thing (and the withdrawal of a withdrawn record) exactly once.</summary>
public sealed class OpenDataBackfillMigrationTests
{
    [Fact]
    public async Task Migrating_a_database_from_before_the_change_writes_the_rows_for_what_is_published_once_and_later_starts_add_nothing()
    {
        using var database = TestDatabase.Create();
        var backfill = new OpenDataChangeBackfill(NullLogger<OpenDataChangeBackfill>.Instance);
        long published, withdrawn;
        int publishedFile;
        await using (var db = MigrationContexts.Open(database))
        {
            var all = db.Database.GetMigrations().ToList();
            var marker = all.FindIndex(m => m.EndsWith("_BackfillOpenDataChanges", StringComparison.Ordinal));
            Assert.True(marker > 0, "the marker migration exists");
            await db.GetService<IMigrator>().MigrateAsync(all[marker - 1]);

            var now = DateTimeOffset.UtcNow;
            DataRecord Record(string key, RecordStatus status, int version) => new()
            {
                RecordTypeId = 1, SchemaVersion = 1, BodyId = 1, NaturalKey = key, Title = key, Status = status, ValuesJson = "{}",
                PublicValuesJson = version > 0 ? "{}" : null, CurrentVersion = version, CreatedAt = now, UpdatedAt = now, PublishedAt = version > 0 ? now : null,
            };
            var records = new[]
            {
                Record("published", RecordStatus.Published, 2), Record("withdrawn", RecordStatus.Withdrawn, 1), Record("draft", RecordStatus.Draft, 0),
                Record("waiting", RecordStatus.AwaitingReview, 0),
            };
            var files = new[]
            {
                new FileDataset { BodyId = 1, Name = "body-file-1", Title = "已公开", PublishedVersion = 2, CreatedAt = now, UpdatedAt = now },
                new FileDataset { BodyId = 1, Name = "body-file-2", Title = "待审核", PublishedVersion = 0, CreatedAt = now, UpdatedAt = now },
            };
            db.AddRange(records);
            db.AddRange(files);
            // A row the record got when it was published, long passed by followers that did not follow open data then.
            db.Add(new ChangeLogEntry { Kind = OpenDataChanges.RecordPublished.Name, Entity = "data-record", EntityId = "0", At = now });
            await db.SaveChangesAsync();
            (published, withdrawn, publishedFile) = (records[0].Id, records[1].Id, files[0].Id);
        }

        await using (var db = MigrationContexts.Open(database))
        {
            await DatabaseInitializer.MigrateAsync(db, [backfill], NullLogger.Instance, CancellationToken.None);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(
                [$"record.published {published}", $"record.published {withdrawn}", $"record.withdrawn {withdrawn}", $"file-dataset.published {publishedFile}"],
                await WrittenAsync(db));
        }

        await using (var db = MigrationContexts.Open(database))
        {
            // A later start: the marker is applied, the backfill does not run; run by hand (a crash before the marker) it adds nothing.
            await DatabaseInitializer.MigrateAsync(db, [backfill], NullLogger.Instance, CancellationToken.None);
            Assert.Equal(0, await OpenDataChangeBackfill.RunAsync(db));
            Assert.Equal(4, (await WrittenAsync(db)).Count);
        }
    }

    private static async Task<List<string>> WrittenAsync(GongkaiDbContext db) =>
        (await db.Set<ChangeLogEntry>().AsNoTracking().Where(e => e.Detail == OpenDataChangeBackfill.Detail).OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.EntityId }).ToListAsync()).Select(e => $"{e.Kind} {e.EntityId}").ToList();
}
