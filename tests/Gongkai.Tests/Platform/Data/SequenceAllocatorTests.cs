using System.Data.Common;
using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Tests.Platform.Data;

/// <summary>Numbers people quote (索引号, tracking numbers) never repeat, however many callers ask at once.</summary>
public sealed class SequenceAllocatorTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private async Task<long> NextAsync(string scope, int count = 1, long startAfter = 0)
    {
        using var services = factory.Services.CreateScope();
        return await services.ServiceProvider.GetRequiredService<SequenceAllocator>().NextAsync(scope, _ => Task.FromResult(startAfter), count);
    }

    [Fact]
    public async Task Callers_on_separate_connections_at_the_same_moment_all_get_distinct_numbers()
    {
        _ = factory.Services; // start the host once, before the callers race
        var numbers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => NextAsync("test/parallel"))));

        Assert.Equal(Enumerable.Range(1, 30).Select(n => (long)n), numbers.Order());
    }

    [Fact]
    public async Task A_new_scope_starts_after_the_numbers_given_before_it_existed_and_blocks_do_not_overlap()
    {
        Assert.Equal(42, await NextAsync("test/seeded", startAfter: 41));
        Assert.Equal(43, await NextAsync("test/seeded", count: 10, startAfter: 999));
        Assert.Equal(53, await NextAsync("test/seeded"));
        Assert.Equal(1, await NextAsync("test/other"));
    }

    [Fact]
    public async Task Reading_does_not_wait_for_a_writer_that_holds_the_write_lock()
    {
        Assert.Equal(1, await NextAsync("test/locked"));

        // Another writer (an import, a long review step) holds the database's write lock and has changed a row.
        await using DbConnection writer = factory.Database.IsPostgres
            ? new NpgsqlConnection(factory.Database.ConnectionString)
            : new SqliteConnection(factory.Database.ConnectionString);
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            // EXCLUSIVE: under SQLite's rollback journal this would lock every reader out until the commit (WAL lets them read).
            begin.CommandText = factory.Database.IsPostgres ? "BEGIN" : "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }

        if (!factory.Database.IsPostgres)
        {
            await using var mode = writer.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
        }

        await using (var update = writer.CreateCommand())
        {
            update.CommandText = "UPDATE sequences SET \"Last\" = 500 WHERE \"Scope\" = 'test/locked'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        // A page's read meanwhile answers at once, with the last committed value.
        using var services = factory.Services.CreateScope();
        var db = services.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var read = db.Set<Sequence>().AsNoTracking().Where(s => s.Scope == "test/locked").Select(s => s.Last).SingleAsync();
        Assert.Equal(1, await read.WaitAsync(TimeSpan.FromSeconds(20)));

        await using var rollback = writer.CreateCommand();
        rollback.CommandText = "ROLLBACK";
        await rollback.ExecuteNonQueryAsync();
    }
}
