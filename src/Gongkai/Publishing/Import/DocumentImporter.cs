using System.Diagnostics;
using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Import;

public sealed record ImportRejection(string Path, string Reason);

/// <summary>A file imported with something left empty or ignored (a library field it could not derive, an unusable override).</summary>
public sealed record ImportNote(string Path, string Note);

public sealed record ImportSummary(int Imported, int Updated, int Unchanged, IReadOnlyList<ImportRejection> Rejected, TimeSpan Elapsed)
{
    /// <summary>Reference documents (law library) among the files read, new, updated or unchanged.</summary>
    public int References { get; init; }

    public IReadOnlyList<ImportNote> Notes { get; init; } = [];

    public int Total => Imported + Updated + Unchanged + Rejected.Count;
}

/// <summary>Where the importer reports as it goes (the console verb draws a progress bar).</summary>
public interface IImportProgress
{
    void Started(int total);

    void Advanced(int done);

    void Rejected(ImportRejection rejection);
}

/// <summary>
/// Imports a folder of Markdown files into one body as published documents, fast and idempotently.
/// <para>Each new file becomes a published document with a 索引号 of its body and publication year (publication
/// date = <c>issued</c>, China time), version 1 with its SHA-256, a history entry, an audit row and a change-log
/// entry (so feeds and search follow), filed in the catalogue node its <c>category</c> names (created when
/// missing). A file imported before (same body and source key) is left alone when unchanged, and otherwise
/// updated as a correction (更正: a new version with the reason “重新导入”). Bad files are reported and skipped.</para>
/// <para>Every publication and correction goes through <see cref="DocumentPublisher"/>, like the desk's: the importer
/// only reads files and decides new/changed/unchanged. Each batch (catalogue nodes it needs, documents, versions,
/// history, audit, change log, import records) is saved in one transaction, so a killed import leaves whole
/// batches and never a public document without its version or change-log row.</para>
/// <para>Speed: files are parsed on all cores a batch at a time; documents are inserted <see cref="BatchSize"/> per
/// save (or <c>batchSize</c>) with change detection off and the change tracker cleared between batches; existing keys and catalogue
/// paths are loaded once, so there is no query per file. The publisher reserves 索引号 one block per batch and year,
/// so documents published while an import runs never collide with it.</para>
/// <para>Laws and other reference documents (<see cref="ReferenceClassification"/>) become law-library documents: a
/// library number (FG-…) instead of a 索引号, no catalogue node, their issuer, level, region and status, and the
/// versions of one law linked; what cannot be derived is listed in <see cref="ImportSummary.Notes"/>.</para>
/// <para>Imported documents get no publication deadline (they were published elsewhere, often years before the
/// calendar begins).</para>
/// </summary>
public sealed class DocumentImporter(GongkaiDbContext db, AuditLog audit, TimeProvider clock, IOutputCacheStore cache, DocumentPublisher publisher)
{
    public const int BatchSize = 200;
    public const string Actor = "导入";
    public const string ReimportReason = "重新导入：源文件内容已更改";

    /// <param name="batchSize">Files per transaction: smaller batches hold SQLite's single writer for less time while the
    /// site runs beside the import; larger ones import a big folder faster.</param>
    public async Task<ImportSummary> ImportAsync(string folder, Body body, IImportProgress? progress = null, int batchSize = BatchSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var stopwatch = Stopwatch.StartNew();
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        progress?.Started(files.Count);

        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var state = await LoadStateAsync(body, cancellationToken);
        var versionStatuses = VersionStatuses(files, today);
        var rejected = new List<ImportRejection>();
        var notes = new List<ImportNote>();
        int imported = 0, updated = 0, unchanged = 0, done = 0, references = 0;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in files.Chunk(batchSize))
            {
                var parsed = new (string Path, ImportParse Parse)[batch.Length];
                Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    var relative = Path.GetRelativePath(root, batch[i]).Replace('\\', '/');
                    parsed[i] = (relative, ReadAndParse(batch[i], relative, today, versionStatuses.GetValueOrDefault(batch[i])));
                });

                var fresh = new List<ImportedFile>();
                var changed = new List<(ImportedFile File, ExistingImport Existing)>();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var (path, parse) in parsed)
                {
                    var reason = parse.Rejection;
                    var file = parse.File;
                    if (file is not null)
                    {
                        if (file.IsReference)
                        {
                            references++;
                        }

                        notes.AddRange((file.Notes ?? []).Select(n => new ImportNote(path, n)));
                        // Reference documents are not filed in the body's 主动公开 catalogue.
                        if (!file.IsReference)
                        {
                            await EnsureNodeAsync(state, body, file.CategoryPath, now, cancellationToken);
                        }

                        reason = !state.SeenKeys.Add(file.KeyHash) ? $"与本次导入的另一文件来源相同（{file.SourceKey}），已跳过。"
                            : file.IsReference ? null
                            : CatalogueRules.TypeNotAllowed(file.CategoryPath[^1], state.Nodes[file.Category].AllowedTypes, file.DocumentType);
                    }

                    if (reason is not null)
                    {
                        var rejection = new ImportRejection(path, reason);
                        rejected.Add(rejection);
                        progress?.Rejected(rejection);
                    }
                    else if (!state.Existing.TryGetValue(file!.KeyHash, out var existing))
                    {
                        fresh.Add(file);
                    }
                    else if (existing.ContentHash == file.ContentHash)
                    {
                        unchanged++;
                    }
                    else
                    {
                        changed.Add((file, existing));
                    }
                }

                var inserted = await InsertAsync(state, body, fresh, now, cancellationToken);
                var (updatedCount, refused) = await UpdateAsync(state, body, changed, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                imported += inserted;
                updated += updatedCount;
                foreach (var rejection in refused)
                {
                    rejected.Add(rejection);
                    progress?.Rejected(rejection);
                }

                db.ChangeTracker.Clear();
                done += batch.Length;
                progress?.Advanced(done);
            }

            await LinkVersionsAsync(body, cancellationToken);
            audit.Record("document.import", $"body:{body.Code}",
                string.Create(CultureInfo.InvariantCulture, $"{root}：新增 {imported}，更新 {updated}，未变 {unchanged}，拒绝 {rejected.Count}"),
                bodyId: body.Id, actorName: Actor);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.ChangeTracker.Clear();
        }

        await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
        return new ImportSummary(imported, updated, unchanged, rejected, stopwatch.Elapsed) { References = references, Notes = notes };
    }

    /// <summary>First pass over the front matter only: the 时效性 each file gets from the versions of its law (the newest
    /// 现行有效, older ones 已修改), by file.</summary>
    private static Dictionary<string, string> VersionStatuses(List<string> files, DateOnly today)
    {
        var peeks = new (string File, string Title, DateOnly? Issued, string? Status)?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                peeks[i] = ImportSource.Peek(File.ReadLines(files[i])) is { } p ? (files[i], p.Title, p.Issued, p.Status) : null;
            }
            catch (IOException)
            {
                peeks[i] = null;
            }
            catch (UnauthorizedAccessException)
            {
                peeks[i] = null;
            }
        });
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in peeks.OfType<(string File, string Title, DateOnly? Issued, string? Status)>().GroupBy(p => ReferenceClassification.VersionKey(p.Title)))
        {
            var newestFirst = group.OrderByDescending(p => p.Issued ?? DateOnly.MinValue).ToList();
            var statuses = ReferenceClassification.VersionStatuses(newestFirst.Select(p => (p.Issued, (DateOnly?)null,
                p.Status is { } s && ReferenceClassification.Statuses.Contains(s) ? s : null)).ToList(), today);
            for (var i = 0; i < newestFirst.Count; i++)
            {
                result[newestFirst[i].File] = statuses[i];
            }
        }

        return result;
    }

    /// <summary>Each superseded version of a law in the library points at the version in force (历史版本 on its page).</summary>
    private async Task LinkVersionsAsync(Body body, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Document>().Where(d => d.BodyId == body.Id && d.Kind == DocumentKind.Reference && d.LawKey != null && d.Status == DocumentStatus.Published)
            .Select(d => new { d.Id, d.LawKey, d.LegalStatus, d.SignedOn, d.SupersededById }).ToListAsync(cancellationToken);
        foreach (var group in rows.GroupBy(r => r.LawKey))
        {
            var current = group.Where(r => r.LegalStatus is ReferenceClassification.InForce or ReferenceClassification.NotYetInForce)
                .OrderByDescending(r => r.SignedOn).FirstOrDefault();
            foreach (var row in group)
            {
                int? target = current is not null && row.Id != current.Id && row.LegalStatus is ReferenceClassification.Amended or ReferenceClassification.Repealed ? current.Id : null;
                if (row.SupersededById != target)
                {
                    await db.Set<Document>().Where(d => d.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.SupersededById, target), cancellationToken);
                }
            }
        }
    }

    private static ImportParse ReadAndParse(string file, string relative, DateOnly today, string? versionStatus)
    {
        try
        {
            return ImportSource.Parse(relative, File.ReadAllText(file), today, versionStatus);
        }
        catch (IOException exception)
        {
            return new(null, $"无法读取文件：{exception.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            return new(null, "没有读取该文件的权限。");
        }
    }

    private async Task<int> InsertAsync(ImportState state, Body body, List<ImportedFile> files, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return 0;
        }

        var documents = files.Select(file =>
        {
            var document = new Document
            {
                Title = file.Title,
                DocNumber = file.DocNumber,
                BodyId = body.Id,
                DocumentType = file.DocumentType,
                Subject = file.Subject,
                SignedOn = file.Issued,
                BodyHtml = file.BodyHtml,
                Status = DocumentStatus.Draft,
                CatalogueNodeId = file.IsReference ? null : state.Nodes[file.Category].Id,
                CreatedAt = now,
                UpdatedAt = now,
            };
            Classify(document, file, body.Code);
            return document;
        }).ToList();
        var publications = documents.Select((document, i) => (document, PublicationTime(files[i], now))).ToList();
        await publisher.AssignIndexNumbersAsync(body, publications, cancellationToken);
        db.AddRange(documents);
        // Versions and history refer to the ids; both saves are inside the batch's transaction.
        await db.SaveChangesAsync(cancellationToken);

        for (var i = 0; i < files.Count; i++)
        {
            var (file, (document, at)) = (files[i], publications[i]);
            await publisher.MarkPublishedAsync(document, at, actorId: null, Actor, comment: file.SourceKey.Length > 2000 ? null : file.SourceKey,
                publishedElsewhere: true, cancellationToken);
            db.Add(new ImportedDocument { BodyId = body.Id, KeyHash = file.KeyHash, SourceKey = Truncate(file.SourceKey, 1000), DocumentId = document.Id, ContentHash = file.ContentHash, ImportedAt = now, UpdatedAt = now });
            state.Existing[file.KeyHash] = new ExistingImport(document.Id, file.ContentHash);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        return files.Count;
    }

    private async Task<(int Updated, List<ImportRejection> Refused)> UpdateAsync(ImportState state, Body body, List<(ImportedFile File, ExistingImport Existing)> changes,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var refused = new List<ImportRejection>();
        if (changes.Count == 0)
        {
            return (0, refused);
        }

        var ids = changes.Select(c => c.Existing.DocumentId).ToList();
        var documents = await db.Set<Document>().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var keys = changes.Select(c => c.File.KeyHash).ToList();
        var records = await db.Set<ImportedDocument>().Where(i => i.BodyId == body.Id && keys.Contains(i.KeyHash)).ToDictionaryAsync(i => i.KeyHash, cancellationToken);
        var count = 0;
        foreach (var (file, existing) in changes)
        {
            if (!documents.TryGetValue(existing.DocumentId, out var document) || document.Status != DocumentStatus.Published)
            {
                refused.Add(new ImportRejection(file.SourceKey, "对应的文件已撤回或不再是已发布状态，未更新。"));
                continue;
            }

            document.Title = file.Title;
            document.DocNumber = file.DocNumber;
            document.DocumentType = file.DocumentType;
            document.Subject = file.Subject;
            document.SignedOn = file.Issued;
            document.BodyHtml = file.BodyHtml;
            document.CatalogueNodeId = file.IsReference ? null : state.Nodes[file.Category].Id;
            var formerIndexNo = document.IndexNo;
            Classify(document, file, body.Code);
            if (formerIndexNo != document.IndexNo && formerIndexNo is not null)
            {
                // A law imported before the library existed carried this body's 索引号: it leaves the index under that
                // number (the projection no longer finds it) and returns under its library number.
                db.RecordChange(PublishingChanges.DocumentCorrected, formerIndexNo, document.BodyId);
            }

            publisher.MarkCorrected(document, ReimportReason, actorId: null, Actor);
            var record = records[file.KeyHash];
            record.ContentHash = file.ContentHash;
            record.UpdatedAt = now;
            state.Existing[file.KeyHash] = existing with { ContentHash = file.ContentHash };
            count++;
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        return (count, refused);
    }

    /// <summary>A reference document gets the library's fields and number (FG- and the start of its source key's hash:
    /// stable across re-imports and databases) instead of a body's 索引号; a body's own document keeps its 索引号.</summary>
    private static void Classify(Document document, ImportedFile file, string bodyCode)
    {
        if (file.Reference is not { } reference)
        {
            document.Kind = DocumentKind.Own;
            document.Issuer = document.Level = document.Region = document.LegalStatus = document.LawKey = null;
            return;
        }

        document.Kind = DocumentKind.Reference;
        document.IndexNo = LibraryNumber(bodyCode, file.KeyHash);
        document.Issuer = reference.Issuer;
        document.Level = reference.Level;
        document.Region = reference.Region;
        document.LegalStatus = reference.Status;
        document.EffectiveOn = reference.EffectiveOn;
        document.LawKey = ReferenceClassification.VersionKey(file.Title);
        document.Validity = reference.Status switch
        {
            ReferenceClassification.Amended => DocumentValidity.Revised,
            ReferenceClassification.Repealed => DocumentValidity.Repealed,
            _ => DocumentValidity.Valid,
        };
    }

    public const string LibraryPrefix = "FG-";

    /// <summary>Unique per importing body and source (the same law imported into two bodies' folders is two rows).</summary>
    public static string LibraryNumber(string bodyCode, string keyHash) =>
        LibraryPrefix + ImportSource.HashOf(bodyCode + "\n" + keyHash)[..16].ToUpperInvariant();

    /// <summary>The node for a category path, created (with the default time limit and carriers) when missing.</summary>
    private async Task<int> EnsureNodeAsync(ImportState state, Body body, IReadOnlyList<string> path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int? parentId = null;
        for (var depth = 1; depth <= path.Count; depth++)
        {
            var key = string.Join(CatalogueRules.PathSeparator, path.Take(depth));
            if (!state.Nodes.TryGetValue(key, out var known))
            {
                var siblings = state.Nodes.Values.Where(n => n.ParentId == parentId).Select(n => n.Order).DefaultIfEmpty(0).Max();
                var node = new CatalogueNode
                {
                    BodyId = body.Id,
                    ParentId = parentId,
                    Name = path[depth - 1],
                    Order = siblings + 1,
                    Content = $"导入的“{key}”类文件。",
                    ResponsibleBody = body.Name,
                    TimeLimit = CatalogueDefaults.TwentyWorkingDays,
                    Carriers = CatalogueDefaults.Website,
                    UpdateFrequency = CatalogueDefaults.AsFormed,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Add(node);
                // Saved twice for the id the audit and change-log rows name, inside the batch's transaction.
                await db.SaveChangesAsync(cancellationToken);
                var id = node.Id.ToString(CultureInfo.InvariantCulture);
                audit.Record("catalogue.created", "catalogue:" + id, key, bodyId: body.Id, actorName: Actor);
                db.RecordChange(PublishingChanges.CatalogueNodeChanged, id, body.Id, "catalogue.created");
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(node).State = EntityState.Detached;
                known = new KnownNode(node.Id, node.ParentId, node.Order, null);
                state.Nodes[key] = known;
            }

            parentId = known.Id;
        }

        return parentId!.Value;
    }

    private async Task<ImportState> LoadStateAsync(Body body, CancellationToken cancellationToken)
    {
        var existing = await db.Set<ImportedDocument>().AsNoTracking().Where(i => i.BodyId == body.Id)
            .Select(i => new { i.KeyHash, i.DocumentId, i.ContentHash }).ToListAsync(cancellationToken);

        var nodes = await db.Set<CatalogueNode>().AsNoTracking().Where(n => n.BodyId == body.Id).ToListAsync(cancellationToken);
        var byPath = new Dictionary<string, KnownNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var path = string.Join(CatalogueRules.PathSeparator, CatalogueTree.PathTo(nodes, node.Id).Select(n => n.Name));
            byPath.TryAdd(path, new KnownNode(node.Id, node.ParentId, node.Order, node.AllowedTypes));
        }

        return new ImportState(existing.ToDictionary(e => e.KeyHash, e => new ExistingImport(e.DocumentId, e.ContentHash), StringComparer.Ordinal), byPath);
    }

    /// <summary>Publication time of an imported document: its issue date at midnight China time, else now.</summary>
    private static DateTimeOffset PublicationTime(ImportedFile file, DateTimeOffset now) =>
        file.Issued is { } issued ? ChinaTime.StartOfDay(issued) : now;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private sealed record ExistingImport(int DocumentId, string ContentHash);

    private sealed record KnownNode(int Id, int? ParentId, int Order, string? AllowedTypes);

    private sealed record ImportState(Dictionary<string, ExistingImport> Existing, Dictionary<string, KnownNode> Nodes)
    {
        public HashSet<string> SeenKeys { get; } = new(StringComparer.Ordinal);
    }
}
