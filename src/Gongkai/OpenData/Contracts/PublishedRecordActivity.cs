using Gongkai.OpenData.Data;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData.Contracts;

/// <summary>A record type as other modules name it: its key (<c>administrative-licence</c>) and Chinese name.</summary>
public sealed record RecordTypeName(string Key, string Name);

/// <summary>How much a body has published under one record type: the records public now and when the latest was
/// published (a new record, or a correction of one).</summary>
public sealed record RecordTypeActivity(string TypeKey, int BodyId, int PublishedCount, DateTimeOffset? LastPublishedAt);

/// <summary>
/// Published structured records (数据开放, issue 16) counted per body and record type, for readers outside OpenData — the
/// standard catalogues' gap view (Services), where an item is filled by a document or by records of its type. Only
/// records public now count: drafts, records awaiting review and withdrawn ones do not.
/// </summary>
public sealed class PublishedRecordActivity(GongkaiDbContext db)
{
    /// <summary>Every record type, by key.</summary>
    public async Task<IReadOnlyList<RecordTypeName>> TypesAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<RecordType>().AsNoTracking().OrderBy(t => t.Key).Select(t => new { t.Key, t.Name }).ToListAsync(cancellationToken))
            .Select(t => new RecordTypeName(t.Key, t.Name)).ToList();

    /// <summary>Published records of <paramref name="bodyIds"/> under <paramref name="typeKeys"/>, one row per body and type that has any.</summary>
    public async Task<IReadOnlyList<RecordTypeActivity>> ActivityAsync(IReadOnlyCollection<int> bodyIds, IReadOnlyCollection<string> typeKeys,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bodyIds);
        ArgumentNullException.ThrowIfNull(typeKeys);
        if (bodyIds.Count == 0 || typeKeys.Count == 0)
        {
            return [];
        }

        var types = await db.Set<RecordType>().AsNoTracking().Where(t => typeKeys.Contains(t.Key)).Select(t => new { t.Id, t.Key }).ToListAsync(cancellationToken);
        var typeIds = types.Select(t => t.Id).ToList();
        var keyOf = types.ToDictionary(t => t.Id, t => t.Key);
        // Grouped in SQL: the count and the latest time per body and type, never the records themselves.
        var rows = await db.Set<DataRecord>().AsNoTracking()
            .Where(r => r.Status == RecordStatus.Published && bodyIds.Contains(r.BodyId) && typeIds.Contains(r.RecordTypeId))
            .GroupBy(r => new { r.RecordTypeId, r.BodyId })
            .Select(g => new { g.Key.RecordTypeId, g.Key.BodyId, Count = g.Count(), Last = g.Max(r => r.PublishedAt) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RecordTypeActivity(keyOf[r.RecordTypeId], r.BodyId, r.Count, r.Last)).ToList();
    }
}
