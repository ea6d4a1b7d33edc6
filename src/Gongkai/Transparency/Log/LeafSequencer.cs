using System.Globalization;
using Gongkai.OpenData;
using Gongkai.OpenData.Contracts;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Gongkai.Transparency.Rules;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Transparency.Log;

/// <summary>
/// The single sequencer of the public log: a cluster-wide change-log follower (one cursor, one node at a time under
/// its lease) that appends a leaf for every published thing, in change-log order: each document version (on
/// publication or correction), each policy interpretation when it becomes public (created for a published document, or
/// its document published later), each published gazette issue and each withdrawal; and from the open-data portal
/// (through OpenData's <see cref="PublishedOpenData"/>) each version of a record and of a file dataset and each record's withdrawal. For a batch it appends what is not
/// yet logged, row by row, in one unit of work with a <see cref="TransparencyChanges.LeavesAppended"/> row. The cursor
/// moves only after that commit; a replayed batch finds its entries logged (unique kind, key, version) and appends
/// nothing, so the log neither skips nor repeats.
/// </summary>
internal sealed class LeafSequencer(GongkaiDbContext db, TransparencyLog log, PublishedVersions versions, PublishedRecords records, PublishedOpenData openData,
    TimeProvider clock) : IChangeLogFollower
{
    public string Name => "transparency-log";

    public ChangeLogFollowerScope Scope => ChangeLogFollowerScope.Cluster;

    public bool Follows(ChangeKind kind) =>
        kind == PublishingChanges.DocumentPublished || kind == PublishingChanges.DocumentCorrected || kind == PublishingChanges.DocumentWithdrawn
        || kind == PublishingChanges.InterpretationCreated || kind == PublishingChanges.GazetteIssuePublished
        || PublishedOpenData.IsRecordChange(kind) || PublishedOpenData.IsFileDatasetChange(kind);

    public async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        var rows = batch.Where(e => Follows(ChangeKind.Of(e))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        bool Is(ChangeLogEntry row, ChangeKind kind) => kind.Matches(row);
        var published = rows.Where(r => Is(r, PublishingChanges.DocumentPublished) || Is(r, PublishingChanges.DocumentCorrected)).Select(r => r.EntityId).Distinct(StringComparer.Ordinal).ToList();
        var withdrawn = rows.Where(r => Is(r, PublishingChanges.DocumentWithdrawn)).Select(r => r.EntityId).Distinct(StringComparer.Ordinal).ToList();
        var issues = rows.Where(r => Is(r, PublishingChanges.GazetteIssuePublished)).Select(r => r.EntityId).Distinct(StringComparer.Ordinal).ToList();
        var interpretedIds = rows.Where(r => Is(r, PublishingChanges.InterpretationCreated))
            .SelectMany(r => r.EntityId.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).Where(n => n > 0).Distinct().ToList();

        var byDocument = (await versions.OfDocumentsAsync(published, cancellationToken)).ToLookup(v => v.IndexNo, StringComparer.Ordinal);
        var interpretations = published.Count + interpretedIds.Count == 0 ? [] : await records.PublicInterpretationsOfAsync(published, interpretedIds, cancellationToken);
        var withdrawals = withdrawn.Count == 0 ? [] : await records.WithdrawalsAsync(withdrawn, cancellationToken);
        var gazette = issues.Count == 0 ? [] : await records.GazetteIssuesAsync(issues, cancellationToken);

        static List<T> Ids<T>(IEnumerable<ChangeLogEntry> of, Func<string, (bool, T)> parse) =>
            of.Select(r => parse(r.EntityId)).Where(p => p.Item1).Select(p => p.Item2).Distinct().ToList();
        var recordIds = Ids(rows.Where(r => PublishedOpenData.IsRecordChange(ChangeKind.Of(r))),
            id => (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n), n));
        var withdrawnRecordIds = Ids(rows.Where(r => Is(r, OpenDataChanges.RecordWithdrawn)),
            id => (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n), n));
        var fileDatasetIds = Ids(rows.Where(r => PublishedOpenData.IsFileDatasetChange(ChangeKind.Of(r))),
            id => (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n), n));
        var dataVersions = recordIds.Count + fileDatasetIds.Count == 0 ? [] : await openData.VersionsAsync(recordIds, fileDatasetIds, cancellationToken);
        var dataWithdrawals = withdrawnRecordIds.Count == 0 ? [] : await openData.WithdrawalsAsync(withdrawnRecordIds, cancellationToken);
        var recordKeys = dataVersions.Where(v => v.Kind == OpenDataItemKind.Record).Select(v => v.Key).Distinct(StringComparer.Ordinal).ToList();
        var datasetKeys = dataVersions.Where(v => v.Kind == OpenDataItemKind.Dataset).Select(v => v.Key).Distinct(StringComparer.Ordinal).ToList();
        var loggedRecords = await log.LoggedAsync(LogEntryContent.RecordKind, recordKeys, cancellationToken);
        var loggedDatasets = await log.LoggedAsync(LogEntryContent.DatasetKind, datasetKeys, cancellationToken);
        var loggedRecordWithdrawals = await log.LoggedAsync(LogEntryContent.RecordWithdrawalKind, dataWithdrawals.Select(w => w.Key).ToList(), cancellationToken);

        var loggedVersions = await log.LoggedAsync(LogEntryContent.DocumentKind, published, cancellationToken);
        var loggedInterpretations = await log.LoggedAsync(LogEntryContent.InterpretationKind, interpretations.Select(i => i.Key).ToList(), cancellationToken);
        var loggedWithdrawals = await log.LoggedAsync(LogEntryContent.WithdrawalKind, withdrawn, cancellationToken);
        var loggedIssues = await log.LoggedAsync(LogEntryContent.GazetteKind, issues, cancellationToken);

        var entries = new List<LogEntryContent>();
        void Interpretations(IEnumerable<PublishedInterpretation> candidates)
        {
            foreach (var interpretation in candidates.OrderBy(i => i.Id))
            {
                if (loggedInterpretations.Add((interpretation.Key, 1)))
                {
                    entries.Add(Content(interpretation));
                }
            }
        }

        foreach (var row in rows)
        {
            if (Is(row, PublishingChanges.DocumentPublished) || Is(row, PublishingChanges.DocumentCorrected))
            {
                foreach (var version in byDocument[row.EntityId].OrderBy(v => v.Number))
                {
                    if (loggedVersions.Add((version.IndexNo, version.Number)))
                    {
                        entries.Add(Content(version));
                    }
                }

                // An interpretation of a document published now becomes public with it.
                Interpretations(interpretations.Where(i => i.Explains.Contains(row.EntityId, StringComparer.Ordinal)));
            }
            else if (Is(row, PublishingChanges.InterpretationCreated))
            {
                var ids = row.EntityId.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Interpretations(interpretations.Where(i => i.ExplainsIds.Any(id => ids.Contains(id.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal))));
            }
            else if (Is(row, OpenDataChanges.RecordWithdrawn))
            {
                foreach (var withdrawal in dataWithdrawals.Where(w => w.Key == row.EntityId))
                {
                    if (loggedRecordWithdrawals.Add((withdrawal.Key, withdrawal.Version)))
                    {
                        entries.Add(Content(withdrawal));
                    }
                }
            }
            else if (PublishedOpenData.IsRecordChange(ChangeKind.Of(row)) || PublishedOpenData.IsFileDatasetChange(ChangeKind.Of(row)))
            {
                var kind = PublishedOpenData.IsRecordChange(ChangeKind.Of(row)) ? OpenDataItemKind.Record : OpenDataItemKind.Dataset;
                var logged = kind == OpenDataItemKind.Record ? loggedRecords : loggedDatasets;
                foreach (var version in dataVersions.Where(v => v.Kind == kind && v.EntityId == row.EntityId).OrderBy(v => v.Number))
                {
                    if (logged.Add((version.Key, version.Number)))
                    {
                        entries.Add(Content(version));
                    }
                }
            }
            else if (Is(row, PublishingChanges.DocumentWithdrawn))
            {
                foreach (var withdrawal in withdrawals.Where(w => w.IndexNo == row.EntityId))
                {
                    if (loggedWithdrawals.Add((withdrawal.IndexNo, withdrawal.Version)))
                    {
                        entries.Add(Content(withdrawal));
                    }
                }
            }
            else
            {
                foreach (var issue in gazette.Where(g => g.Key == row.EntityId))
                {
                    if (loggedIssues.Add((issue.Key, 1)))
                    {
                        entries.Add(Content(issue));
                    }
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

    /// <summary>The leaf of a document version. <c>log verify</c> builds every leaf with these methods from the stored rows.</summary>
    public static LogEntryContent Content(PublishedVersion version) =>
        new(LogEntryContent.DocumentKind, version.IndexNo, version.Number, version.Title, version.ContentSha256, version.PublishedAt, version.Url);

    public static LogEntryContent Content(PublishedInterpretation interpretation) =>
        new(LogEntryContent.InterpretationKind, interpretation.Key, 1, interpretation.Title, interpretation.ContentSha256, interpretation.PublishedAt, interpretation.Url);

    public static LogEntryContent Content(PublishedGazetteIssue issue) =>
        new(LogEntryContent.GazetteKind, issue.Key, 1, issue.Title, issue.ContentSha256, issue.PublishedAt, issue.Url);

    public static LogEntryContent Content(PublishedDataVersion version) =>
        new(version.Kind == OpenDataItemKind.Record ? LogEntryContent.RecordKind : LogEntryContent.DatasetKind, version.Key, version.Number, version.Title,
            version.ContentSha256, version.PublishedAt, version.Url);

    public static LogEntryContent Content(PublishedDataWithdrawal withdrawal) =>
        new(LogEntryContent.RecordWithdrawalKind, withdrawal.Key, withdrawal.Version, withdrawal.Title, withdrawal.ContentSha256, withdrawal.WithdrawnAt, withdrawal.Url);

    public static LogEntryContent Content(PublishedWithdrawal withdrawal) =>
        new(LogEntryContent.WithdrawalKind, withdrawal.IndexNo, withdrawal.Version, withdrawal.Title, withdrawal.ContentSha256, withdrawal.WithdrawnAt, withdrawal.Url);
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

/// <summary>Publishing's view of the log: where a document version, an interpretation or a gazette issue sits.</summary>
internal sealed class PublicLogEntries(TransparencyLog log) : IPublicLogEntries
{
    public Task<PublicLogEntry?> FindAsync(string indexNo, int version, CancellationToken cancellationToken = default) =>
        FindAsync(LogEntryContent.DocumentKind, indexNo, version, cancellationToken);

    public Task<PublicLogEntry?> FindInterpretationAsync(int id, CancellationToken cancellationToken = default) =>
        FindAsync(LogEntryContent.InterpretationKind, id.ToString(CultureInfo.InvariantCulture), 1, cancellationToken);

    public Task<PublicLogEntry?> FindGazetteIssueAsync(int year, int number, CancellationToken cancellationToken = default) =>
        FindAsync(LogEntryContent.GazetteKind, PublishedGazetteIssue.Keyed(year, number), 1, cancellationToken);

    private async Task<PublicLogEntry?> FindAsync(string kind, string key, int version, CancellationToken cancellationToken)
    {
        var leaf = await log.FindAsync(kind, key, version, cancellationToken);
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
