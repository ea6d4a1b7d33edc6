using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Gongkai.OpenData.Ckan;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Import;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Safeguards;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.OpenData;

/// <summary>The schema a file dataset's version is described by: its inferred columns with the staff's descriptions.</summary>
public static class FileDatasetSchema
{
    /// <summary>The record-type key file datasets carry in CKAN's <c>record_type</c> extra.</summary>
    public const string TypeKey = "file";

    public static IReadOnlyList<FieldDefinition> ReadColumns(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<FieldDefinition>>(json, SchemaJsonFormat.Options) ?? [];

    public static string WriteColumns(IReadOnlyList<FieldDefinition> columns) => JsonSerializer.Serialize(columns, SchemaJsonFormat.Options);

    public static Dictionary<string, string> ReadDescriptions(string json) => SchemaJsonFormat.ReadValues(json);

    public static RecordSchema Of(OpenDataset dataset, FileDataset owner, FileDatasetVersion version)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(version);
        var descriptions = ReadDescriptions(owner.DescriptionsJson);
        var fields = ReadColumns(version.ColumnsJson)
            .Select(f => f with { Description = descriptions.TryGetValue(f.Key, out var text) && text.Length > 0 ? text : null })
            .ToList();
        return new RecordSchema(TypeKey, dataset.Title, dataset.Notes, fields, [], fields.Count > 0 ? fields[0].Key : "", Theme: dataset.Theme,
            UpdateFrequency: dataset.UpdateFrequency);
    }
}

/// <summary>What an upload did: the version stored (waiting for review), or the file's problems (nothing stored).</summary>
public sealed record FileSubmission(FileDatasetVersion? Version, IReadOnlyList<string> FileErrors);

/// <summary>
/// Staff-published file datasets: a body's staff upload a CSV, XLSX or JSON file with its metadata; a second person
/// reviews it (like records: a reviewer who did not submit it) before it is published; a new upload is a new version
/// that, once approved, replaces the resources while the older versions stay listed as history. Every step checks
/// the body scope on the server and is audited; publication writes a change-log row and refreshes the catalogue row.
/// </summary>
public sealed class FileDatasetDesk(GongkaiDbContext db, BodyScope scope, BodyDirectory bodies, AuditLog audit, TimeProvider clock, IOptions<OpenDataOptions> options,
    SafeguardsProfileCache safeguards)
{
    private static readonly JsonSerializerOptions FindingJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static IReadOnlyList<ColumnFinding> ReadFindings(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<ColumnFinding>>(json, FindingJson) ?? [];

    public static IReadOnlyDictionary<string, ColumnDeclaration> ReadDeclarations(string json) =>
        string.IsNullOrWhiteSpace(json) ? new Dictionary<string, ColumnDeclaration>() : JsonSerializer.Deserialize<Dictionary<string, ColumnDeclaration>>(json, FindingJson) ?? [];

    public static IReadOnlyList<string> OpenConditions { get; } = ["无条件开放", "有条件开放"];

    /// <summary>创建: a dataset with its metadata and no file yet (the API's first step; the console creates a dataset
    /// with its first upload). Nothing is public until a version is uploaded and approved. Scoped and audited.</summary>
    public async Task<Outcome<FileDataset>> CreateAsync(ClaimsPrincipal user, int bodyId, FileDatasetMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!await scope.MayActForAsync(user, bodyId, cancellationToken))
        {
            return Refusal.Forbidden("您不能为该单位发布数据集。");
        }

        var body = await bodies.FindAsync(bodyId, cancellationToken);
        if (body is null)
        {
            return Refusal.NotFound("没有这个单位。");
        }

        if (CheckMetadata(metadata) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        var owner = await db.InTransactionAsync(async () =>
        {
            var created = new FileDataset
            {
                BodyId = bodyId, Title = metadata.Title.Trim(), MetadataJson = JsonSerializer.Serialize(Trimmed(metadata), SchemaJsonFormat.Options),
                CreatedAt = now, UpdatedAt = now,
            };
            db.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            created.Name = $"{body.Code}-file-{created.Id}".ToLowerInvariant();
            audit.Record("file-dataset.created", Target(created), created.Title, bodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }, cancellationToken);
        return owner;
    }

    /// <summary>A dataset for one who may act for its body: not found, or refused for another body's.</summary>
    public async Task<Outcome<FileDataset>> FindAsync(ClaimsPrincipal user, int fileDatasetId, CancellationToken cancellationToken = default)
    {
        var owner = await db.Set<FileDataset>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileDatasetId, cancellationToken);
        if (owner is null)
        {
            return Refusal.NotFound("没有这个文件数据集。");
        }

        return await scope.MayActForAsync(user, owner.BodyId, cancellationToken) ? owner : Refusal.Forbidden("您不能查看该单位的数据集。");
    }

    /// <summary>The metadata a new version of <paramref name="owner"/> is submitted with when none is given: the
    /// dataset's own, else its newest version's.</summary>
    private async Task<FileDatasetMetadata?> CurrentMetadataAsync(FileDataset owner, CancellationToken cancellationToken)
    {
        var json = owner.MetadataJson ?? await db.Set<FileDatasetVersion>().AsNoTracking().Where(v => v.FileDatasetId == owner.Id)
            .OrderByDescending(v => v.Number).Select(v => v.MetadataJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<FileDatasetMetadata>(json, SchemaJsonFormat.Options);
    }

    /// <summary>Uploads a file: a new dataset (<paramref name="fileDatasetId"/> null) or a new version of one, waiting
    /// for review. <paramref name="metadata"/> may be null for a new version: the dataset's current metadata is used.</summary>
    public async Task<Outcome<FileSubmission>> SubmitAsync(ClaimsPrincipal user, int? fileDatasetId, int bodyId, FileDatasetMetadata? metadata, string fileName, byte[] content,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        FileDataset? owner = null;
        if (fileDatasetId is { } id)
        {
            owner = await db.Set<FileDataset>().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (owner is null)
            {
                return Refusal.NotFound("没有这个文件数据集。");
            }

            bodyId = owner.BodyId;
            if (await db.Set<FileDatasetVersion>().AnyAsync(v => v.FileDatasetId == id && v.Status == FileVersionStatus.AwaitingReview, cancellationToken))
            {
                return Refusal.Conflict("上一个版本还在等待审核：请先审核或退回它，再上传新版本。");
            }
        }

        if (!await scope.MayActForAsync(user, bodyId, cancellationToken))
        {
            return Refusal.Forbidden("您不能为该单位发布数据集。");
        }

        var body = await bodies.FindAsync(bodyId, cancellationToken);
        if (body is null)
        {
            return Refusal.NotFound("没有这个单位。");
        }

        metadata ??= owner is null ? null : await CurrentMetadataAsync(owner, cancellationToken);
        if (metadata is null)
        {
            return Refusal.InvalidField("Title", "请填写数据集的元数据（标题、说明、主题、更新频率、开放属性、许可协议、联系方式）。");
        }

        if (CheckMetadata(metadata) is { } refusal)
        {
            return refusal;
        }

        var check = FileTableReader.Read(fileName, content, options.Value.MaxFileDatasetBytes, ImportPlan.MaxRows);
        var storedName = Path.GetFileName(fileName) is { Length: > 0 and <= 200 } given ? given : "upload." + check.Format.ToLowerInvariant();
        if (!check.Accepted)
        {
            return new FileSubmission(null, check.Errors);
        }

        var now = clock.GetUtcNow();
        var (actorId, actorName) = (StaffClaims.UserIdOf(user), StaffClaims.DisplayNameOf(user));
        // The personal-data scan runs once, at upload; review reads its result.
        var findings = check.Table is { } scanned ? await ScanAsync(scanned.Columns, scanned.Rows, cancellationToken) : null;
        var version = await db.InTransactionAsync(async () =>
        {
            if (owner is null)
            {
                owner = new FileDataset { BodyId = bodyId, Title = metadata.Title.Trim(), CreatedAt = now, UpdatedAt = now };
                db.Add(owner);
                await db.SaveChangesAsync(cancellationToken);
                owner.Name = $"{body.Code}-file-{owner.Id}".ToLowerInvariant();
            }

            owner.Title = metadata.Title.Trim();
            owner.MetadataJson = JsonSerializer.Serialize(Trimmed(metadata), SchemaJsonFormat.Options);
            owner.UpdatedAt = now;
            var descriptions = FileDatasetSchema.ReadDescriptions(owner.DescriptionsJson);
            var number = await db.Set<FileDatasetVersion>().Where(v => v.FileDatasetId == owner.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
            var added = new FileDatasetVersion
            {
                FileDatasetId = owner.Id,
                Number = number + 1,
                Status = FileVersionStatus.AwaitingReview,
                FileName = storedName,
                Format = check.Format,
                Size = content.Length,
                RowCount = check.Table?.Rows.Count ?? 0,
                ColumnsJson = check.Table is { } table ? FileDatasetSchema.WriteColumns(ColumnInference.Infer(table.Columns, table.Rows, descriptions)) : null,
                MetadataJson = JsonSerializer.Serialize(Trimmed(metadata), SchemaJsonFormat.Options),
                PersonalDataJson = findings is null ? null : JsonSerializer.Serialize(findings, FindingJson),
                SubmittedById = actorId,
                SubmittedByName = actorName,
                SubmittedAt = now,
            };
            db.Add(added);
            await db.SaveChangesAsync(cancellationToken);
            db.Add(new FileDatasetContent { VersionId = added.Id, Content = content, RowsJson = check.Table is { } rows ? RowsJson(rows) : null });
            audit.Record("file-dataset.submitted", Target(owner), $"{owner.Title}（第 {added.Number} 版，{added.FileName}）", bodyId, actorName, actorId);
            await db.SaveChangesAsync(cancellationToken);
            return added;
        }, cancellationToken);
        return new FileSubmission(version, []);
    }

    /// <summary>审核 of a dataset's version by its number (the API's form of the review by version id below).</summary>
    public async Task<Outcome<FileDatasetVersion>> ReviewAsync(ClaimsPrincipal user, int fileDatasetId, int number, bool approve, string? comment,
        CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(user, fileDatasetId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var versionId = await db.Set<FileDatasetVersion>().Where(v => v.FileDatasetId == fileDatasetId && v.Number == number).Select(v => (int?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return versionId is { } id ? await ReviewAsync(user, id, approve, comment, cancellationToken) : Refusal.NotFound($"这个数据集没有第 {number} 版。");
    }

    /// <summary>审核: a second person approves (the version is published and replaces the previous one, which stays as
    /// history) or returns it (never public).</summary>
    public async Task<Outcome<FileDatasetVersion>> ReviewAsync(ClaimsPrincipal user, int versionId, bool approve, string? comment, CancellationToken cancellationToken = default)
    {
        var version = await db.Set<FileDatasetVersion>().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        var owner = version is null ? null : await db.Set<FileDataset>().FirstOrDefaultAsync(f => f.Id == version.FileDatasetId, cancellationToken);
        if (version is null || owner is null)
        {
            return Refusal.NotFound("没有这个数据集版本。");
        }

        if (!await scope.MayActForAsync(user, owner.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("您不能审核该单位的数据集。");
        }

        if (version.Status != FileVersionStatus.AwaitingReview)
        {
            return Refusal.Conflict("这个版本没有待审核的内容。");
        }

        var actorId = StaffClaims.UserIdOf(user);
        if (actorId is not null && string.Equals(actorId, version.SubmittedById, StringComparison.Ordinal))
        {
            return Refusal.Forbidden("须由另一人审核：您不能审核自己上传的数据集。");
        }

        // Personal data in the cells blocks approval, column by column, unless staff declared the column.
        if (approve && PersonalDataScan.Blocking(await FindingsOfAsync(version, cancellationToken), ReadDeclarations(owner.ColumnDeclarationsJson)) is { Count: > 0 } blocking)
        {
            return Refusal.Blocked(PersonalDataScan.Refusal(blocking), "数据含个人信息");
        }

        var actorName = StaffClaims.DisplayNameOf(user);
        var now = clock.GetUtcNow();
        version.ReviewedByName = actorName;
        version.ReviewedAt = now;
        version.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(comment.Trim().Length, 500)];
        if (!approve)
        {
            version.Status = FileVersionStatus.Returned;
            audit.Record("file-dataset.returned", Target(owner), $"{owner.Title}（第 {version.Number} 版）{version.ReviewComment}", owner.BodyId, actorName, actorId);
            await db.SaveChangesAsync(cancellationToken);
            return version;
        }

        await db.InTransactionAsync(async () =>
        {
            var previous = await db.Set<FileDatasetVersion>()
                .Where(v => v.FileDatasetId == owner.Id && v.Status == FileVersionStatus.Published).ToListAsync(cancellationToken);
            foreach (var old in previous)
            {
                old.Status = FileVersionStatus.Superseded;
            }

            version.Status = FileVersionStatus.Published;
            owner.PublishedVersion = version.Number;
            owner.UpdatedAt = now;
            var metadata = JsonSerializer.Deserialize<FileDatasetMetadata>(version.MetadataJson, SchemaJsonFormat.Options)
                ?? throw new InvalidOperationException("A version without metadata.");
            var dataset = await db.Set<OpenDataset>().FirstOrDefaultAsync(d => d.FileDatasetId == owner.Id, cancellationToken);
            if (dataset is null)
            {
                dataset = new OpenDataset { Id = DatasetIds.DatasetId(owner.Name), Name = owner.Name, Title = metadata.Title, FileDatasetId = owner.Id, BodyId = owner.BodyId, CreatedAt = now };
                db.Add(dataset);
            }

            dataset.Title = metadata.Title;
            dataset.Notes = metadata.Description;
            dataset.Theme = metadata.Theme;
            dataset.Keywords = metadata.Keywords;
            dataset.UpdateFrequency = metadata.UpdateFrequency;
            dataset.OpenCondition = metadata.OpenCondition;
            dataset.LicenceId = metadata.LicenceId;
            dataset.Contact = metadata.Contact;
            dataset.RecordCount = version.RowCount;
            dataset.ModifiedAt = now;
            var kind = version.Number == 1 || previous.Count == 0 ? OpenDataChanges.FileDatasetPublished : OpenDataChanges.FileDatasetReplaced;
            audit.Record(kind.Name, Target(owner), $"{metadata.Title}（第 {version.Number} 版，{version.FileName}）", owner.BodyId, actorName, actorId);
            db.RecordChange(kind, owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), owner.BodyId);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return version;
    }

    /// <summary>Saves the data dictionary's column descriptions (public at once: they explain, they are not data);
    /// audited, and the dataset's metadata_modified moves so harvesters fetch it again.</summary>
    public async Task<Outcome> SaveDescriptionsAsync(ClaimsPrincipal user, int fileDatasetId, IReadOnlyDictionary<string, string?> descriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        var owner = await db.Set<FileDataset>().FirstOrDefaultAsync(f => f.Id == fileDatasetId, cancellationToken);
        if (owner is null)
        {
            return Refusal.NotFound("没有这个文件数据集。");
        }

        if (!await scope.MayActForAsync(user, owner.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("您不能修改该单位的数据集。");
        }

        if (descriptions.FirstOrDefault(d => (d.Value?.Length ?? 0) > 500) is { Key: { } tooLong })
        {
            return Refusal.InvalidField(tooLong, $"“{tooLong}”的说明超过 500 个字。");
        }

        var saved = FileDatasetSchema.ReadDescriptions(owner.DescriptionsJson);
        foreach (var (column, text) in descriptions)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                saved.Remove(column);
            }
            else
            {
                saved[column] = text.Trim();
            }
        }

        var now = clock.GetUtcNow();
        owner.DescriptionsJson = SchemaJsonFormat.WriteValues(saved);
        owner.UpdatedAt = now;
        if (await db.Set<OpenDataset>().FirstOrDefaultAsync(d => d.FileDatasetId == owner.Id, cancellationToken) is { } dataset)
        {
            dataset.ModifiedAt = now;
        }

        audit.Record("file-dataset.dictionary-edited", Target(owner), owner.Title, owner.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The scan of a version: stored at upload; for a version uploaded before the scan existed, made now from
    /// its stored table and stored.</summary>
    public async Task<IReadOnlyList<ColumnFinding>> FindingsOfAsync(FileDatasetVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.PersonalDataJson is not null || version.ColumnsJson is null)
        {
            return ReadFindings(version.PersonalDataJson);
        }

        var rowsJson = await db.Set<FileDatasetContent>().AsNoTracking().Where(c => c.VersionId == version.Id).Select(c => c.RowsJson).SingleOrDefaultAsync(cancellationToken);
        var columns = FileDatasetSchema.ReadColumns(version.ColumnsJson).Select(c => c.Key).ToList();
        var rows = (rowsJson is null ? [] : JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(rowsJson) ?? [])
            .Select(r => (IReadOnlyList<string>)columns.Select(c => r.GetValueOrDefault(c) ?? "").ToList()).ToList();
        var findings = await ScanAsync(columns, rows, cancellationToken);
        version.PersonalDataJson = JsonSerializer.Serialize(findings, FindingJson);
        return findings;
    }

    /// <summary>声明: staff answer the scan for flagged columns — not personal data, or already masked (null removes the
    /// declaration). Kept for the dataset by column name; audited.</summary>
    public async Task<Outcome> DeclareColumnsAsync(ClaimsPrincipal user, int fileDatasetId, IReadOnlyDictionary<string, ColumnDeclaration?> declarations,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        var owner = await db.Set<FileDataset>().FirstOrDefaultAsync(f => f.Id == fileDatasetId, cancellationToken);
        if (owner is null)
        {
            return Refusal.NotFound("没有这个文件数据集。");
        }

        if (!await scope.MayActForAsync(user, owner.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("您不能修改该单位的数据集。");
        }

        var saved = new Dictionary<string, ColumnDeclaration>(ReadDeclarations(owner.ColumnDeclarationsJson), StringComparer.Ordinal);
        foreach (var (column, declaration) in declarations)
        {
            if (declaration is { } value)
            {
                saved[column] = value;
            }
            else
            {
                saved.Remove(column);
            }
        }

        owner.ColumnDeclarationsJson = JsonSerializer.Serialize(saved, FindingJson);
        owner.UpdatedAt = clock.GetUtcNow();
        var summary = string.Join("；", declarations.Select(d => $"{d.Key}：{(d.Value is { } v ? PersonalDataScan.Name(v) : "取消声明")}"));
        audit.Record("file-dataset.columns-declared", Target(owner), $"{owner.Title}（{summary}）", owner.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    private async Task<IReadOnlyList<ColumnFinding>> ScanAsync(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, CancellationToken cancellationToken)
    {
        var profile = await safeguards.GetAsync(db, cancellationToken);
        return PersonalDataScan.Scan(columns, rows, profile, ChinaTime.Today(clock));
    }

    public static string Target(FileDataset owner) => $"file-dataset:{owner.Id}";

    private static Refusal? CheckMetadata(FileDatasetMetadata m)
    {
        if (string.IsNullOrWhiteSpace(m.Title) || m.Title.Trim().Length > 200)
        {
            return Refusal.InvalidField("Title", "请填写标题（不超过 200 个字）。");
        }

        if (string.IsNullOrWhiteSpace(m.Description) || m.Description.Length > 2000)
        {
            return Refusal.InvalidField("Description", "请填写数据集说明（不超过 2000 个字）：它包含什么、来源和统计口径。");
        }

        if (string.IsNullOrWhiteSpace(m.Theme) || m.Theme.Trim().Length > 50)
        {
            return Refusal.InvalidField("Theme", "请选择主题。");
        }

        if ((m.Keywords?.Length ?? 0) > 500)
        {
            return Refusal.InvalidField("Keywords", "关键词合计不超过 500 个字。");
        }

        if (!UpdateFrequency.All.Contains(m.UpdateFrequency))
        {
            return Refusal.InvalidField("UpdateFrequency", $"更新频率应为{string.Join("、", UpdateFrequency.All)}之一。");
        }

        if (!OpenConditions.Contains(m.OpenCondition))
        {
            return Refusal.InvalidField("OpenCondition", "开放属性应为无条件开放或有条件开放。");
        }

        if (!CkanJson.Licences.ContainsKey(m.LicenceId ?? ""))
        {
            return Refusal.InvalidField("LicenceId", "请从列表中选择许可协议。");
        }

        if (string.IsNullOrWhiteSpace(m.Contact) || m.Contact.Trim().Length > 200)
        {
            return Refusal.InvalidField("Contact", "请填写联系方式（科室、电话或邮箱，不超过 200 个字）。");
        }

        return null;
    }

    private static FileDatasetMetadata Trimmed(FileDatasetMetadata m) => new(
        m.Title.Trim(), m.Description.Trim(), m.Theme.Trim(),
        string.Join(",", (m.Keywords ?? "").Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()),
        m.UpdateFrequency, m.OpenCondition, m.LicenceId, m.Contact.Trim());

    /// <summary>The table as one JSON array of objects (string values keyed by column), the form downloads convert from.</summary>
    private static string RowsJson(FileTable table)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SchemaJsonFormat.Options.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var row in table.Rows)
            {
                writer.WriteStartObject();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    writer.WriteString(table.Columns[i], row[i]);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
