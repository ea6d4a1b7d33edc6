using System.Globalization;
using Gongkai.Platform.Data;
using Gongkai.Platform.Doctor;
using Gongkai.Publishing.Contracts;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Search.Indexing;

/// <summary>
/// <c>doctor</c>: this node's search index holds exactly the documents the database publishes. The index is read from
/// its last commit with a plain reader — no writer, no lock — so the check runs beside the site that owns the index.
/// Differences while the index is behind the change log may be work in progress and are only described; once it has
/// caught up they are problems, each 索引号 named. <c>--repair</c> writes a <see cref="SearchChanges.DocumentRecheck"/>
/// row per differing 索引号: the site's index reads those documents again from the database (adds or removes them).
/// </summary>
internal sealed class SearchIndexDoctorCheck(SearchIndexLocation location, PublishedDocuments documents, GongkaiDbContext db) : IDoctorCheck
{
    public int Order => 30;

    public string Title => "检索索引与数据库一致";

    public async Task RunAsync(DoctorReport report, bool repair, CancellationToken cancellationToken)
    {
        var snapshot = Read(location.Root, out var unreadable);
        if (snapshot is null)
        {
            await report.NoteAsync(unreadable ?? $"检索索引目录 {location.Root} 中还没有索引（网站尚未在此启动过，或恢复后已清空）：网站启动时按数据库建立，无需检查。");
            return;
        }

        var published = (await documents.WithBodies().Select(d => d.IndexNo!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // Documents with change-log rows the index has not applied yet may differ only for now (the site applies them
        // within seconds; a stopped site on its next start).
        var waiting = (await db.Set<ChangeLogEntry>().AsNoTracking().Where(c => c.Id > snapshot.Position && c.Entity == "document")
            .Select(c => c.EntityId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = published.Except(snapshot.IndexNumbers).Order(StringComparer.Ordinal).ToList();
        var extra = snapshot.IndexNumbers.Except(published).Order(StringComparer.Ordinal).ToList();
        await report.PassedAsync($"数据库中已发布的文件 {published.Count} 件；检索索引（{snapshot.Generation}，变更日志第 {snapshot.Position.ToString(CultureInfo.InvariantCulture)} 条）收录 {snapshot.IndexNumbers.Count} 件。");
        var inProgress = missing.Concat(extra).Where(waiting.Contains).ToList();
        missing = missing.Except(inProgress).ToList();
        extra = extra.Except(inProgress).ToList();
        if (inProgress.Count > 0)
        {
            await report.NoteAsync($"{inProgress.Count} 件文件的变更索引尚未处理（网站运行时几秒内处理完，停止的网站在下次启动时处理），暂不比较：{string.Join("、", inProgress.Take(DoctorReport.ListedAtMost))}");
        }

        if (missing.Count + extra.Count == 0)
        {
            await report.PassedAsync(inProgress.Count == 0 ? "检索索引的文件与数据库一致。" : "其余文件检索索引与数据库一致。");
            return;
        }

        if (missing.Count > 0)
        {
            await report.ProblemAsync(missing.Count, "已发布但检索不到（索引已处理到它的全部变更却没有收录）", missing);
        }

        if (extra.Count > 0)
        {
            await report.ProblemAsync(extra.Count, "检索仍能找到但数据库中并未发布", extra);
        }

        if (!repair)
        {
            return;
        }

        foreach (var indexNo in missing.Concat(extra))
        {
            db.RecordChange(SearchChanges.DocumentRecheck, indexNo, detail: "doctor: index and database differ");
        }

        await db.SaveChangesAsync(cancellationToken);
        await report.RepairedAsync(missing.Count + extra.Count, "已请检索索引按数据库重读这些文件（写入变更记录；运行中的网站随即处理，未运行的网站在下次启动时处理）", missing.Concat(extra));
    }

    /// <summary>The serving generation as of its last commit, or null (with why, when it exists but cannot be read).</summary>
    internal static IndexSnapshot? Read(string root, out string? unreadable)
    {
        unreadable = null;
        var name = System.IO.Directory.Exists(root) ? SearchIndex.CurrentGenerationName(root) : null;
        if (name is null || !System.IO.Directory.Exists(Path.Combine(root, name)))
        {
            return null;
        }

        // Segments name the index's own codec; touching it registers it with Lucene's factories before the read.
        GC.KeepAlive(SearchCodec.Instance);
        try
        {
            using var directory = FSDirectory.Open(Path.Combine(root, name));
            using var reader = DirectoryReader.Open(directory);
            var position = reader.IndexCommit.UserData.TryGetValue(SearchIndex.PositionKey, out var text)
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
            var indexNumbers = new HashSet<string>(StringComparer.Ordinal);
            var bytes = new BytesRef();
            foreach (var leaf in reader.Leaves)
            {
                var atomic = leaf.AtomicReader;
                var hits = atomic.GetBinaryDocValues(SearchFields.Hit);
                var live = atomic.LiveDocs;
                for (var doc = 0; hits is not null && doc < atomic.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc))
                    {
                        continue;
                    }

                    hits.Get(doc, bytes);
                    // Open-data records and datasets (keys record:…, dataset:…) are not documents: this check compares documents.
                    if (HitRecord.Decode(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)) is { } hit && !hit.IndexNo.Contains(':', StringComparison.Ordinal))
                    {
                        indexNumbers.Add(hit.IndexNo);
                    }
                }
            }

            return new IndexSnapshot(name, position, indexNumbers);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or CorruptIndexException or IndexFormatTooOldException)
        {
            unreadable = $"无法在不取得写锁的情况下读取检索索引 {Path.Combine(root, name)}（{failure.Message}）：未比较文件数。可运行 reindex 重建。";
            return null;
        }
    }

    internal sealed record IndexSnapshot(string Generation, long Position, IReadOnlySet<string> IndexNumbers);
}
