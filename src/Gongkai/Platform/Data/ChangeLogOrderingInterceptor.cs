using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Platform.Data;

/// <summary>
/// Keeps change-log ids committing in id order on PostgreSQL. A sequence hands out ids at insert time, so two
/// concurrent writers could commit 11 before 10 and a follower that had read 11 would skip 10 forever.
/// Every unit of work that appends to the change log therefore takes one transaction-scoped advisory lock
/// before inserting: ids are drawn and committed in lock order. SQLite has a single writer and needs nothing.
/// </summary>
internal sealed class ChangeLogOrderingInterceptor : SaveChangesInterceptor
{
    /// <summary>Arbitrary constant naming the change log's advisory lock.</summary>
    public const long AdvisoryLockKey = 0x476F6E676B6169; // "Gongkai"

    /// <summary>Transactions this interceptor opened, per context (an AsyncLocal would not flow back out of the async hook).</summary>
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var context = eventData.Context;
        if (context is null || !context.Database.IsNpgsql() || !AppendsToChangeLog(context))
        {
            return result;
        }

        if (context.Database.CurrentTransaction is null)
        {
            _owned.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken));
        }

        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        var context = eventData.Context;
        if (context is null || !context.Database.IsNpgsql() || !AppendsToChangeLog(context))
        {
            return result;
        }

        if (context.Database.CurrentTransaction is null)
        {
            _owned.AddOrUpdate(context, context.Database.BeginTransaction());
        }

        context.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})");
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            transaction.Commit();
            transaction.Dispose();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            await transaction.DisposeAsync();
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && _owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            transaction.Dispose();
        }
    }

    private static bool AppendsToChangeLog(DbContext context) =>
        context.ChangeTracker.Entries<ChangeLogEntry>().Any(e => e.State == EntityState.Added);
}
