using Gongkai.Platform.Data;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Time;

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

/// <summary>Filters of public document lists; null means any. <see cref="Year"/> is the China-time publication year;
/// <see cref="NodeIds"/> are catalogue nodes (a node and its sub-nodes); a document filed in any of them matches.</summary>
public sealed record DocumentFilter(int? BodyId = null, string? Type = null, string? Subject = null, int? Year = null, DocumentValidity? Validity = null,
    IReadOnlyCollection<int>? NodeIds = null);

/// <summary>An interpretation as listed on a document page.</summary>
public sealed record InterpretationSummary(int Id, string Title, InterpretationKind Kind)
{
    public string Url => "/interpretations/" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An interpretation page: the interpretation and the public documents it explains.</summary>
public sealed record PublicInterpretation(Interpretation Interpretation, IReadOnlyList<DocumentSummary> Policies);

/// <summary>A correction as shown publicly: when, why, and which fields it changed against the version before it
/// (empty when only metadata outside the snapshot changed, such as validity).</summary>
public sealed record PublicCorrection(int Number, DateTimeOffset PublishedAt, string? Reason, IReadOnlyList<string> Changed);

/// <summary>A public document page: the document (published, or withdrawn as a tombstone), its corrections and the
/// document that repealed or revised it.</summary>
public sealed record PublicDocument(Document Document, IReadOnlyList<PublicCorrection> Corrections, string? SupersededByIndexNo, string? SupersededByTitle,
    IReadOnlyList<InterpretationSummary> Interpretations)
{
    public bool IsWithdrawn => Document.Status == DocumentStatus.Withdrawn;
}

/// <summary>Read-only queries over published documents, for other modules' pages (home, body profiles) and the API.
/// Lists show published documents only; a withdrawn one keeps its page (a tombstone) but leaves every list.</summary>
public sealed class PublishedDocuments(GongkaiDbContext db)
{
    public const int MaxPageSize = 100;

    /// <summary>Published documents with their body and co-issuers, read-only: what other modules (search) project.
    /// Drafts, documents under review and withdrawn ones are not in it, so no reader can reach them.</summary>
    public IQueryable<Document> WithBodies() =>
        db.Set<Document>().AsNoTracking().Include(d => d.Body).Include(d => d.CoIssuers).ThenInclude(c => c.Body)
            .Where(d => d.Status == DocumentStatus.Published && d.IndexNo != null);

    /// <summary>Newest first, optionally of one body or of some types.</summary>
    public async Task<IReadOnlyList<DocumentSummary>> LatestAsync(int count, int? bodyId = null, IReadOnlyList<string>? types = null, CancellationToken cancellationToken = default)
    {
        var query = Published();
        if (bodyId is { } id)
        {
            query = query.Where(d => d.BodyId == id);
        }

        if (types is { Count: > 0 })
        {
            query = query.Where(d => types.Contains(d.DocumentType));
        }

        var rows = await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(count)
            .Select(Summary).ToListAsync(cancellationToken);
        return rows.Select(ToSummary).ToList();
    }

    /// <summary>One page (1-based) of documents, newest first.</summary>
    public Task<DocumentPage> PageAsync(int page, int size, int? bodyId = null, string? type = null, CancellationToken cancellationToken = default) =>
        PageAsync(page, size, new DocumentFilter(bodyId, type), cancellationToken);

    public async Task<DocumentPage> PageAsync(int page, int size, DocumentFilter filter, CancellationToken cancellationToken = default)
    {
        size = Math.Clamp(size, 1, MaxPageSize);
        page = Math.Max(1, page);
        var query = Published();
        if (filter.BodyId is { } bodyId)
        {
            query = query.Where(d => d.BodyId == bodyId || d.CoIssuers.Any(c => c.BodyId == bodyId));
        }

        if (filter.Type is { } type)
        {
            query = query.Where(d => d.DocumentType == type);
        }

        if (filter.Subject is { } subject)
        {
            query = query.Where(d => d.Subject == subject);
        }

        if (filter.NodeIds is { } nodeIds)
        {
            query = query.Where(d => d.CatalogueNodeId != null && nodeIds.Contains(d.CatalogueNodeId.Value));
        }

        if (filter.Validity is { } validity)
        {
            query = query.Where(d => d.Validity == validity);
        }

        if (filter.Year is { } year)
        {
            // China-time year boundaries in UTC.
            var from = ChinaTime.StartOfYear(year);
            var to = from.AddYears(1);
            query = query.Where(d => d.PublishedAt >= from && d.PublishedAt < to);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * size).Take(size).Select(Summary).ToListAsync(cancellationToken);
        return new DocumentPage(total, page, size, rows.Select(ToSummary).ToList());
    }

    /// <summary>A published or withdrawn document by its 索引号; drafts and documents under review are not public.</summary>
    public async Task<PublicDocument?> FindAsync(string indexNo, CancellationToken cancellationToken = default)
    {
        var document = await db.Set<Document>().AsNoTracking().Include(d => d.Body).Include(d => d.CoIssuers).ThenInclude(c => c.Body)
            .SingleOrDefaultAsync(d => d.IndexNo == indexNo && (d.Status == DocumentStatus.Published || d.Status == DocumentStatus.Withdrawn), cancellationToken);
        if (document is null)
        {
            return null;
        }

        // Only a corrected document has more than one version; the versions are compared to show what changed.
        var corrections = new List<PublicCorrection>();
        if (document.CurrentVersion > 1)
        {
            var versions = await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == document.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
            for (var i = 1; i < versions.Count; i++)
            {
                if (versions[i].Kind == DocumentVersion.Corrected)
                {
                    corrections.Add(new PublicCorrection(versions[i].Number, versions[i].PublishedAt, versions[i].Reason, VersionChanges.Between(versions[i - 1], versions[i])));
                }
            }
        }

        var superseding = document.SupersededById is { } id
            ? await db.Set<Document>().AsNoTracking().Where(d => d.Id == id && d.Status == DocumentStatus.Published)
                .Select(d => new { d.IndexNo, d.Title }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var interpretations = await db.Set<InterpretationLink>().AsNoTracking().Where(l => l.DocumentId == document.Id)
            .Join(db.Set<Interpretation>(), l => l.InterpretationId, i => i.Id, (l, i) => new InterpretationSummary(i.Id, i.Title, i.Kind))
            .ToListAsync(cancellationToken);
        return new PublicDocument(document, corrections, superseding?.IndexNo, superseding?.Title, interpretations.OrderBy(i => i.Id).ToList());
    }

    /// <summary>The newest interpretations that are public (at least one document they explain is published).</summary>
    public async Task<IReadOnlyList<InterpretationSummary>> LatestInterpretationsAsync(int count, CancellationToken cancellationToken = default)
    {
        var published = Published();
        return await db.Set<Interpretation>().AsNoTracking()
            .Where(i => db.Set<InterpretationLink>().Any(l => l.InterpretationId == i.Id && published.Any(d => d.Id == l.DocumentId)))
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(count)
            .Select(i => new InterpretationSummary(i.Id, i.Title, i.Kind)).ToListAsync(cancellationToken);
    }

    /// <summary>An interpretation, public while at least one document it explains is published.</summary>
    public async Task<PublicInterpretation?> FindInterpretationAsync(int id, CancellationToken cancellationToken = default)
    {
        var interpretation = await db.Set<Interpretation>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (interpretation is null)
        {
            return null;
        }

        var rows = await Published().Where(d => db.Set<InterpretationLink>().Any(l => l.InterpretationId == id && l.DocumentId == d.Id))
            .OrderByDescending(d => d.PublishedAt).Select(Summary).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : new PublicInterpretation(interpretation, rows.Select(ToSummary).ToList());
    }

    private IQueryable<Document> Published() => db.Set<Document>().AsNoTracking().Where(d => d.Status == DocumentStatus.Published);

    private static readonly System.Linq.Expressions.Expression<Func<Document, SummaryRow>> Summary = d =>
        new SummaryRow(d.IndexNo!, d.Title, d.DocNumber, d.Body!.Name, d.Body.Code, d.DocumentType, d.PublishedAt!.Value);

    private static DocumentSummary ToSummary(SummaryRow row) =>
        new(row.IndexNo, row.Title, row.DocNumber, row.BodyName, row.BodyCode, row.DocumentType, ChinaTime.DateOf(row.PublishedAt));

    private sealed record SummaryRow(string IndexNo, string Title, string? DocNumber, string BodyName, string BodyCode, string DocumentType, DateTimeOffset PublishedAt);
}
