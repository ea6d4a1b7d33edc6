using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Platform.Data;

/// <summary>
/// What happens whenever a unit of work appends to the change log.
/// <para><b>Ordering (PostgreSQL).</b> A sequence hands out ids at insert time, so two concurrent writers could
/// commit 11 before 10, and a follower that had read 11 would skip 10 forever. Every unit of work that appends
/// to the change log therefore takes one transaction-scoped advisory lock <i>before</i> its INSERT; the lock is
/// held until commit, so ids are drawn and committed in lock order and a reader that sees id N already sees every
/// committed id below N. SQLite has a single writer and needs nothing.</para>
/// <para><b>Wake-up.</b> After the append commits, followers in this process are woken at once instead of at their
/// next poll (<see cref="ChangeLogAppended"/>).</para>
/// <para>EF Core keeps owning the transaction: when there is none, we ask it to start one even for a single
/// statement (<see cref="AutoTransactionBehavior.Always"/>) and take the lock the moment it starts. An earlier
/// version began its own transaction here and committed it in <c>SavedChanges</c>; that leaked the open
/// transaction (and the lock) on cancellation and on concurrency conflicts, which EF Core reports through other
/// hooks, and committed only after EF had already accepted the changes.</para>
/// </summary>
internal sealed class ChangeLogOrderingInterceptor(ChangeLogAppended appended) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Arbitrary constant naming the change log's advisory lock.</summary>
    public const long AdvisoryLockKey = 0x476F6E676B6169; // "Gongkai"

    private static readonly string LockSql = FormattableString.Invariant($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})");

    private static readonly object Marker = new();

    /// <summary>Contexts about to let EF Core begin the transaction for a save that appends: lock as it starts.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _lockWhenTransactionStarts = [];

    /// <summary>Contexts that appended and have not committed yet: wake the followers when they do.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _appendedUncommitted = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && AppendsToChangeLog(context))
        {
            _appendedUncommitted.AddOrUpdate(context, Marker);
            if (context.Database.IsNpgsql())
            {
                if (context.Database.CurrentTransaction is null)
                {
                    ExpectTransaction(context);
                }
                else
                {
                    // The caller's own transaction: the lock is held until the caller commits or rolls back.
                    await context.Database.ExecuteSqlRawAsync(LockSql, cancellationToken);
                }
            }
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && AppendsToChangeLog(context))
        {
            _appendedUncommitted.AddOrUpdate(context, Marker);
            if (context.Database.IsNpgsql())
            {
                if (context.Database.CurrentTransaction is null)
                {
                    ExpectTransaction(context);
                }
                else
                {
                    context.Database.ExecuteSqlRaw(LockSql);
                }
            }
        }

        return result;
    }

    public async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _lockWhenTransactionStarts.Remove(context))
        {
            await using var command = LockCommand(connection, result);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (eventData.Context is { } context && _lockWhenTransactionStarts.Remove(context))
        {
            using var command = LockCommand(connection, result);
            command.ExecuteNonQuery();
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SaveFinished(eventData.Context, succeeded: true);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SaveFinished(eventData.Context, succeeded: true);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveFinished(eventData.Context, succeeded: false);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveFinished(eventData.Context, succeeded: false);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveFinished(eventData.Context, succeeded: false);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => SaveFinished(eventData.Context, succeeded: false);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _appendedUncommitted.Remove(context))
        {
            appended.Signal();
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _appendedUncommitted.Remove(context);
        }
    }

    private void ExpectTransaction(DbContext context)
    {
        // Without this EF Core sends a lone INSERT without a transaction, and there would be nowhere to hold the
        // lock. Leaving the setting on afterwards only wraps later single-statement saves of this (short-lived,
        // scoped) context in BEGIN/COMMIT.
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        _lockWhenTransactionStarts.AddOrUpdate(context, Marker);
    }

    private void SaveFinished(DbContext? context, bool succeeded)
    {
        if (context is null)
        {
            return;
        }

        // Normally removed when the transaction started; a save that failed before reaching the database must not
        // make a later, unrelated transaction of this context take the lock.
        _lockWhenTransactionStarts.Remove(context);
        if (context.Database.CurrentTransaction is null && _appendedUncommitted.Remove(context) && succeeded)
        {
            // EF Core's own transaction has committed (or SQLite autocommitted): the rows are visible now.
            appended.Signal();
        }
    }

    private static DbCommand LockCommand(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // A constant: no input reaches this SQL.
        command.CommandText = LockSql;
#pragma warning restore CA2100
        return command;
    }

    /// <summary>Change-log rows are only ever added with <c>Add</c> (<see cref="GongkaiDbContext.RecordChange"/>), so
    /// their state is already known; skipping change detection here avoids scanning a large unit of work twice.</summary>
    private static bool AppendsToChangeLog(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<ChangeLogEntry>().Any(e => e.State == EntityState.Added);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
