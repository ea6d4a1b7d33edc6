using Gongkai.Platform.Data;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>A body's 行政规范性文件 in one year as the annual report's table 二 counts them.</summary>
public sealed record NormativeDocumentCounts(long Issued, long Repealed, long InForce);

/// <summary>Where a document stands, for a module that created it through <see cref="DocumentDesk"/> (the annual report).</summary>
public sealed record DocumentState(int Id, DocumentStatus Status, string? IndexNo, DateTimeOffset? PublishedAt);

/// <summary>Counts over a body's own documents for readers outside Publishing, and the state of documents they made.
/// 本年制发 counts documents signed (成文) in the year that were published (or since withdrawn); 本年废止 those repealed or
/// expired whose end (失效日期, else the repealing document's 成文日期) falls in the year; 现行有效 those published, signed by
/// the end of the year and not ended by then. Validity carries no date of its own, so those two dates are the ones used.</summary>
public sealed class DocumentFigures(GongkaiDbContext db)
{
    public async Task<NormativeDocumentCounts> NormativeAsync(int bodyId, int year, CancellationToken cancellationToken = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var own = db.Set<Document>().AsNoTracking()
            .Where(d => d.BodyId == bodyId && d.Kind == DocumentKind.Own && d.DocumentType == DocumentCatalog.NormativeDocument);
        var issued = await own.LongCountAsync(d => (d.Status == DocumentStatus.Published || d.Status == DocumentStatus.Withdrawn)
            && d.SignedOn >= start && d.SignedOn <= end, cancellationToken);
        var ended = own.Where(d => d.Status == DocumentStatus.Published && d.Validity != DocumentValidity.Valid)
            .Select(d => new { EndedOn = d.ExpiresOn ?? (d.SupersededBy == null ? null : d.SupersededBy.SignedOn) });
        var repealed = await ended.LongCountAsync(d => d.EndedOn >= start && d.EndedOn <= end, cancellationToken);
        var valid = await own.LongCountAsync(d => d.Status == DocumentStatus.Published && d.SignedOn <= end && d.Validity == DocumentValidity.Valid
            && (d.ExpiresOn == null || d.ExpiresOn > end), cancellationToken);
        // A repealed or expired document was still in force at the end of a year before its end date.
        var endedLater = await own.Where(d => d.Status == DocumentStatus.Published && d.SignedOn <= end && d.Validity != DocumentValidity.Valid)
            .Select(d => d.ExpiresOn ?? (d.SupersededBy == null ? null : d.SupersededBy.SignedOn))
            .LongCountAsync(e => e > end, cancellationToken);
        return new NormativeDocumentCounts(issued, repealed, valid + endedLater);
    }

    public async Task<IReadOnlyList<DocumentState>> StatesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0 ? [] : await db.Set<Document>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new DocumentState(d.Id, d.Status, d.IndexNo, d.PublishedAt)).ToListAsync(cancellationToken);
}
