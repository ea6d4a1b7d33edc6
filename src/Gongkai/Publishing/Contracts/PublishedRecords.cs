using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Gazette;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>A policy interpretation as the public sees it: what the public log (Transparency) records. Interpretations
/// have no 索引号 of their own and are never edited, so <see cref="Key"/> is their number (as in
/// <c>/interpretations/{id}</c>) and every interpretation has one version. <see cref="ContentSha256"/> is recomputed from
/// the stored fields (<see cref="PublishedRecords.InterpretationContent"/>); <see cref="PublishedAt"/> is the later of
/// its creation and the first publication of a document it explains (the moment it became public).</summary>
/// <param name="ExplainsIds">Ids of the documents it explains.</param>
/// <param name="Explains">索引号 of the documents it explains that have one.</param>
public sealed record PublishedInterpretation(int Id, string Title, string ContentSha256, DateTimeOffset PublishedAt, IReadOnlyList<int> ExplainsIds, IReadOnlyList<string> Explains)
{
    public string Key => Id.ToString(CultureInfo.InvariantCulture);

    public string Url => "/interpretations/" + Key;
}

/// <summary>A published gazette issue: <see cref="Key"/> is year-number (<c>2024-7</c>); one version, because a published
/// issue cannot be changed. <see cref="ContentSha256"/> covers its identity and its table of contents in order
/// (<see cref="PublishedRecords.GazetteContent"/>), which anyone can re-read on the issue page.</summary>
public sealed record PublishedGazetteIssue(int Year, int Number, string Title, string ContentSha256, DateTimeOffset PublishedAt)
{
    public string Key => Keyed(Year, Number);

    public string Url => $"/gazette/{Year}/{Number}";

    public static string Keyed(int year, int number) => string.Create(CultureInfo.InvariantCulture, $"{year}-{number}");
}

/// <summary>A withdrawal (撤回) of a published document: <see cref="IndexNo"/>, the version in force when it was withdrawn,
/// the reason's SHA-256 and when. Only a document's latest withdrawal is stored, so a document withdrawn, re-published and
/// withdrawn again is recorded under its then-current version.</summary>
public sealed record PublishedWithdrawal(string IndexNo, int Version, string Title, string ContentSha256, DateTimeOffset WithdrawnAt)
{
    public string Url => DocumentSummary.DocumentUrl(IndexNo);
}

/// <summary>Read-only access to the public things other than document versions that the public log records:
/// interpretations, gazette issues and withdrawals. Hashes are recomputed from stored fields, so a row edited in the
/// database shows a different hash.</summary>
public sealed class PublishedRecords(GongkaiDbContext db)
{
    /// <summary>The text an interpretation's hash covers: its form, title, body (sanitised HTML, as shown), media address
    /// and alternative text, one per line.</summary>
    public static string InterpretationContent(InterpretationKind kind, string title, string bodyHtml, string? mediaUrl, string? altText) =>
        string.Join('\n', kind.ToString().ToLowerInvariant(), title, bodyHtml, mediaUrl ?? "", altText ?? "");

    /// <summary>The text a gazette issue's hash covers: year, number, date of issue, title, then the 索引号 of each document
    /// in table-of-contents order, one per line.</summary>
    public static string GazetteContent(int year, int number, DateOnly issuedOn, string title, IEnumerable<string> indexNos) =>
        string.Join('\n', new[] { year.ToString(CultureInfo.InvariantCulture), number.ToString(CultureInfo.InvariantCulture),
            issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), title }.Concat(indexNos));

    /// <summary>The text a withdrawal's hash covers: the reason as shown on the document page.</summary>
    public static string WithdrawalContent(string reason) => reason;

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Interpretations that are public now and explain one of these documents (by 索引号 or by id).</summary>
    public Task<IReadOnlyList<PublishedInterpretation>> PublicInterpretationsOfAsync(IReadOnlyCollection<string> indexNos, IReadOnlyCollection<int> documentIds, CancellationToken cancellationToken = default)
    {
        var documents = db.Set<Document>().Where(d => (d.IndexNo != null && indexNos.Contains(d.IndexNo)) || documentIds.Contains(d.Id)).Select(d => d.Id);
        var links = db.Set<InterpretationLink>().Where(l => documents.Contains(l.DocumentId)).Select(l => l.InterpretationId);
        var published = db.Set<Document>().Where(d => d.Status == DocumentStatus.Published).Select(d => d.Id);
        return InterpretationsAsync(db.Set<Interpretation>().Where(i => links.Contains(i.Id)
            && db.Set<InterpretationLink>().Any(l => l.InterpretationId == i.Id && published.Contains(l.DocumentId))), cancellationToken);
    }

    /// <summary>Every interpretation that has been public (it explains a document that is published or since withdrawn), by number.</summary>
    public Task<IReadOnlyList<PublishedInterpretation>> AllInterpretationsAsync(CancellationToken cancellationToken = default) =>
        InterpretationsAsync(db.Set<Interpretation>(), cancellationToken);

    private async Task<IReadOnlyList<PublishedInterpretation>> InterpretationsAsync(IQueryable<Interpretation> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .Select(i => new
            {
                i.Id, i.Kind, i.Title, i.BodyHtml, i.MediaUrl, i.AltText, i.CreatedAt,
                Documents = db.Set<InterpretationLink>().Where(l => l.InterpretationId == i.Id)
                    .Join(db.Set<Document>(), l => l.DocumentId, d => d.Id, (l, d) => new { d.Id, d.IndexNo }).ToList(),
                FirstPublished = db.Set<InterpretationLink>().Where(l => l.InterpretationId == i.Id)
                    .Join(db.Set<Document>().Where(d => d.Status == DocumentStatus.Published || d.Status == DocumentStatus.Withdrawn), l => l.DocumentId, d => d.Id, (l, d) => d.Id)
                    .Join(db.Set<DocumentVersion>().Where(v => v.Number == 1), id => id, v => v.DocumentId, (id, v) => v.PublishedAt)
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.FirstPublished.Count > 0)
            .Select(r =>
            {
                var first = r.FirstPublished.Min();
                return new PublishedInterpretation(r.Id, r.Title, Sha256(InterpretationContent(r.Kind, r.Title, r.BodyHtml, r.MediaUrl, r.AltText)),
                    first > r.CreatedAt ? first : r.CreatedAt,
                    r.Documents.Select(d => d.Id).ToList(), r.Documents.Where(d => d.IndexNo != null).Select(d => d.IndexNo!).ToList());
            })
            .OrderBy(i => i.Id).ToList();
    }

    /// <summary>These published gazette issues (keys as <see cref="PublishedGazetteIssue.Key"/>).</summary>
    public async Task<IReadOnlyList<PublishedGazetteIssue>> GazetteIssuesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        (await GazetteIssuesAsync(cancellationToken)).Where(i => keys.Contains(i.Key, StringComparer.Ordinal)).ToList();

    /// <summary>Every published gazette issue, by year and number.</summary>
    public async Task<IReadOnlyList<PublishedGazetteIssue>> GazetteIssuesAsync(CancellationToken cancellationToken = default)
    {
        var issues = await db.Set<GazetteIssue>().AsNoTracking().Where(i => i.PublishedAt != null).OrderBy(i => i.Year).ThenBy(i => i.Number).ToListAsync(cancellationToken);
        var ids = issues.Select(i => i.Id).ToList();
        var entries = (await db.Set<GazetteEntry>().AsNoTracking().Where(e => ids.Contains(e.IssueId))
                .Join(db.Set<Document>(), e => e.DocumentId, d => d.Id, (e, d) => new { e.IssueId, e.Position, d.IndexNo })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.IssueId);
        return issues.Select(i => new PublishedGazetteIssue(i.Year, i.Number, i.Title,
                Sha256(GazetteContent(i.Year, i.Number, i.IssuedOn, i.Title, entries[i.Id].OrderBy(e => e.Position).Select(e => e.IndexNo ?? ""))),
                i.PublishedAt!.Value))
            .ToList();
    }

    /// <summary>The latest withdrawal of each of these documents that is withdrawn now.</summary>
    public Task<IReadOnlyList<PublishedWithdrawal>> WithdrawalsAsync(IReadOnlyCollection<string> indexNos, CancellationToken cancellationToken = default) =>
        WithdrawalsAsync(db.Set<Document>().Where(d => d.IndexNo != null && indexNos.Contains(d.IndexNo)), cancellationToken);

    /// <summary>Every document withdrawn now, with its latest withdrawal, by 索引号.</summary>
    public Task<IReadOnlyList<PublishedWithdrawal>> AllWithdrawalsAsync(CancellationToken cancellationToken = default) =>
        WithdrawalsAsync(db.Set<Document>(), cancellationToken);

    private static async Task<IReadOnlyList<PublishedWithdrawal>> WithdrawalsAsync(IQueryable<Document> documents, CancellationToken cancellationToken)
    {
        var rows = await documents.AsNoTracking()
            .Where(d => d.Status == DocumentStatus.Withdrawn && d.IndexNo != null && d.WithdrawnAt != null)
            .Select(d => new { IndexNo = d.IndexNo!, d.CurrentVersion, d.Title, d.WithdrawalReason, WithdrawnAt = d.WithdrawnAt!.Value })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PublishedWithdrawal(r.IndexNo, r.CurrentVersion, r.Title, Sha256(WithdrawalContent(r.WithdrawalReason ?? "")), r.WithdrawnAt))
            .OrderBy(w => w.IndexNo, StringComparer.Ordinal).ToList();
    }
}
