using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Portal;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing;

/// <summary>What is published: plain text only (paragraphs are kept; no HTML is accepted).</summary>
public sealed record DocumentDraft(
    string Title,
    string? DocNumber,
    int BodyId,
    string DocumentType,
    string Subject,
    DateOnly? SignedOn,
    string Text,
    DocumentValidity Validity = DocumentValidity.Valid);

/// <summary>
/// Publishes a document: assigns the next 索引号 of its body and year, stores the text as escaped paragraphs,
/// audits, appends <c>document.published</c> to the change log in the same unit of work, and evicts cached
/// public pages that list documents.
/// </summary>
public sealed class DocumentPublisher(GongkaiDbContext db, AuditLog audit, TimeProvider clock, IOutputCacheStore cache)
{
    /// <summary>Publishes now, or at <paramref name="publishedAt"/> for content imported with its original date.</summary>
    public async Task<Document> PublishAsync(DocumentDraft draft, DateTimeOffset? publishedAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Text);
        if (!DocumentCatalog.Types.Contains(draft.DocumentType))
        {
            throw new ArgumentException($"Unknown document type '{draft.DocumentType}'.", nameof(draft));
        }

        if (!DocumentCatalog.Subjects.Contains(draft.Subject))
        {
            throw new ArgumentException($"Unknown subject '{draft.Subject}'.", nameof(draft));
        }

        var body = await db.Set<Body>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == draft.BodyId, cancellationToken)
            ?? throw new ArgumentException($"Body {draft.BodyId} does not exist.", nameof(draft));

        var at = (publishedAt ?? clock.GetUtcNow()).ToUniversalTime();
        var prefix = IndexNumber.Prefix(body.CreditCode, PublishingTime.ChinaDate(at).Year);
        var taken = await db.Set<Document>().Where(d => d.IndexNo.StartsWith(prefix)).Select(d => d.IndexNo).ToListAsync(cancellationToken);
        var indexNo = IndexNumber.Format(body.CreditCode, PublishingTime.ChinaDate(at).Year, taken.Select(i => IndexNumber.SequenceOf(i, prefix)).DefaultIfEmpty(0).Max() + 1);

        var document = new Document
        {
            IndexNo = indexNo,
            Title = draft.Title.Trim(),
            DocNumber = string.IsNullOrWhiteSpace(draft.DocNumber) ? null : draft.DocNumber.Trim(),
            BodyId = body.Id,
            DocumentType = draft.DocumentType,
            Subject = draft.Subject,
            SignedOn = draft.SignedOn,
            PublishedAt = at,
            Validity = draft.Validity,
            BodyHtml = DocumentText.ToParagraphHtml(draft.Text),
        };
        db.Add(document);
        audit.Record("document.published", $"document:{indexNo}", document.Title, bodyId: body.Id);
        db.RecordChange("document.published", "document", indexNo, body.Id);
        await db.SaveChangesAsync(cancellationToken);

        await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
        return document;
    }
}

/// <summary>Dates on document pages are China Standard Time dates; storage is UTC.</summary>
public static class PublishingTime
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly ChinaDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);
}
