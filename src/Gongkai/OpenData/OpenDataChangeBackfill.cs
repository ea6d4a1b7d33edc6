using System.Globalization;
using Gongkai.OpenData.Data;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData;

/// <summary>
/// Writes the change-log rows site search and the public log follow (<see cref="OpenDataChanges"/>) for what was public
/// before they followed open data (session 15): on a database made earlier, records and file datasets published then
/// would reach search and the log only at their next change. One <c>record.published</c> per published record (and,
/// for a withdrawn one, <c>record.published</c> then <c>record.withdrawn</c>: its versions stay logged, its withdrawal
/// too), one <c>file-dataset.published</c> per published file dataset. Runs once per database, as the step of migration
/// <c>BackfillOpenDataChanges</c>. The rows carry <see cref="Detail"/>, so a run repeated after a crash before the
/// marker adds nothing for what it already wrote; the followers skip what they already hold (search replaces a
/// document, the log appends a version once).
/// </summary>
public sealed class OpenDataChangeBackfill(ILogger<OpenDataChangeBackfill> logger) : IDataBackfill
{
    /// <summary>The <see cref="ChangeLogEntry.Detail"/> of the rows this backfill writes.</summary>
    public const string Detail = "backfill:BackfillOpenDataChanges";

    private const int ChunkSize = 1000;

    public string Migration => "BackfillOpenDataChanges";

    async Task IDataBackfill.RunAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var written = await RunAsync(db, cancellationToken);
        if (written > 0)
        {
            logger.LogInformation("Wrote {Count} change-log row(s) for open data published before search and the public log followed it.", written);
        }
    }

    /// <summary>Writes the rows not written yet; returns how many. Reads only columns that existed before the marker
    /// (projections, never whole rows), so it runs against that schema.</summary>
    public static async Task<int> RunAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var done = (await db.Set<ChangeLogEntry>().AsNoTracking().Where(e => e.Detail == Detail).Select(e => new { e.Kind, e.EntityId }).ToListAsync(cancellationToken))
            .Select(e => (e.Kind, e.EntityId)).ToHashSet();
        var pending = new List<(ChangeKind Kind, string EntityId, int BodyId)>();
        var records = await db.Set<DataRecord>().AsNoTracking()
            .Where(r => r.Status == RecordStatus.Published || (r.Status == RecordStatus.Withdrawn && r.CurrentVersion > 0))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.BodyId, r.Status }).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            var id = record.Id.ToString(CultureInfo.InvariantCulture);
            pending.Add((OpenDataChanges.RecordPublished, id, record.BodyId));
            if (record.Status == RecordStatus.Withdrawn)
            {
                pending.Add((OpenDataChanges.RecordWithdrawn, id, record.BodyId));
            }
        }

        var files = await db.Set<FileDataset>().AsNoTracking().Where(f => f.PublishedVersion > 0).OrderBy(f => f.Id).Select(f => new { f.Id, f.BodyId })
            .ToListAsync(cancellationToken);
        pending.AddRange(files.Select(f => (OpenDataChanges.FileDatasetPublished, f.Id.ToString(CultureInfo.InvariantCulture), f.BodyId)));

        var written = 0;
        foreach (var chunk in pending.Where(p => !done.Contains((p.Kind.Name, p.EntityId))).Chunk(ChunkSize))
        {
            foreach (var (kind, entityId, bodyId) in chunk)
            {
                db.RecordChange(kind, entityId, bodyId, Detail);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            written += chunk.Length;
        }

        return written;
    }
}
