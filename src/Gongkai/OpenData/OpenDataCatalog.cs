using Gongkai.OpenData.Data;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData;

/// <summary>The published version of a file dataset as its catalogue entry needs it (never the bytes).</summary>
/// <param name="Tabular">Whether the file is a table (CSV, XLSX, a JSON array of flat objects): only then is it
/// converted into the other formats and described by a data dictionary.</param>
public sealed record PublishedFile(int FileDatasetId, int VersionId, int Number, string FileName, string Format, long Size, bool Tabular, DateTimeOffset PublishedAt);

/// <summary>A dataset as the portal, CKAN and DCAT describe it, with what it needs from its type and body. A file
/// dataset (<see cref="File"/> set) carries a type made up for it: key <c>file</c>, version = the file's version, the
/// schema = the columns inferred from the file with the descriptions staff gave.</summary>
public sealed record DatasetView(OpenDataset Dataset, RecordType Type, RecordSchema Schema, Body Body, PublishedFile? File = null)
{
    public IReadOnlyList<string> Tags => Dataset.Keywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The download formats every dataset has (generated from its records).</summary>
    public static IReadOnlyList<string> Formats { get; } = ["CSV", "JSON", "XLSX"];

    /// <summary>The data dictionary as a resource of its own (CSV), after the data formats.</summary>
    public const string DictionaryFormat = "DICTIONARY";

    /// <summary>Every resource of a dataset made from records: the data in each format, then the data dictionary.</summary>
    public static IReadOnlyList<string> Resources { get; } = [.. Formats, DictionaryFormat];

    /// <summary>The uploaded file of a file dataset, as it was uploaded (always a resource).</summary>
    public const string SourceResource = "SOURCE";

    /// <summary>This dataset's resources: for records, <see cref="Resources"/>; for a file, the original first, then
    /// the other formats it converts into and the data dictionary when it is a table, nothing more when it is not.</summary>
    public IReadOnlyList<string> ResourceList => File switch
    {
        null => Resources,
        { Tabular: true } file => [SourceResource, .. Formats.Where(f => f != file.Format), DictionaryFormat],
        _ => [SourceResource],
    };

    /// <summary>The data formats offered (CKAN's res_format, the portal's tags).</summary>
    public IReadOnlyList<string> DataFormats => File switch
    {
        null => Formats,
        { Tabular: true } => Formats,
        { } file => [file.Format],
    };

    /// <summary>The format of a resource's file (the dictionary is CSV, the original file its own).</summary>
    public string FormatOf(string resource) => resource switch
    {
        DictionaryFormat => "CSV",
        SourceResource => File?.Format ?? "CSV",
        _ => resource,
    };

    /// <summary>Name of a resource as CKAN, DCAT and the portal show it.</summary>
    public string ResourceTitle(string resource) => resource switch
    {
        DictionaryFormat => $"{Dataset.Title}（数据字典）",
        SourceResource => $"{Dataset.Title}（原始文件 {FormatOf(resource)}，第 {File?.Number} 版）",
        _ => File is null ? $"{Dataset.Title}（{resource}）" : $"{Dataset.Title}（{resource}，由原始文件转换）",
    };

    /// <summary>The fields a download and the dictionary carry: the schema's, then any computed ones (AQI for air).</summary>
    public IReadOnlyList<FieldDefinition> Columns => AirQualityColumns.AppliesTo(Schema) ? [.. Schema.Fields, .. AirQualityColumns.Fields] : Schema.Fields;

    public Guid ResourceId(string format) => DatasetIds.ResourceId(Dataset.Id, format);

    public string FileName(string format) => format switch
    {
        DictionaryFormat => $"{Dataset.Name}-dictionary.csv",
        SourceResource => $"{Dataset.Name}-v{File?.Number}-original.{FormatOf(format).ToLowerInvariant()}",
        _ => $"{Dataset.Name}.{format.ToLowerInvariant()}",
    };

    public string DownloadPath(string format) => $"/dataset/{Dataset.Id:D}/resource/{ResourceId(format):D}/download/{FileName(format)}";

    /// <summary>更新频率 lapsed (<see cref="UpdateFrequency.Lapsed"/>): the latest update, China date, is further back
    /// than the promised frequency allows.</summary>
    public bool Lapsed(DateTimeOffset now) => UpdateFrequency.Lapsed(Dataset.UpdateFrequency, ChinaTime.DateOf(Dataset.ModifiedAt), ChinaTime.DateOf(now));

    /// <summary>The day the next update was due, for the flag's wording.</summary>
    public DateOnly? UpdateDue => UpdateFrequency.DueAfter(Dataset.UpdateFrequency, ChinaTime.DateOf(Dataset.ModifiedAt));
}

/// <summary>The last catalogue built on this node, with the stamp it was built for (a singleton; see
/// <see cref="OpenDataCatalog.ListDatasetsAsync"/>).</summary>
public sealed class DatasetViewCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private (string Key, DateTimeOffset At, IReadOnlyList<DatasetView> Views)? _current;

    public IReadOnlyList<DatasetView>? TryGet(string key, DateTimeOffset now) =>
        _current is { } current && current.Key == key && now - current.At < MaxAge ? current.Views : null;

    public void Set(string key, IReadOnlyList<DatasetView> views, DateTimeOffset now) => _current = (key, now, views);
}

/// <summary>A published record as the public sees it: masked values, the version shown, publish-by date.</summary>
public sealed record PublicRecord(long Id, string Type, int BodyId, string Title, int Version, DateTimeOffset? PublishedAt, DateOnly? PublishBy,
    IReadOnlyDictionary<string, string> Values, bool Withdrawn, string? WithdrawalReason);

/// <summary>
/// The read side of open data for the public: datasets with their type and body, published records (masked values
/// only — the raw ones never leave the staff side) and the record streams downloads are written from.
/// </summary>
public sealed class OpenDataCatalog(GongkaiDbContext db, BodyDirectory bodies, DatasetViewCache cache, TimeProvider clock)
{
    /// <summary>The catalogue (every dataset with records). Built once and reused while the dataset table's stamp
    /// (count, last modification, last type change) is unchanged and for at most <see cref="DatasetViewCache.MaxAge"/>
    /// (so a renamed body shows within a minute): <c>package_search</c> then costs one small query, not four.</summary>
    public async Task<IReadOnlyList<DatasetView>> ListDatasetsAsync(CancellationToken cancellationToken = default)
    {
        var stamp = await db.Set<OpenDataset>().AsNoTracking().GroupBy(d => 1)
            .Select(g => new { Count = g.Count(), Modified = g.Max(d => d.ModifiedAt), Records = g.Sum(d => d.RecordCount), Files = g.Count(d => d.FileDatasetId != null) })
            .FirstOrDefaultAsync(cancellationToken);
        var typesChanged = await db.Set<RecordType>().AsNoTracking().MaxAsync(t => (DateTimeOffset?)t.UpdatedAt, cancellationToken);
        var key = $"{stamp?.Count}|{stamp?.Modified.UtcTicks}|{stamp?.Records}|{stamp?.Files}|{typesChanged?.UtcTicks}";
        var now = clock.GetUtcNow();
        if (cache.TryGet(key, now) is { } cached)
        {
            return cached;
        }

        var datasets = await Listed().ToListAsync(cancellationToken);
        var views = await ViewsAsync(datasets, cancellationToken);
        cache.Set(key, views, now);
        return views;
    }

    /// <summary>By CKAN id (uuid) or name.</summary>
    public async Task<DatasetView?> FindDatasetAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        var query = Listed();
        var dataset = Guid.TryParse(idOrName, out var id)
            ? await query.FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            : await query.FirstOrDefaultAsync(d => d.Name == idOrName, cancellationToken);
        return dataset is null ? null : (await ViewsAsync([dataset], cancellationToken)).Single();
    }

    public async Task<(int Total, IReadOnlyList<PublicRecord> Items)> ListRecordsAsync(RecordType type, int? bodyId, int page, int size, CancellationToken cancellationToken = default)
    {
        var query = Published(type.Id, bodyId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return (total, rows.Select(r => ToPublic(type.Key, r)).ToList());
    }

    /// <summary>A record the public may see: published, or withdrawn (the page stays with the reason, no values).</summary>
    public async Task<(PublicRecord Record, RecordType Type)?> FindRecordAsync(long id, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<DataRecord>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == id && (r.Status == RecordStatus.Published || (r.Status == RecordStatus.Withdrawn && r.PublicValuesJson != null)), cancellationToken);
        if (record is null)
        {
            return null;
        }

        var type = await db.Set<RecordType>().AsNoTracking().FirstAsync(t => t.Id == record.RecordTypeId, cancellationToken);
        return (ToPublic(type.Key, record), type);
    }

    /// <summary>The public versions of a record, newest first.</summary>
    public async Task<IReadOnlyList<DataRecordVersion>> VersionsAsync(long id, CancellationToken cancellationToken = default) =>
        await db.Set<DataRecordVersion>().AsNoTracking().Where(v => v.RecordId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>Other published records with the same value in <paramref name="field"/> (a construction project's stages).</summary>
    public async Task<IReadOnlyList<PublicRecord>> RelatedAsync(RecordType type, int bodyId, string field, string value, CancellationToken cancellationToken = default)
    {
        var rows = await Published(type.Id, bodyId).Where(r => r.NaturalKey.StartsWith(value + "\n")).ToListAsync(cancellationToken);
        return rows.Select(r => ToPublic(type.Key, r)).Where(r => r.Values.GetValueOrDefault(field) == value).ToList();
    }

    /// <summary>Every published record of a dataset in a stable order, as its stored public JSON object (masked values
    /// keyed by field), read in batches so a download of any size never holds more than one batch in memory.</summary>
    public async IAsyncEnumerable<string> StreamPublicJsonAsync(DatasetView dataset,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (dataset.File is { } file)
        {
            await foreach (var row in FileRowsAsync(file, cancellationToken))
            {
                yield return row;
            }

            yield break;
        }

        const int batch = 2_000;
        long after = 0;
        while (true)
        {
            var rows = await Published(dataset.Type.Id, dataset.Body.Id).Where(r => r.Id > after).OrderBy(r => r.Id).Take(batch)
                .Select(r => new { r.Id, r.PublicValuesJson }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                yield return row.PublicValuesJson!;
            }

            if (rows.Count < batch)
            {
                yield break;
            }

            after = rows[^1].Id;
        }
    }

    /// <summary>The AQI columns of a whole environment dataset (one pass over its readings before a download writes
    /// them, since a reading's day AQI needs the site's other readings that day); null for other datasets.</summary>
    public async Task<AirQualityColumns?> AirQualityAsync(DatasetView dataset, CancellationToken cancellationToken = default)
    {
        if (!AirQualityColumns.AppliesTo(dataset.Schema))
        {
            return null;
        }

        var columns = new AirQualityColumns();
        await foreach (var json in StreamPublicJsonAsync(dataset, cancellationToken))
        {
            columns.Add(SchemaJsonFormat.ReadValues(json));
        }

        return columns;
    }

    /// <summary>The AQI columns for a few records (a page of the list, one record page): the site-days they belong to
    /// are read by natural key (site, day, each of the six pollutants), not the whole dataset.</summary>
    public async Task<AirQualityColumns?> AirQualityAsync(RecordType type, IReadOnlyCollection<PublicRecord> records, CancellationToken cancellationToken = default)
    {
        if (!AirQualityColumns.AppliesTo(type.Schema) || records.Count == 0)
        {
            return null;
        }

        var columns = new AirQualityColumns();
        foreach (var group in records.GroupBy(r => r.BodyId))
        {
            var keys = group
                .Select(r => (Site: r.Values.GetValueOrDefault("site"), Day: r.Values.GetValueOrDefault("measuredOn")))
                .Where(k => k.Site is not null && k.Day is not null)
                .Distinct()
                .SelectMany(k => AirQuality.Pollutants.Select(p => $"{k.Site}\n{k.Day}\n{p}"))
                .ToList();
            var rows = await Published(type.Id, group.Key).Where(r => keys.Contains(r.NaturalKey)).Select(r => r.PublicValuesJson).ToListAsync(cancellationToken);
            foreach (var json in rows)
            {
                if (json is not null)
                {
                    columns.Add(SchemaJsonFormat.ReadValues(json));
                }
            }
        }

        return columns;
    }

    /// <summary>The latest published readings of a dataset (by publication order, at most <paramref name="limit"/>) as
    /// value dictionaries, for the charts: readings are published day by day, so the newest rows hold the recent days
    /// without reading the whole history on every page view.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> RecentValuesAsync(DatasetView dataset, int limit, CancellationToken cancellationToken = default)
    {
        var rows = await Published(dataset.Type.Id, dataset.Body.Id).OrderByDescending(r => r.Id).Take(limit).Select(r => r.PublicValuesJson).ToListAsync(cancellationToken);
        return rows.Where(json => json is not null).Select(json => (IReadOnlyDictionary<string, string>)SchemaJsonFormat.ReadValues(json!)).ToList();
    }

    /// <summary>Datasets the public sees: record datasets with published records, file datasets with a published version.</summary>
    private IQueryable<OpenDataset> Listed() => db.Set<OpenDataset>().AsNoTracking().Where(d => d.RecordCount > 0 || d.FileDatasetId != null);

    /// <summary>The rows of a file dataset's published version (stored as one JSON array of objects), one object's JSON
    /// text at a time, in the file's order.</summary>
    private async IAsyncEnumerable<string> FileRowsAsync(PublishedFile file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = await db.Set<FileDatasetContent>().AsNoTracking().Where(c => c.VersionId == file.VersionId).Select(c => c.RowsJson).FirstOrDefaultAsync(cancellationToken);
        if (rows is null)
        {
            yield break;
        }

        using var document = System.Text.Json.JsonDocument.Parse(rows);
        foreach (var row in document.RootElement.EnumerateArray())
        {
            yield return row.GetRawText();
        }
    }

    /// <summary>The uploaded file of a file dataset's published version, as uploaded.</summary>
    public async Task<byte[]?> SourceFileAsync(DatasetView dataset, CancellationToken cancellationToken = default) =>
        dataset.File is { } file
            ? await db.Set<FileDatasetContent>().AsNoTracking().Where(c => c.VersionId == file.VersionId).Select(c => c.Content).FirstOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>The first rows of a file dataset (its page shows them), as values by column.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> FilePreviewAsync(DatasetView dataset, int limit, CancellationToken cancellationToken = default)
    {
        var preview = new List<IReadOnlyDictionary<string, string>>();
        if (dataset.File is not { Tabular: true } file)
        {
            return preview;
        }

        await foreach (var json in FileRowsAsync(file, cancellationToken))
        {
            preview.Add(SchemaJsonFormat.ReadValues(json));
            if (preview.Count >= limit)
            {
                break;
            }
        }

        return preview;
    }

    /// <summary>The versions of a file dataset that were public (published and superseded), newest first.</summary>
    public async Task<IReadOnlyList<FileDatasetVersion>> FileHistoryAsync(DatasetView dataset, CancellationToken cancellationToken = default) =>
        dataset.File is { } file
            ? await db.Set<FileDatasetVersion>().AsNoTracking()
                .Where(v => v.FileDatasetId == file.FileDatasetId && (v.Status == FileVersionStatus.Published || v.Status == FileVersionStatus.Superseded))
                .OrderByDescending(v => v.Number).ToListAsync(cancellationToken)
            : [];

    private IQueryable<DataRecord> Published(int typeId, int? bodyId)
    {
        var query = db.Set<DataRecord>().AsNoTracking().Where(r => r.RecordTypeId == typeId && r.Status == RecordStatus.Published);
        return bodyId is { } body ? query.Where(r => r.BodyId == body) : query;
    }

    private async Task<IReadOnlyList<DatasetView>> ViewsAsync(IReadOnlyList<OpenDataset> datasets, CancellationToken cancellationToken)
    {
        var types = await db.Set<RecordType>().AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var hierarchy = await bodies.LoadAsync(cancellationToken);
        var schemas = types.Values.ToDictionary(t => t.Id, t => t.Schema);
        var files = await FileViewsAsync(datasets, cancellationToken);
        var views = new List<DatasetView>();
        foreach (var d in datasets)
        {
            if (hierarchy.Find(d.BodyId) is not { } body)
            {
                continue;
            }

            if (d.RecordTypeId is { } typeId && types.TryGetValue(typeId, out var type))
            {
                views.Add(new DatasetView(d, type, schemas[typeId], body));
            }
            else if (d.FileDatasetId is { } fileId && files.TryGetValue(fileId, out var file))
            {
                views.Add(new DatasetView(d, file.Type, file.Type.Schema, body, file.File));
            }
        }

        return views.OrderBy(d => d.Dataset.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The published version of each file dataset among <paramref name="datasets"/>, with the type made up
    /// for it (its columns and their descriptions as the schema).</summary>
    private async Task<Dictionary<int, (RecordType Type, PublishedFile File)>> FileViewsAsync(IReadOnlyList<OpenDataset> datasets, CancellationToken cancellationToken)
    {
        var ids = datasets.Select(d => d.FileDatasetId).OfType<int>().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var owners = await db.Set<FileDataset>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var versions = await db.Set<FileDatasetVersion>().AsNoTracking()
            .Where(v => ids.Contains(v.FileDatasetId) && v.Status == FileVersionStatus.Published).ToListAsync(cancellationToken);
        var result = new Dictionary<int, (RecordType, PublishedFile)>();
        foreach (var version in versions)
        {
            if (!owners.TryGetValue(version.FileDatasetId, out var owner))
            {
                continue;
            }

            var dataset = datasets.First(d => d.FileDatasetId == owner.Id);
            var schema = FileDatasetSchema.Of(dataset, owner, version);
            var type = new RecordType { Key = FileDatasetSchema.TypeKey, Name = "文件数据集", Version = version.Number, SchemaJson = SchemaJsonFormat.Write(schema), UpdatedAt = owner.UpdatedAt };
            result[owner.Id] = (type, new PublishedFile(owner.Id, version.Id, version.Number, version.FileName, version.Format, version.Size, version.ColumnsJson is not null,
                version.ReviewedAt ?? version.SubmittedAt));
        }

        return result;
    }

    private static PublicRecord ToPublic(string typeKey, DataRecord record) => new(
        record.Id, typeKey, record.BodyId, record.Title, record.CurrentVersion, record.PublishedAt, record.PublishBy,
        record.Status == RecordStatus.Withdrawn || record.PublicValuesJson is null ? new Dictionary<string, string>() : SchemaJsonFormat.ReadValues(record.PublicValuesJson),
        record.Status == RecordStatus.Withdrawn, record.WithdrawalReason);

    /// <summary>China date of an instant as yyyy-MM-dd (dataset and record pages, CSV).</summary>
    public static string Day(DateTimeOffset? at) => at is { } value ? ChinaTime.DateOf(value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
}
