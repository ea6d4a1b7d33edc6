using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>Stamps the closing date and decision (<see cref="DisclosureRequest.ClosedOn"/>,
/// <see cref="DisclosureRequest.ClosingDecision"/>) onto requests closed before those columns existed, so table 三
/// counts them. Runs once per database, as the step of migration <c>BackfillRequestClosing</c> (the rule lives in C#,
/// <see cref="RequestDesk.StampClosing"/>, so it is not repeated in SQL for two providers).</summary>
public sealed class RequestClosingBackfill(ILogger<RequestClosingBackfill> logger) : IDataBackfill
{
    private const int ChunkSize = 2000;

    public string Migration => "BackfillRequestClosing";

    async Task IDataBackfill.RunAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var stamped = await RunAsync(db, cancellationToken);
        if (stamped > 0)
        {
            logger.LogInformation("Stamped the closing outcome of {Count} request(s) closed before it was stored.", stamped);
        }
    }

    /// <summary>Stamps every closed request that has no stored closing date yet; returns how many were stamped. The
    /// same rule as every live write (<see cref="RequestDesk.StampClosing"/>), in chunks.</summary>
    public static async Task<int> RunAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamped = 0;
        var lastId = 0;
        while (true)
        {
            // Tracked (not attached later): the caller's context may already track some of these rows.
            var chunk = await db.Set<DisclosureRequest>()
                .WhereClosed().Where(r => r.ClosedOn == null && r.Id > lastId).OrderBy(r => r.Id).Take(ChunkSize).ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                return stamped;
            }

            var ids = chunk.Select(r => r.Id).ToList();
            var events = (await db.Set<RequestEventRecord>().AsNoTracking().Where(e => ids.Contains(e.RequestId)).ToListAsync(cancellationToken))
                .ToLookup(e => e.RequestId);
            foreach (var request in chunk)
            {
                RequestDesk.StampClosing(request, events[request.Id]);
                stamped += request.ClosedOn is null ? 0 : 1;
            }

            lastId = chunk[^1].Id;
            await db.SaveChangesAsync(cancellationToken);
            foreach (var request in chunk)
            {
                db.Entry(request).State = EntityState.Detached;
            }
        }
    }
}
