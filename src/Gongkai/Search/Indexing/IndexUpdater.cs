using System.Globalization;
using Gongkai.OpenData.Contracts;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Search.Synonyms;

namespace Gongkai.Search.Indexing;

/// <summary>
/// Brings this node's index up to a change-log position: documents named by the rows are re-read from the database
/// and upserted (published, corrected, repealed — validity is part of the projection) or removed (withdrawn, or no
/// longer public); records and file datasets of the open-data portal likewise (published, corrected, withdrawn,
/// replaced); a renamed body re-projects its documents, records and datasets; a synonym edit reloads the synonym list. Idempotent,
/// so rows delivered twice do no harm.
/// </summary>
public sealed class IndexUpdater(SearchIndex index, SearchProjection projection, ChangeLogReader log, SynonymCache synonyms)
{
    /// <summary>Applies <paramref name="batch"/>, first catching up on any rows between the index's own position and
    /// the batch (a new generation from a rebuild, or an index folder that was restored).</summary>
    public async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        await index.WriteLock.WaitAsync(cancellationToken);
        try
        {
            if (batch.Count > 0 && index.Position < batch[0].Id - 1)
            {
                await CatchUpLockedAsync(batch[0].Id - 1, cancellationToken);
            }

            var fresh = batch.Where(e => e.Id > index.Position).ToList();
            if (fresh.Count > 0)
            {
                await ApplyLockedAsync(fresh, cancellationToken);
            }
        }
        finally
        {
            index.WriteLock.Release();
        }
    }

    /// <summary>Applies everything in the log after the index's position.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await index.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await CatchUpLockedAsync(long.MaxValue, cancellationToken);
        }
        finally
        {
            index.WriteLock.Release();
        }
    }

    /// <summary>For a caller already holding <see cref="SearchIndex.WriteLock"/> (a generation switch).</summary>
    public Task CatchUpWhileLockedAsync(CancellationToken cancellationToken) => CatchUpLockedAsync(long.MaxValue, cancellationToken);

    private async Task CatchUpLockedAsync(long through, CancellationToken cancellationToken)
    {
        while (index.Position < through)
        {
            var rows = (await log.ReadAfterAsync(index.Position, ChangeLogReader.BatchSize, cancellationToken)).Where(r => r.Id <= through).ToList();
            if (rows.Count == 0)
            {
                return;
            }

            await ApplyLockedAsync(rows, cancellationToken);
        }
    }

    /// <summary>What the index reads from the change log.</summary>
    public static bool Follows(ChangeKind kind) =>
        IsDocumentChange(kind) || PublishedOpenData.IsRecordChange(kind) || PublishedOpenData.IsFileDatasetChange(kind)
        || kind == OrganizationsChanges.BodyUpdated || kind == SearchChanges.SynonymsChanged;

    private static bool IsDocumentChange(ChangeKind kind) =>
        kind == PublishingChanges.DocumentPublished || kind == PublishingChanges.DocumentCorrected || kind == PublishingChanges.DocumentWithdrawn
        || kind == PublishingChanges.DocumentCoIssuersChanged || kind == SearchChanges.DocumentRecheck;

    private async Task ApplyLockedAsync(IReadOnlyList<ChangeLogEntry> rows, CancellationToken cancellationToken)
    {
        var documents = new HashSet<string>(StringComparer.Ordinal);
        var openData = new HashSet<string>(StringComparer.Ordinal);
        var records = new HashSet<long>();
        var fileDatasets = new HashSet<int>();
        foreach (var row in rows)
        {
            var kind = ChangeKind.Of(row);
            if (IsDocumentChange(kind))
            {
                documents.Add(row.EntityId);
            }
            else if (PublishedOpenData.IsRecordChange(kind))
            {
                if (long.TryParse(row.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    records.Add(id);
                }
            }
            else if (PublishedOpenData.IsFileDatasetChange(kind))
            {
                if (int.TryParse(row.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    fileDatasets.Add(id);
                }
            }
            else if (kind == OrganizationsChanges.BodyUpdated)
            {
                documents.UnionWith(await projection.OfBodyAsync(row.EntityId, cancellationToken));
                openData.UnionWith(await projection.OpenDataOfBodyAsync(row.EntityId, cancellationToken));
            }
            else if (kind == SearchChanges.SynonymsChanged)
            {
                await synonyms.ReloadAsync(cancellationToken);
            }
        }

        if (documents.Count > 0)
        {
            var published = await projection.PublishedAsync(documents, cancellationToken);
            index.Upsert(published);
            index.Delete(documents.Except(published.Select(d => d.IndexNo)));
        }

        if (records.Count + fileDatasets.Count > 0)
        {
            openData.UnionWith(await projection.OpenDataKeysAsync(records, fileDatasets, cancellationToken));
        }

        if (openData.Count > 0)
        {
            var published = await projection.PublishedOpenDataAsync(openData, cancellationToken);
            index.Upsert(published);
            index.Delete(openData.Except(published.Select(d => d.IndexNo)));
        }

        index.Commit(rows[^1].Id);
    }
}

/// <summary>The change-log follower of the search index: one per node, each with its own cursor.</summary>
internal sealed class SearchFollower(IndexUpdater updater) : IChangeLogFollower
{
    public string Name => "search";

    public ChangeLogFollowerScope Scope => ChangeLogFollowerScope.EveryNode;

    public bool Follows(ChangeKind kind) => IndexUpdater.Follows(kind);

    public Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken) => updater.ApplyAsync(batch, cancellationToken);
}
