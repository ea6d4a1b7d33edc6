using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Data;

/// <summary>Reads the change log in id order and keeps followers' durable cursors. Reading <c>id &gt; cursor</c> is
/// safe because ids commit in id order (<see cref="ChangeLogOrderingInterceptor"/>): a row never appears below a
/// position a follower has already passed.</summary>
public sealed class ChangeLogReader(GongkaiDbContext db, TimeProvider clock)
{
    public const int BatchSize = 100;

    public async Task<IReadOnlyList<ChangeLogEntry>> ReadAfterAsync(long position, int max = BatchSize, CancellationToken cancellationToken = default) =>
        await db.Set<ChangeLogEntry>().AsNoTracking()
            .Where(e => e.Id > position)
            .OrderBy(e => e.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

    /// <summary>The highest id in the log, 0 when it is empty.</summary>
    public async Task<long> LatestAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ChangeLogEntry>().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;

    public async Task<int> CountAfterAsync(long position, CancellationToken cancellationToken = default) =>
        await db.Set<ChangeLogEntry>().CountAsync(e => e.Id > position, cancellationToken);

    /// <summary>Where the follower with this cursor key stands; 0 (the beginning) when it never ran.</summary>
    public async Task<long> PositionAsync(string cursorKey, CancellationToken cancellationToken = default) =>
        await db.Set<ChangeLogCursor>().AsNoTracking()
            .Where(c => c.Follower == cursorKey)
            .Select(c => (long?)c.Position)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>Moves the cursor forward to <paramref name="position"/>; never backwards, so a slow duplicate
    /// applier (two processes sharing a node id, a lease handover) cannot undo progress.</summary>
    public async Task AdvanceAsync(string cursorKey, long position, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var moved = await db.Set<ChangeLogCursor>()
                .Where(c => c.Follower == cursorKey && c.Position < position)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, position).SetProperty(c => c.UpdatedAt, now), cancellationToken);
            if (moved > 0 || await db.Set<ChangeLogCursor>().AnyAsync(c => c.Follower == cursorKey, cancellationToken))
            {
                return;
            }

            var cursor = new ChangeLogCursor { Follower = cursorKey, Position = position, UpdatedAt = now };
            db.Add(cursor);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                // Someone created the row between our check and insert; the conditional update settles it.
            }
            finally
            {
                db.Entry(cursor).State = EntityState.Detached;
            }
        }
    }
}
