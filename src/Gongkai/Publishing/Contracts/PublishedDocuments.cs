using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>A line in a document list.</summary>
public sealed record DocumentSummary(
    string IndexNo, string Title, string? DocNumber, string BodyName, string BodyCode, string DocumentType, DateOnly PublishedOn)
{
    /// <summary>Index numbers contain '/', which the catch-all route <c>/documents/{**indexNo}</c> takes as is.</summary>
    public string Url => DocumentUrl(IndexNo);

    public static string DocumentUrl(string indexNo) => "/documents/" + indexNo;
}

public sealed record DocumentPage(int Total, int Page, int Size, IReadOnlyList<DocumentSummary> Items)
{
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);
}

/// <summary>Read-only queries over published documents, for other modules' pages (home, body profiles) and the API.</summary>
public sealed class PublishedDocuments(GongkaiDbContext db)
{
    public const int MaxPageSize = 100;

    /// <summary>Newest first, optionally of one body or of some types.</summary>
    public async Task<IReadOnlyList<DocumentSummary>> LatestAsync(int count, int? bodyId = null, IReadOnlyList<string>? types = null, CancellationToken cancellationToken = default)
    {
        var rows = await Filter(bodyId, types).OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(count)
            .Select(Summary).ToListAsync(cancellationToken);
        return rows.Select(ToSummary).ToList();
    }

    /// <summary>One page (1-based) of documents, newest first.</summary>
    public async Task<DocumentPage> PageAsync(int page, int size, int? bodyId = null, string? type = null, CancellationToken cancellationToken = default)
    {
        size = Math.Clamp(size, 1, MaxPageSize);
        page = Math.Max(1, page);
        var query = Filter(bodyId, type is null ? null : [type]);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * size).Take(size).Select(Summary).ToListAsync(cancellationToken);
        return new DocumentPage(total, page, size, rows.Select(ToSummary).ToList());
    }

    public Task<Document?> FindAsync(string indexNo, CancellationToken cancellationToken = default) =>
        db.Set<Document>().AsNoTracking().Include(d => d.Body).SingleOrDefaultAsync(d => d.IndexNo == indexNo, cancellationToken);

    private IQueryable<Document> Filter(int? bodyId, IReadOnlyList<string>? types)
    {
        var query = db.Set<Document>().AsNoTracking();
        if (bodyId is { } id)
        {
            query = query.Where(d => d.BodyId == id);
        }

        if (types is { Count: > 0 })
        {
            query = query.Where(d => types.Contains(d.DocumentType));
        }

        return query;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Document, SummaryRow>> Summary = d =>
        new SummaryRow(d.IndexNo, d.Title, d.DocNumber, d.Body!.Name, d.Body.Code, d.DocumentType, d.PublishedAt);

    private static DocumentSummary ToSummary(SummaryRow row) =>
        new(row.IndexNo, row.Title, row.DocNumber, row.BodyName, row.BodyCode, row.DocumentType, PublishingTime.ChinaDate(row.PublishedAt));

    private sealed record SummaryRow(string IndexNo, string Title, string? DocNumber, string BodyName, string BodyCode, string DocumentType, DateTimeOffset PublishedAt);
}
