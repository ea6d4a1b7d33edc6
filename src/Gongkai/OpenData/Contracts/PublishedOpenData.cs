using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.OpenData.Data;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData.Contracts;

/// <summary>What a search hit of open data is: a single record (记录) or a dataset (数据).</summary>
public enum OpenDataItemKind
{
    Record,
    Dataset,
}

/// <summary>
/// A published record or file dataset as site search indexes it (Search reads it; it sits above OpenData in the layer
/// order). Only what the public may see: a record's masked public values, a dataset's published metadata and data
/// dictionary — never a dataset's cells, which the dataset page and its downloads offer.
/// </summary>
/// <param name="Key">The index key: <c>record:{id}</c> or <c>dataset:{name}</c> (a colon never occurs in a 索引号).</param>
/// <param name="Category">The record type's name (行政处罚) or the dataset's theme (生态环境): the hit's 主题.</param>
public sealed record SearchableOpenData(string Key, OpenDataItemKind Kind, string Title, string BodyCode, string BodyName, string Category,
    DateTimeOffset PublishedAt, string Text, string Url)
{
    /// <summary>How a result names the kind: 记录 or 数据.</summary>
    public string KindName => Kind == OpenDataItemKind.Record ? "记录" : "数据";
}

/// <summary>
/// One published version of a record or of a file dataset, as the public log (Transparency) records it.
/// <see cref="Key"/> is the record's number (<c>/data/records/{id}</c>) or the dataset's CKAN name (<c>/data/{name}</c>);
/// <see cref="ContentSha256"/> is recomputed from the stored rows (<see cref="PublishedOpenData.RecordContent"/>; a file
/// dataset's is the SHA-256 of the uploaded file's bytes, which its 原始文件 resource serves unchanged).
/// <see cref="EntityId"/> is the change-log entity id naming it (the record's or the file dataset's id).
/// </summary>
public sealed record PublishedDataVersion(OpenDataItemKind Kind, string Key, int Number, string Title, string ContentSha256, DateTimeOffset PublishedAt, string Url,
    string EntityId);

/// <summary>A withdrawal (撤回) of a published record: the version in force then, the reason's SHA-256 and when. Only a
/// record's latest withdrawal is stored (a withdrawn record cannot be edited or re-published).</summary>
public sealed record PublishedDataWithdrawal(string Key, int Version, string Title, string ContentSha256, DateTimeOffset WithdrawnAt, string Url);

/// <summary>
/// Open data as the modules above OpenData read it: site search (<see cref="SearchableAsync(IReadOnlyCollection{string}, CancellationToken)"/>)
/// and the public log (<see cref="VersionsAsync"/>, <see cref="WithdrawalsAsync"/>). Keys are the change-log entity ids of
/// <see cref="OpenDataChanges"/>' kinds: a record's id for <c>record.*</c>, a file dataset's id for <c>file-dataset.*</c>;
/// <see cref="SearchKeys"/> turns them into search keys.
/// </summary>
public sealed class PublishedOpenData(GongkaiDbContext db, BodyDirectory bodies)
{
    public const string RecordKeyPrefix = "record:";
    public const string DatasetKeyPrefix = "dataset:";

    public static string RecordUrl(long id) => "/data/records/" + id.ToString(CultureInfo.InvariantCulture);

    public static string DatasetUrl(string name) => "/data/" + name;

    /// <summary>The text a record version's hash covers: the type key, then each public (masked) field as
    /// <c>key=value</c> in ordinal key order, one per line.</summary>
    public static string RecordContent(string typeKey, IReadOnlyDictionary<string, string> publicValues) =>
        string.Join('\n', new[] { typeKey }.Concat(publicValues.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value)));

    /// <summary>The text a record withdrawal's hash covers: the reason as shown on the record page.</summary>
    public static string WithdrawalContent(string reason) => reason;

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether a change-log row is one the search index and the public log follow, and which thing it names.</summary>
    public static bool IsRecordChange(ChangeKind kind) =>
        kind == OpenDataChanges.RecordPublished || kind == OpenDataChanges.RecordCorrected || kind == OpenDataChanges.RecordWithdrawn;

    public static bool IsFileDatasetChange(ChangeKind kind) => kind == OpenDataChanges.FileDatasetPublished || kind == OpenDataChanges.FileDatasetReplaced;

    // ---- search ----

    /// <summary>The search keys the change-log rows of these records and file datasets concern (whether public now or not).</summary>
    public async Task<IReadOnlyList<string>> SearchKeysAsync(IReadOnlyCollection<long> recordIds, IReadOnlyCollection<int> fileDatasetIds, CancellationToken cancellationToken = default)
    {
        var keys = recordIds.Select(id => RecordKeyPrefix + id.ToString(CultureInfo.InvariantCulture)).ToList();
        if (fileDatasetIds.Count > 0)
        {
            keys.AddRange((await db.Set<FileDataset>().AsNoTracking().Where(f => fileDatasetIds.Contains(f.Id)).Select(f => f.Name).ToListAsync(cancellationToken))
                .Select(name => DatasetKeyPrefix + name));
        }

        return keys;
    }

    /// <summary>The search keys of a body's published records and file datasets (its name is in each of them).</summary>
    public async Task<IReadOnlyList<string>> SearchKeysOfBodyAsync(string bodyCode, CancellationToken cancellationToken = default)
    {
        var body = (await bodies.LoadAsync(cancellationToken)).FindByCode(bodyCode);
        if (body is null)
        {
            return [];
        }

        var records = await db.Set<DataRecord>().AsNoTracking().Where(r => r.BodyId == body.Id && r.Status == RecordStatus.Published).Select(r => r.Id).ToListAsync(cancellationToken);
        var files = await db.Set<FileDataset>().AsNoTracking().Where(f => f.BodyId == body.Id && f.PublishedVersion > 0).Select(f => f.Id).ToListAsync(cancellationToken);
        return await SearchKeysAsync(records, files, cancellationToken);
    }

    /// <summary>The public ones among <paramref name="searchKeys"/>; the others must leave the index.</summary>
    public async Task<IReadOnlyList<SearchableOpenData>> SearchableAsync(IReadOnlyCollection<string> searchKeys, CancellationToken cancellationToken = default)
    {
        var recordIds = searchKeys.Where(k => k.StartsWith(RecordKeyPrefix, StringComparison.Ordinal))
            .Select(k => long.TryParse(k.AsSpan(RecordKeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).ToList();
        var names = searchKeys.Where(k => k.StartsWith(DatasetKeyPrefix, StringComparison.Ordinal)).Select(k => k[DatasetKeyPrefix.Length..]).ToList();
        var result = new List<SearchableOpenData>();
        if (recordIds.Count > 0)
        {
            result.AddRange(await RecordsAsync(db.Set<DataRecord>().Where(r => recordIds.Contains(r.Id)), cancellationToken));
        }

        if (names.Count > 0)
        {
            result.AddRange(await DatasetsAsync(db.Set<FileDataset>().Where(f => names.Contains(f.Name)), cancellationToken));
        }

        return result;
    }

    /// <summary>Every published record and file dataset, in batches (a rebuild of the index).</summary>
    public async IAsyncEnumerable<SearchableOpenData> AllSearchableAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int batch = 500;
        long after = 0;
        while (true)
        {
            var ids = await db.Set<DataRecord>().AsNoTracking().Where(r => r.Id > after && r.Status == RecordStatus.Published)
                .OrderBy(r => r.Id).Select(r => r.Id).Take(batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            foreach (var item in await RecordsAsync(db.Set<DataRecord>().Where(r => ids.Contains(r.Id)), cancellationToken))
            {
                yield return item;
            }

            after = ids[^1];
        }

        foreach (var item in await DatasetsAsync(db.Set<FileDataset>(), cancellationToken))
        {
            yield return item;
        }
    }

    private async Task<IReadOnlyList<SearchableOpenData>> RecordsAsync(IQueryable<DataRecord> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().Where(r => r.Status == RecordStatus.Published && r.PublicValuesJson != null)
            .Select(r => new { r.Id, r.RecordTypeId, r.BodyId, r.Title, r.PublicValuesJson, r.PublishedAt, r.FirstPublishedAt, r.UpdatedAt })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var typeIds = rows.Select(r => r.RecordTypeId).Distinct().ToList();
        var types = (await db.Set<RecordType>().AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Schema);
        var directory = await bodies.LoadAsync(cancellationToken);
        return rows.Select(r =>
        {
            var schema = types[r.RecordTypeId];
            var values = SchemaJsonFormat.ReadValues(r.PublicValuesJson ?? "{}");
            // Labels with values, in the schema's order: a search for “罚款 5000” or a party's name finds the record.
            var text = string.Join('\n', schema.Fields.Where(f => values.TryGetValue(f.Key, out var v) && v.Length > 0)
                .Select(f => $"{f.Label}：{values[f.Key]}{(f.Unit is { Length: > 0 } unit ? unit : "")}"));
            var body = directory.Find(r.BodyId);
            return new SearchableOpenData(RecordKeyPrefix + r.Id.ToString(CultureInfo.InvariantCulture), OpenDataItemKind.Record, r.Title,
                body?.Code ?? "", body?.Name ?? "", schema.Name, r.PublishedAt ?? r.FirstPublishedAt ?? r.UpdatedAt, text, RecordUrl(r.Id));
        }).ToList();
    }

    private async Task<IReadOnlyList<SearchableOpenData>> DatasetsAsync(IQueryable<FileDataset> query, CancellationToken cancellationToken)
    {
        var owners = await query.AsNoTracking().Where(f => f.PublishedVersion > 0).ToListAsync(cancellationToken);
        if (owners.Count == 0)
        {
            return [];
        }

        var ids = owners.Select(o => o.Id).ToList();
        var catalogue = await db.Set<OpenDataset>().AsNoTracking().Where(d => d.FileDatasetId != null && ids.Contains(d.FileDatasetId.Value)).ToListAsync(cancellationToken);
        var columns = (await db.Set<FileDatasetVersion>().AsNoTracking().Where(v => ids.Contains(v.FileDatasetId) && v.Status == FileVersionStatus.Published)
            .Select(v => new { v.FileDatasetId, v.ColumnsJson }).ToListAsync(cancellationToken)).ToDictionary(v => v.FileDatasetId, v => v.ColumnsJson);
        var directory = await bodies.LoadAsync(cancellationToken);
        var result = new List<SearchableOpenData>();
        foreach (var owner in owners)
        {
            if (catalogue.FirstOrDefault(d => d.FileDatasetId == owner.Id) is not { } dataset)
            {
                continue;
            }

            var descriptions = FileDatasetSchema.ReadDescriptions(owner.DescriptionsJson);
            var dictionary = FileDatasetSchema.ReadColumns(columns.GetValueOrDefault(owner.Id))
                .Select(c => descriptions.TryGetValue(c.Key, out var d) && d.Length > 0 ? $"{c.Label}：{d}" : c.Label);
            var text = string.Join('\n', new[] { dataset.Notes, dataset.Keywords.Replace(',', ' '), dataset.Theme }.Concat(dictionary).Where(t => t.Length > 0));
            var body = directory.Find(dataset.BodyId);
            result.Add(new SearchableOpenData(DatasetKeyPrefix + owner.Name, OpenDataItemKind.Dataset, dataset.Title, body?.Code ?? "", body?.Name ?? "",
                dataset.Theme, dataset.ModifiedAt, text, DatasetUrl(owner.Name)));
        }

        return result;
    }

    // ---- the public log ----

    /// <summary>Every public version of these records (ids) and file datasets (ids) — records withdrawn since included:
    /// a withdrawal does not unpublish what was seen — in (kind, key, version) order.</summary>
    public async Task<IReadOnlyList<PublishedDataVersion>> VersionsAsync(IReadOnlyCollection<long> recordIds, IReadOnlyCollection<int> fileDatasetIds, CancellationToken cancellationToken = default)
    {
        var result = new List<PublishedDataVersion>();
        if (recordIds.Count > 0)
        {
            result.AddRange(await RecordVersionsAsync(db.Set<DataRecord>().Where(r => recordIds.Contains(r.Id)), cancellationToken));
        }

        if (fileDatasetIds.Count > 0)
        {
            result.AddRange(await FileVersionsAsync(db.Set<FileDataset>().Where(f => fileDatasetIds.Contains(f.Id)), cancellationToken));
        }

        return result;
    }

    /// <summary>Every public version of every record and file dataset (<c>log verify</c>).</summary>
    public async Task<IReadOnlyList<PublishedDataVersion>> AllVersionsAsync(CancellationToken cancellationToken = default) =>
        [.. await RecordVersionsAsync(db.Set<DataRecord>(), cancellationToken), .. await FileVersionsAsync(db.Set<FileDataset>(), cancellationToken)];

    /// <summary>The latest withdrawal of each of these records that is withdrawn now.</summary>
    public Task<IReadOnlyList<PublishedDataWithdrawal>> WithdrawalsAsync(IReadOnlyCollection<long> recordIds, CancellationToken cancellationToken = default) =>
        WithdrawalsAsync(db.Set<DataRecord>().Where(r => recordIds.Contains(r.Id)), cancellationToken);

    /// <summary>Every record withdrawn now, with its withdrawal (<c>log verify</c>).</summary>
    public Task<IReadOnlyList<PublishedDataWithdrawal>> AllWithdrawalsAsync(CancellationToken cancellationToken = default) =>
        WithdrawalsAsync(db.Set<DataRecord>(), cancellationToken);

    private async Task<IReadOnlyList<PublishedDataVersion>> RecordVersionsAsync(IQueryable<DataRecord> records, CancellationToken cancellationToken)
    {
        var rows = await records.AsNoTracking()
            .Where(r => r.Status == RecordStatus.Published || r.Status == RecordStatus.Withdrawn)
            .Join(db.Set<DataRecordVersion>().AsNoTracking(), r => r.Id, v => v.RecordId, (r, v) => new { r.Id, r.RecordTypeId, v.Number, v.Title, v.PublicValuesJson, v.PublishedAt })
            .ToListAsync(cancellationToken);
        var typeIds = rows.Select(r => r.RecordTypeId).Distinct().ToList();
        var typeKeys = await db.Set<RecordType>().AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Key, cancellationToken);
        return rows.Select(r => new PublishedDataVersion(OpenDataItemKind.Record, r.Id.ToString(CultureInfo.InvariantCulture), r.Number, r.Title,
                Sha256(RecordContent(typeKeys[r.RecordTypeId], SchemaJsonFormat.ReadValues(r.PublicValuesJson))), r.PublishedAt, RecordUrl(r.Id),
                r.Id.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(v => v.Key.Length).ThenBy(v => v.Key, StringComparer.Ordinal).ThenBy(v => v.Number).ToList();
    }

    private async Task<IReadOnlyList<PublishedDataVersion>> FileVersionsAsync(IQueryable<FileDataset> owners, CancellationToken cancellationToken)
    {
        // Published and superseded versions have been public; the hash is computed in the database's stead from the
        // bytes, one version at a time, so memory holds one file.
        var versions = await owners.AsNoTracking()
            .Join(db.Set<FileDatasetVersion>().AsNoTracking().Where(v => v.Status == FileVersionStatus.Published || v.Status == FileVersionStatus.Superseded),
                f => f.Id, v => v.FileDatasetId, (f, v) => new { f.Id, f.Name, VersionId = v.Id, v.Number, v.MetadataJson, v.ReviewedAt, v.SubmittedAt })
            .ToListAsync(cancellationToken);
        var result = new List<PublishedDataVersion>();
        foreach (var v in versions.OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Number))
        {
            var content = await db.Set<FileDatasetContent>().AsNoTracking().Where(c => c.VersionId == v.VersionId).Select(c => c.Content).SingleAsync(cancellationToken);
            var metadata = System.Text.Json.JsonSerializer.Deserialize<FileDatasetMetadata>(v.MetadataJson, SchemaJsonFormat.Options);
            result.Add(new PublishedDataVersion(OpenDataItemKind.Dataset, v.Name, v.Number, metadata?.Title ?? v.Name,
                Convert.ToHexStringLower(SHA256.HashData(content)), v.ReviewedAt ?? v.SubmittedAt, DatasetUrl(v.Name), v.Id.ToString(CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private static async Task<IReadOnlyList<PublishedDataWithdrawal>> WithdrawalsAsync(IQueryable<DataRecord> records, CancellationToken cancellationToken)
    {
        var rows = await records.AsNoTracking()
            .Where(r => r.Status == RecordStatus.Withdrawn && r.WithdrawnAt != null && r.CurrentVersion > 0)
            .Select(r => new { r.Id, r.CurrentVersion, r.Title, r.WithdrawalReason, WithdrawnAt = r.WithdrawnAt!.Value })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PublishedDataWithdrawal(r.Id.ToString(CultureInfo.InvariantCulture), r.CurrentVersion, r.Title,
                Sha256(WithdrawalContent(r.WithdrawalReason ?? "")), r.WithdrawnAt, RecordUrl(r.Id)))
            .OrderBy(w => w.Key.Length).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
    }
}
