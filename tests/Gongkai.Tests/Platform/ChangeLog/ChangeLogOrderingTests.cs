using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.ChangeLog;

/// <summary>
/// Followers read "id &gt; cursor". That is only safe if no row ever commits below a position a reader has passed.
/// These tests run on SQLite and PostgreSQL with the same code: SQLite serialises writers, so it passes there
/// trivially; on PostgreSQL it holds only because of <see cref="ChangeLogOrderingInterceptor"/>.
/// </summary>
public sealed class ChangeLogOrderingTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // The application's own followers run beside these tests and append rows of their own (the public log's
    // sequencer does); the assertions look only at the rows these tests write.
    private const string TestEntity = "test";

    [Fact]
    public async Task Concurrent_writers_never_make_a_concurrent_follower_skip_or_repeat_a_row()
    {
        const int writers = 8;
        const int unitsPerWriter = 50;
        const int rowsPerUnit = 2;
        var run = Guid.NewGuid().ToString("N");
        var start = await LatestAsync();
        using var writersDone = new CancellationTokenSource();

        // The follower: reads past its cursor in a tight loop while the writers work, like a pump that never sleeps.
        var seen = new List<ChangeLogEntry>();
        var follower = Task.Run(async () =>
        {
            var position = start;
            while (true)
            {
                var finished = writersDone.IsCancellationRequested;
                using var scope = factory.Services.CreateScope();
                var batch = await scope.ServiceProvider.GetRequiredService<ChangeLogReader>().ReadAfterAsync(position);
                seen.AddRange(batch);
                if (batch.Count > 0)
                {
                    position = batch[^1].Id;
                }
                else if (finished)
                {
                    return; // Caught up after the last writer finished.
                }

                await Task.Yield();
            }
        });

        // Half the writers keep their own transaction open a moment after inserting, widening the window in which
        // a later id could commit first if nothing kept them in order.
        var work = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var unit = 0; unit < unitsPerWriter; unit++)
            {
                using var scope = factory.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
                for (var row = 0; row < rowsPerUnit; row++)
                {
                    db.RecordChange(new ChangeKind("test.appended", "test"), $"{writer}-{unit}-{row}", detail: run);
                }

                if (writer % 2 == 0)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await db.SaveChangesAsync();
                    await Task.Delay(unit % 3);
                    await transaction.CommitAsync();
                }
                else
                {
                    await db.SaveChangesAsync();
                }
            }
        })).ToArray();

        await Task.WhenAll(work).WaitAsync(TimeSpan.FromMinutes(3));
        await writersDone.CancelAsync();
        await follower.WaitAsync(Patience);

        var ids = seen.Where(e => e.Entity == TestEntity).Select(e => e.Id).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var committed = await CommittedIdsAfterAsync(start);
        Assert.Equal(writers * unitsPerWriter * rowsPerUnit, seen.Count(e => e.Detail == run));
        // Every committed row reached the follower: none committed behind its cursor.
        Assert.Equal(committed, ids);
    }

    [Fact]
    public async Task A_later_appender_waits_while_an_earlier_appending_transaction_is_open()
    {
        var start = await LatestAsync();
        using var firstScope = factory.Services.CreateScope();
        var first = firstScope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.RecordChange(new ChangeKind("test.first", "test"), "first");
        await first.SaveChangesAsync();

        using var secondScope = factory.Services.CreateScope();
        var second = secondScope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        second.RecordChange(new ChangeKind("test.second", "test"), "second");
        // A lone INSERT: EF Core would send it without a transaction if the interceptor did not ask for one.
        // (Task.Run because SQLite's provider waits for the write lock synchronously, inside the call.)
        var secondSave = Task.Run(() => second.SaveChangesAsync());

        await Task.Delay(500);
        Assert.False(secondSave.IsCompleted, "the second append committed while the first was still open");
        Assert.Empty(await CommittedIdsAfterAsync(start));

        await transaction.CommitAsync();
        await secondSave.WaitAsync(Patience);

        var rows = await ReadAfterAsync(start);
        Assert.Equal(["first", "second"], rows.Select(r => r.EntityId));
    }

    [Fact]
    public async Task A_save_that_fails_on_a_concurrency_conflict_releases_the_change_log_at_once()
    {
        var start = await LatestAsync();
        var userId = Guid.NewGuid().ToString();
        using (var setupScope = factory.Services.CreateScope())
        {
            var setup = setupScope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            setup.Users.Add(new StaffUser { Id = userId, UserName = $"conflict-{userId}", BodyId = 1, ConcurrencyStamp = "one" });
            await setup.SaveChangesAsync();
        }

        using var staleScope = factory.Services.CreateScope();
        var stale = staleScope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var user = await stale.Users.SingleAsync(u => u.Id == userId);

        using (var otherScope = factory.Services.CreateScope())
        {
            var other = otherScope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var fresh = await other.Users.SingleAsync(u => u.Id == userId);
            fresh.DisplayName = "改过了";
            fresh.ConcurrencyStamp = "two";
            await other.SaveChangesAsync();
        }

        user.DisplayName = "过时的修改";
        stale.RecordChange(new ChangeKind("test.conflicted", "user"), userId);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());

        // The failed unit of work is still alive (not disposed); it must hold neither a transaction nor the lock.
        Assert.Null(stale.Database.CurrentTransaction);
        using var nextScope = factory.Services.CreateScope();
        var next = nextScope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        next.RecordChange(new ChangeKind("test.after-conflict", "test"), "next");
        await next.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var rows = await ReadAfterAsync(start);
        Assert.Equal(["test.after-conflict"], rows.Select(r => r.Kind));
    }

    [Fact]
    public async Task Without_ordering_a_reader_can_pass_a_row_that_commits_later_on_PostgreSQL_only()
    {
        // The hazard the interceptor exists for, shown with contexts that bypass it. On PostgreSQL, a later id commits
        // while an earlier one is still open, and a reader that passes it will never see the earlier row. On SQLite
        // the second writer cannot even start while the first holds the write lock: the serial behaviour that makes
        // SQLite safe without any lock of ours.
        var start = await LatestAsync();
        await using var first = BareContext();
        await using var second = BareContext();
        await using var transaction = await first.Database.BeginTransactionAsync();
        var early = Entry("early");
        first.Add(early);
        await first.SaveChangesAsync();

        var late = Entry("late");
        second.Add(late);
        if (factory.Database.IsPostgres)
        {
            await second.SaveChangesAsync();
            Assert.True(early.Id < late.Id);

            var visible = await ReadAfterAsync(start);
            Assert.Equal(["late"], visible.Select(r => r.EntityId));

            await transaction.CommitAsync();
            Assert.Empty(await ReadAfterAsync(late.Id));            // a follower now at "late" …
            Assert.Contains(early.Id, await CommittedIdsAfterAsync(start)); // … has skipped "early" for good.
        }
        else
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
            await transaction.CommitAsync();
            Assert.Equal(["early"], (await ReadAfterAsync(start)).Select(r => r.EntityId));
        }
    }

    private GongkaiDbContext BareContext() => factory.Database.IsPostgres
        ? new PostgresGongkaiDbContext(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql(factory.Database.ConnectionString).Options)
        // One second of waiting for the write lock instead of thirty.
        : new SqliteGongkaiDbContext(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite(factory.Database.ConnectionString + ";Default Timeout=1").Options);

    private static ChangeLogEntry Entry(string entityId) =>
        new() { Kind = "test.hazard", Entity = "test", EntityId = entityId, At = DateTimeOffset.UtcNow };

    private async Task<long> LatestAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChangeLogReader>().LatestAsync();
    }

    private async Task<IReadOnlyList<ChangeLogEntry>> ReadAfterAsync(long position)
    {
        using var scope = factory.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ChangeLogReader>().ReadAfterAsync(position, 1000);
        return [.. rows.Where(r => r.Entity == TestEntity)];
    }

    private async Task<List<long>> CommittedIdsAfterAsync(long position)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ChangeLogEntry>()
            .Where(e => e.Id > position && e.Entity == TestEntity).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
    }
}
