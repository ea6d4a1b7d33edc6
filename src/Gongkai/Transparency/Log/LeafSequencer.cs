using System.Globalization;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Gongkai.Transparency.Rules;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Transparency.Log;

/// <summary>
/// The single sequencer of the public log: a cluster-wide change-log follower (one cursor, one node at a time under
/// its lease) that appends a leaf for every published document version, in change-log order. For each publication or
/// correction row it appends the document's versions not yet logged, in version order, in one unit of work with a
/// <see cref="TransparencyChanges.LeavesAppended"/> row. The cursor moves only after that commit; a replayed batch
/// finds its versions logged (unique kind, 索引号, version) and appends nothing, so the log neither skips nor repeats.
/// </summary>
internal sealed class LeafSequencer(GongkaiDbContext db, TransparencyLog log, PublishedVersions versions, TimeProvider clock) : IChangeLogFollower
{
    public string Name => "transparency-log";

    public ChangeLogFollowerScope Scope => ChangeLogFollowerScope.Cluster;

    public bool Follows(ChangeKind kind) => kind == PublishingChanges.DocumentPublished || kind == PublishingChanges.DocumentCorrected;

    public async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        var rows = batch.Where(e => Follows(ChangeKind.Of(e))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var indexNos = rows.Select(r => r.EntityId).Distinct(StringComparer.Ordinal).ToList();
        var byDocument = (await versions.OfDocumentsAsync(indexNos, cancellationToken)).ToLookup(v => v.IndexNo, StringComparer.Ordinal);
        var logged = await log.LoggedAsync(LogEntryContent.DocumentKind, indexNos, cancellationToken);
        var entries = new List<LogEntryContent>();
        foreach (var row in rows)
        {
            foreach (var version in byDocument[row.EntityId].OrderBy(v => v.Number))
            {
                if (logged.Add((version.IndexNo, version.Number)))
                {
                    entries.Add(Content(version));
                }
            }
        }

        if (entries.Count == 0)
        {
            return;
        }

        var size = await log.AppendAsync(entries, rows[^1].Id, clock.GetUtcNow(), cancellationToken);
        db.RecordChange(TransparencyChanges.LeavesAppended, size.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The leaf of a document version. <c>log verify</c> builds it the same way from the stored versions.</summary>
    public static LogEntryContent Content(PublishedVersion version) =>
        new(LogEntryContent.DocumentKind, version.IndexNo, version.Number, version.Title, version.ContentSha256, version.PublishedAt, version.Url);
}

/// <summary>Document pages show each version's log entry, so every node drops its cached copies when leaves are appended.</summary>
internal sealed class LogPageCacheFollower(IOutputCacheStore cache) : IChangeLogFollower
{
    public string Name => "transparency-cache";

    public ChangeLogFollowerScope Scope => ChangeLogFollowerScope.EveryNode;

    public bool Follows(ChangeKind kind) => kind == TransparencyChanges.LeavesAppended;

    public async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        if (batch.Any(e => TransparencyChanges.LeavesAppended.Matches(e)))
        {
            await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
        }
    }
}

/// <summary>Publishing's view of the log: where a document version sits.</summary>
internal sealed class PublicLogEntries(TransparencyLog log) : IPublicLogEntries
{
    public async Task<PublicLogEntry?> FindAsync(string indexNo, int version, CancellationToken cancellationToken = default)
    {
        var leaf = await log.FindAsync(LogEntryContent.DocumentKind, indexNo, version, cancellationToken);
        return leaf is null ? null : new PublicLogEntry(leaf.LeafIndex, Convert.ToBase64String(leaf.LeafHash), LogPaths.Proof(leaf.LeafIndex));
    }

    public async Task<PublicLogHead?> LatestHeadAsync(CancellationToken cancellationToken = default) =>
        await log.LatestHeadAsync(cancellationToken) is { } head
            ? new PublicLogHead(head.TreeSize, Convert.ToBase64String(head.RootHash), DateTimeOffset.FromUnixTimeMilliseconds(head.TimestampMs))
            : null;
}

internal static class LogPaths
{
    public static string Proof(long leafIndex) => "/log/entries/" + leafIndex.ToString(CultureInfo.InvariantCulture);
}
