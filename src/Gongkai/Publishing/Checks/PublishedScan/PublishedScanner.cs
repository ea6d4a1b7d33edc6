using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Text;
using Gongkai.Publishing.Attachments;
using Gongkai.Publishing.Rules;
using Gongkai.Safeguards;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks.PublishedScan;

/// <summary>How far a scan is: documents scanned of the total, texts skipped as unchanged, texts checked.</summary>
public sealed record ScanProgress(int Scanned, int Total, int Skipped, int Checked, int NewlyFound);

/// <summary>
/// Scans every published document — its body and each attachment's text — for personal data with the current rules,
/// not only documents checked before publication: what was published before a detector learnt a pattern (a name in a
/// list, an ID number with a wrong check digit) is found now. A text already scanned with the same rules and unchanged
/// (same SHA-256) is skipped. Results are stored per text (kinds and counts only); an attachment's stored findings are
/// refreshed, so the document's findings panel and the 更正 gate see them. Each body's staff are notified once per run
/// of the texts in which personal data was found for the first time. Progress is saved after each batch.
/// </summary>
public sealed class PublishedScanner(GongkaiDbContext db, SafeguardsService safeguards, BodyTextFindingSource bodies, INotifier notifier, UserManager<StaffUser> users, TimeProvider clock)
{
    public const int BatchSize = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PublishedScanRun> RunAsync(string startedBy, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new PublishedScanRun
        {
            StartedAt = clock.GetUtcNow(),
            StartedBy = startedBy,
            Total = await db.Set<Document>().CountAsync(d => d.Status == DocumentStatus.Published, cancellationToken),
        };
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        var rules = await safeguards.PersonalRulesVersionAsync(cancellationToken);
        var newlyFoundByBody = new Dictionary<int, List<string>>();
        await foreach (var batch in db.PublishedInBatchesAsync(BatchSize, cancellationToken))
        {
            var ids = batch.Select(d => d.Id).ToList();
            var results = (await db.Set<PublishedScanResult>().Where(r => ids.Contains(r.DocumentId)).ToListAsync(cancellationToken))
                .ToDictionary(r => (r.DocumentId, r.Source));
            var attachments = (await db.Set<DocumentAttachment>().Where(a => ids.Contains(a.DocumentId) && a.Text != "").ToListAsync(cancellationToken))
                .ToLookup(a => a.DocumentId);
            var overrides = (await db.Set<FindingOverride>().AsNoTracking().Where(o => ids.Contains(o.DocumentId)).ToListAsync(cancellationToken))
                .Select(o => (o.DocumentId, Covered: FindingKinds.TryParse(o.Kind, out var kind) ? new OverriddenFinding(kind, o.Text) : null))
                .Where(o => o.Covered is not null).ToLookup(o => o.DocumentId, o => o.Covered!);
            foreach (var document in batch)
            {
                var confirmedPublic = overrides[document.Id].ToHashSet();
                var bodyText = HtmlText.Parse(document.BodyHtml).Text;
                await ScanTextAsync(run, rules, results, document, PublishedScanResult.BodySource, "正文", bodyText, newlyFoundByBody, async () =>
                    (await bodies.FindAsync(document, cancellationToken)).Where(f => f.IsPersonal).Select(f => new OverriddenFinding(f.Kind, f.Text)).ToList(), confirmedPublic, cancellationToken);
                foreach (var attachment in attachments[document.Id].OrderBy(a => a.Position).ThenBy(a => a.Id))
                {
                    await ScanTextAsync(run, rules, results, document, $"attachment:{attachment.Id}", $"附件《{attachment.FileName}》", attachment.Text, newlyFoundByBody,
                        () => RefreshAttachmentAsync(attachment, document.SignedOn, cancellationToken), confirmedPublic, cancellationToken);
                }

                run.Scanned++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.Attach(run);
            progress?.Report(Progress(run));
        }

        run.FinishedAt = clock.GetUtcNow();
        await NotifyAsync(newlyFoundByBody, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        progress?.Report(Progress(run));
        return run;
    }

    /// <summary>Scans one published document again (after a correction), outside any run; the caller saves.</summary>
    public async Task ScanDocumentAsync(int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.Status == DocumentStatus.Published, cancellationToken);
        if (document is null)
        {
            return;
        }

        var rules = await safeguards.PersonalRulesVersionAsync(cancellationToken);
        var results = (await db.Set<PublishedScanResult>().Where(r => r.DocumentId == documentId).ToListAsync(cancellationToken)).ToDictionary(r => (r.DocumentId, r.Source));
        var unsaved = new PublishedScanRun { StartedBy = "更正后复查" };
        var overridden = (await db.Set<FindingOverride>().AsNoTracking().Where(o => o.DocumentId == documentId).ToListAsync(cancellationToken))
            .Select(o => FindingKinds.TryParse(o.Kind, out var kind) ? new OverriddenFinding(kind, o.Text) : null).OfType<OverriddenFinding>().ToHashSet();
        var ignored = new Dictionary<int, List<string>>();
        await ScanTextAsync(unsaved, rules, results, document, PublishedScanResult.BodySource, "正文", HtmlText.Parse(document.BodyHtml).Text, ignored, async () =>
            (await bodies.FindAsync(document, cancellationToken)).Where(f => f.IsPersonal).Select(f => new OverriddenFinding(f.Kind, f.Text)).ToList(), overridden, cancellationToken);
        foreach (var attachment in await db.Set<DocumentAttachment>().Where(a => a.DocumentId == documentId && a.Text != "").ToListAsync(cancellationToken))
        {
            await ScanTextAsync(unsaved, rules, results, document, $"attachment:{attachment.Id}", $"附件《{attachment.FileName}》", attachment.Text, ignored,
                () => RefreshAttachmentAsync(attachment, document.SignedOn, cancellationToken), overridden, cancellationToken);
        }
    }

    public static ScanProgress Progress(PublishedScanRun run) => new(run.Scanned, run.Total, run.Skipped, run.Checked, run.NewlyFound);

    private async Task ScanTextAsync(PublishedScanRun run, string rules, Dictionary<(int, string), PublishedScanResult> results, Document document, string source, string location,
        string text, Dictionary<int, List<string>> newlyFoundByBody, Func<Task<List<OverriddenFinding>>> find, HashSet<OverriddenFinding> overridden, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (results.TryGetValue((document.Id, source), out var result) && result.ContentSha256 == hash && result.RulesVersion == rules)
        {
            run.Skipped++;
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        // what the final reviewer confirmed as lawfully public before publication (a punitive notice's party) stays public
        var kinds = (await find()).Where(f => !overridden.Contains(f)).Select(f => f.Kind).ToList();
        run.Checked++;
        if (result is null)
        {
            result = new PublishedScanResult { DocumentId = document.Id, BodyId = document.BodyId, Source = source, Location = location, ContentSha256 = hash, RulesVersion = rules };
            db.Add(result);
            results[(document.Id, source)] = result;
        }

        var hadFindings = result.PersonalCount > 0;
        result.Location = location.Length > 300 ? location[..300] : location;
        result.ContentSha256 = hash;
        result.RulesVersion = rules;
        result.ScannedAt = clock.GetUtcNow();
        result.PersonalCount = kinds.Count;
        result.Summary = string.Join("；", kinds.GroupBy(k => k).OrderBy(g => g.Key).Select(g => $"{g.Key.DisplayName()} {g.Count()} 处"));
        result.FoundAt = kinds.Count == 0 ? null : result.FoundAt ?? result.ScannedAt;
        if (kinds.Count > 0 && !hadFindings)
        {
            run.NewlyFound++;
            if (!newlyFoundByBody.TryGetValue(document.BodyId, out var titles))
            {
                newlyFoundByBody[document.BodyId] = titles = [];
            }

            titles.Add($"《{document.Title}》{location}");
        }
    }

    /// <summary>Checks an attachment's text with the current rules and stores the findings on the attachment (as at upload).</summary>
    private async Task<List<OverriddenFinding>> RefreshAttachmentAsync(DocumentAttachment attachment, DateOnly? documentDate, CancellationToken cancellationToken)
    {
        var personal = new List<Finding>();
        var offsets = new List<int>();
        foreach (var (offset, length) in BodyParts.Split(attachment.Text, SafeguardsChecker.MaxTextLength))
        {
            var result = await safeguards.CheckAsync(attachment.Text.Substring(offset, length), documentDate, cancellationToken);
            foreach (var finding in result.Findings.Where(f => f.Kind.IsPersonal()))
            {
                personal.Add(finding);
                offsets.Add(offset);
            }
        }

        var oneNode = new HashSet<string>(StringComparer.Ordinal);
        if (attachment.Kind == AttachmentKind.Docx && personal.Count > 0)
        {
            var bytes = await db.Set<AttachmentContent>().AsNoTracking().Where(c => c.AttachmentId == attachment.Id).Select(c => c.Bytes).SingleAsync(cancellationToken);
            oneNode = DocxMasker.FindableInOneNode(bytes, personal.Select(f => f.Text)).ToHashSet(StringComparer.Ordinal);
        }

        var stored = personal.Select((f, i) => new AttachmentFinding(f.Kind.Code(), f.Kind.DisplayName(), offsets[i] + f.Start, f.Length, f.Text, f.Replacement, f.Message, oneNode.Contains(f.Text))).ToList();
        var json = JsonSerializer.Serialize(stored, Json);
        if (json != attachment.FindingsJson)
        {
            attachment.FindingsJson = json;
        }

        return personal.Select(f => new OverriddenFinding(f.Kind, f.Text)).ToList();
    }

    private async Task NotifyAsync(Dictionary<int, List<string>> newlyFoundByBody, CancellationToken cancellationToken)
    {
        foreach (var (bodyId, texts) in newlyFoundByBody)
        {
            var recipients = await users.Users.Where(u => u.BodyId == bodyId).Select(u => u.Id).ToListAsync(cancellationToken);
            if (recipients.Count == 0)
            {
                continue;
            }

            var listed = string.Join("、", texts.Take(10)) + (texts.Count > 10 ? $" 等 {texts.Count} 处" : "");
            await notifier.NotifyAsync(new Notification(
                recipients,
                $"已公开文件中发现个人信息（{texts.Count} 处）",
                $"对已公开文件的个人信息扫描在以下内容中发现了个人信息：{listed}。请在“已公开文件个人信息扫描”中核实，并遮盖后更正发布：{PublishedScanPaths.Dashboard}",
                "publishing.published-scan"), cancellationToken);
        }
    }
}

public static class PublishedScanPaths
{
    public const string Dashboard = "/admin/safeguards/published-scan";
}
