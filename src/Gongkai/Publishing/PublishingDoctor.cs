using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Doctor;
using Gongkai.Publishing.Import;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing;

/// <summary>
/// <c>doctor</c>: every document that is public (published, or withdrawn with its page kept) has what
/// <see cref="DocumentPublisher"/> writes with it — its current version, a 发布 history entry, an audit row and a
/// change-log row naming its 索引号. With <c>--repair</c>: a published document without its version (a publication cut
/// off half-way: it cannot be shown correctly and was never confirmed) goes back to draft, out of lists, feeds and
/// search, with a history entry, an audit row and a change-log row so the site follows; a document that has its
/// version but lacks a history entry, audit row or change-log row gets the missing row, marked as written by the
/// doctor (a missing change-log row means search, feeds and the public log never heard of the document: writing it
/// lets them catch up).
/// </summary>
internal sealed class PublishedDocumentsCheck(GongkaiDbContext db, AuditLog audit, DocumentPublisher publisher, TimeProvider clock) : IDoctorCheck
{
    public const string Actor = "doctor（一致性检查）";
    public const string UnpublishedAction = "document.unpublished-incomplete";

    public int Order => 10;

    public string Title => "已发布文件的版本、历史、审计和变更记录";

    public async Task RunAsync(DoctorReport report, bool repair, CancellationToken cancellationToken)
    {
        var documents = await db.Set<Document>().AsNoTracking()
            .Where(d => (d.Status == DocumentStatus.Published || d.Status == DocumentStatus.Withdrawn) && d.IndexNo != null)
            .Select(d => new { d.Id, IndexNo = d.IndexNo!, d.Status, d.CurrentVersion, d.BodyId })
            .ToListAsync(cancellationToken);
        var versions = (await db.Set<DocumentVersion>().AsNoTracking().Select(v => new { v.DocumentId, v.Number }).ToListAsync(cancellationToken))
            .Select(v => (v.DocumentId, v.Number)).ToHashSet();
        var histories = (await db.Set<DocumentHistoryEntry>().AsNoTracking().Where(h => h.Action == "published")
            .Select(h => h.DocumentId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        string[] publicationActions = [PublishingChanges.DocumentPublished.Name, PublishingChanges.DocumentCorrected.Name];
        var audited = (await db.Set<AuditEntry>().AsNoTracking().Where(a => publicationActions.Contains(a.Action) && a.Target.StartsWith("document:"))
            .Select(a => a.Target).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var logged = (await db.Set<ChangeLogEntry>().AsNoTracking().Where(c => publicationActions.Contains(c.Kind) && c.Entity == "document")
            .Select(c => c.EntityId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var halfWritten = documents.Where(d => d.CurrentVersion < 1 || !versions.Contains((d.Id, d.CurrentVersion))).ToList();
        var whole = documents.Except(halfWritten).ToList();
        var noHistory = whole.Where(d => !histories.Contains(d.Id)).ToList();
        var noAudit = whole.Where(d => !audited.Contains("document:" + d.IndexNo)).ToList();
        var noChange = whole.Where(d => !logged.Contains(d.IndexNo)).ToList();

        await report.PassedAsync($"公开的文件 {documents.Count} 件（已发布 {documents.Count(d => d.Status == DocumentStatus.Published)} 件，已撤回 {documents.Count(d => d.Status == DocumentStatus.Withdrawn)} 件）。");
        if (halfWritten.Count + noHistory.Count + noAudit.Count + noChange.Count == 0)
        {
            await report.PassedAsync("每件都有当前版本、发布历史、审计记录和变更记录。");
            return;
        }

        if (halfWritten.Count > 0)
        {
            await report.ProblemAsync(halfWritten.Count, "已公开但没有当前版本记录（发布中途中断：页面和接口无法正确显示，检索不会收录）", halfWritten.Select(d => d.IndexNo));
        }

        if (noHistory.Count > 0)
        {
            await report.ProblemAsync(noHistory.Count, "缺少发布历史记录", noHistory.Select(d => d.IndexNo));
        }

        if (noAudit.Count > 0)
        {
            await report.ProblemAsync(noAudit.Count, "缺少发布审计记录", noAudit.Select(d => d.IndexNo));
        }

        if (noChange.Count > 0)
        {
            await report.ProblemAsync(noChange.Count, "缺少变更记录（检索、订阅推送和公开日志都不知道这些文件）", noChange.Select(d => d.IndexNo));
        }

        if (!repair)
        {
            return;
        }

        var ids = documents.Select(d => d.Id).ToHashSet();
        var tracked = await db.Set<Document>().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var now = clock.GetUtcNow();
        await db.InTransactionAsync(async () =>
        {
            foreach (var row in halfWritten.Where(d => d.Status == DocumentStatus.Published))
            {
                var document = tracked[row.Id];
                document.Status = DocumentStatus.Draft;
                document.PublishedAt = null;
                document.CurrentVersion = 0;
                document.UpdatedAt = now;
                document.Revision++;
                const string reason = "发布未完成（缺少版本记录），由一致性检查退回草稿；索引号保留，重新审核后发布";
                publisher.History(document, "unpublished-incomplete", actorId: null, Actor, reason, now);
                audit.Record(UnpublishedAction, DocumentPublisher.Target(document), reason, bodyId: document.BodyId, actorName: Actor);
                // Search drops it, cached pages and feeds are refreshed; nothing reaches the public log (never logged).
                db.RecordChange(PublishingChanges.DocumentWithdrawn, row.IndexNo, row.BodyId, detail: "doctor: unpublished-incomplete");
            }

            foreach (var row in noHistory)
            {
                publisher.History(tracked[row.Id], "published", actorId: null, Actor, "补记：原发布历史记录缺失", now);
            }

            foreach (var row in noAudit)
            {
                audit.Record(PublishingChanges.DocumentPublished.Name, "document:" + row.IndexNo, "由一致性检查补记：原发布审计记录缺失", bodyId: row.BodyId, actorName: Actor);
            }

            foreach (var row in noChange)
            {
                db.RecordChange(PublishingChanges.DocumentPublished, row.IndexNo, row.BodyId, detail: "doctor: missing change-log row");
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

        var unpublished = halfWritten.Where(d => d.Status == DocumentStatus.Published).ToList();
        if (unpublished.Count > 0)
        {
            await report.RepairedAsync(unpublished.Count, "已退回草稿（不再公开；写了历史、审计和变更记录，网站据此更新列表和检索；编辑可在“主动公开”中重新送审）", unpublished.Select(d => d.IndexNo));
        }

        if (noHistory.Count > 0)
        {
            await report.RepairedAsync(noHistory.Count, "已补记发布历史", noHistory.Select(d => d.IndexNo));
        }

        if (noAudit.Count > 0)
        {
            await report.RepairedAsync(noAudit.Count, "已补记审计记录（注明由一致性检查补记）", noAudit.Select(d => d.IndexNo));
        }

        if (noChange.Count > 0)
        {
            await report.RepairedAsync(noChange.Count, "已补写变更记录（运行中的网站随即把它们加入检索、订阅推送和公开日志）", noChange.Select(d => d.IndexNo));
        }

        var withdrawnHalf = halfWritten.Count - unpublished.Count;
        if (withdrawnHalf > 0)
        {
            await report.NoteAsync($"{withdrawnHalf} 件已撤回的文件缺少版本记录，撤回页面仍在；请人工核对，未自动修改。");
        }
    }
}

/// <summary>
/// <c>doctor</c>: an import run twice must not publish a file twice. Two import records never name one document, and
/// no document published outside the import records repeats (same body, title and text) a document the import
/// published — the trace a re-run leaves when an earlier run was cut off after publishing. Reported, not repaired:
/// both copies are public under their own 索引号, and withdrawing one is a public act for a person to decide.
/// </summary>
internal sealed class ImportRecordsCheck(GongkaiDbContext db) : IDoctorCheck
{
    public int Order => 20;

    public string Title => "导入记录无重复";

    public async Task RunAsync(DoctorReport report, bool repair, CancellationToken cancellationToken)
    {
        var records = await db.Set<ImportedDocument>().AsNoTracking().Select(i => new { i.DocumentId, i.SourceKey }).ToListAsync(cancellationToken);
        var indexNumbers = await db.Set<Document>().AsNoTracking().Where(d => d.IndexNo != null)
            .ToDictionaryAsync(d => d.Id, d => d.IndexNo!, cancellationToken);
        var shared = records.GroupBy(r => r.DocumentId).Where(g => g.Count() > 1).ToList();

        var imported = records.Select(r => r.DocumentId).ToHashSet();
        var published = await db.Set<Document>().AsNoTracking()
            .Where(d => d.Status == DocumentStatus.Published && d.IndexNo != null)
            .Select(d => new { d.Id, IndexNo = d.IndexNo!, d.BodyId, d.Title })
            .ToListAsync(cancellationToken);
        // Titles first, texts only for the few documents whose body and title match an imported one.
        var importedByTitle = published.Where(d => imported.Contains(d.Id)).ToLookup(d => (d.BodyId, d.Title));
        var candidates = published.Where(d => !imported.Contains(d.Id) && importedByTitle.Contains((d.BodyId, d.Title)))
            .Select(d => (Copy: d, Originals: importedByTitle[(d.BodyId, d.Title)].ToList())).ToList();
        var textIds = candidates.SelectMany(c => c.Originals.Select(o => o.Id).Append(c.Copy.Id)).ToHashSet();
        var texts = textIds.Count == 0
            ? []
            : await db.Set<Document>().AsNoTracking().Where(d => textIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.BodyHtml, cancellationToken);
        var repeats = candidates
            .Select(c => (Copy: c.Copy.IndexNo, Original: c.Originals.FirstOrDefault(o => texts[o.Id] == texts[c.Copy.Id])?.IndexNo))
            .Where(p => p.Original is not null)
            .ToList();

        await report.PassedAsync($"导入记录 {records.Count} 条。");
        if (shared.Count == 0 && repeats.Count == 0)
        {
            await report.PassedAsync("没有两条导入记录指向同一文件，也没有重复发布的导入文件。");
            return;
        }

        if (shared.Count > 0)
        {
            await report.ProblemAsync(shared.Count, "多条导入记录指向同一文件",
                shared.Select(g => $"{(indexNumbers.TryGetValue(g.Key, out var no) ? no : "#" + g.Key)}（{string.Join("，", g.Select(r => r.SourceKey))}）"));
        }

        if (repeats.Count > 0)
        {
            await report.ProblemAsync(repeats.Count, "与导入文件同机构、同标题、同正文的重复发布（请人工核对后撤回多余的一件）",
                repeats.Select(p => $"{p.Copy} 重复 {p.Original}"));
        }

        if (repair)
        {
            await report.NoteAsync("重复发布不自动修复：两件都已公开，撤回哪一件需要人工决定。");
        }
    }
}
