using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Requests.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>When the working-day calendar changes, every open request's due date is recomputed from its events, so
/// queues and reminders follow the new schedule. One node does it for the cluster.</summary>
public sealed class DeadlineRecomputer(GongkaiDbContext db, CalendarService calendars, CalendarCache cache, RequestDesk desk, ILogger<DeadlineRecomputer> logger) : IChangeLogFollower
{
    private const int ChunkSize = 2000;

    public string Name => "requests.deadlines";

    public ChangeLogFollowerScope Scope => ChangeLogFollowerScope.Cluster;

    public bool Follows(ChangeKind kind) => kind == CalendarChanges.Changed;

    public async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!batch.Any(e => Follows(ChangeKind.Of(e))))
        {
            return;
        }

        // Another node may have made the change: never recompute against a cached, older calendar.
        cache.Invalidate();
        await RecomputeOpenAsync(cancellationToken);
    }

    /// <summary>Recomputes all open requests in chunks; returns how many due dates changed. Each chunk is read without
    /// tracking (the requests, then their events in one query), walked without the day-by-day wording, and only the
    /// requests whose outcome changed are attached and saved, in one batched SaveChanges per chunk.</summary>
    public async Task<int> RecomputeOpenAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var today = desk.Today;
        var changed = 0;
        var lastId = 0;
        while (true)
        {
            var chunk = await db.Set<DisclosureRequest>().AsNoTracking()
                .WhereOpen().Where(r => r.Id > lastId).OrderBy(r => r.Id).Take(ChunkSize).ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                break;
            }

            var ids = chunk.Select(r => r.Id).ToList();
            var events = (await db.Set<RequestEventRecord>().AsNoTracking().Where(e => ids.Contains(e.RequestId)).ToListAsync(cancellationToken))
                .ToLookup(e => e.RequestId);
            foreach (var request in chunk)
            {
                try
                {
                    var computed = RequestClock.Compute(RequestDesk.ToClockEvents(events[request.Id]), RequestDesk.RuleSetOf(request), calendar, today, explain: false);
                    if (computed.DueOn != request.DueOn)
                    {
                        changed++;
                    }

                    var before = (request.DueOn, request.ClockState, request.IsClosed, request.Stage, request.ClosedOn, request.ClosingDecision);
                    db.Attach(request);
                    RequestDesk.Apply(request, computed);
                    RequestDesk.StampClosing(request, events[request.Id]);
                    if (before == (request.DueOn, request.ClockState, request.IsClosed, request.Stage, request.ClosedOn, request.ClosingDecision))
                    {
                        // Unchanged: nothing to write.
                        db.Entry(request).State = EntityState.Detached;
                    }
                }
                catch (RequestClockException exception)
                {
                    // The stored due date stays; the case page shows the same message to the officer.
                    logger.LogWarning("Request {TrackingNumber} cannot be recomputed: {Message}", request.TrackingNumber, exception.Message);
                }
            }

            lastId = chunk[^1].Id;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return changed;
    }
}
