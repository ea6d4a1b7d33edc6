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

/// <summary>A reference document as the law library lists it (制定机关, 效力级别, 地域, 时效性, 公布日期, 施行日期).</summary>
public sealed record LibraryItem(string IndexNo, string Title, string? Issuer, string? Level, string? Region, string? Status, DateOnly? PromulgatedOn, DateOnly? EffectiveOn)
{
    public string Url => DocumentSummary.DocumentUrl(IndexNo);
}

public sealed record LibraryPage(int Total, int Page, int Size, IReadOnlyList<LibraryItem> Items)
{
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);
}

/// <summary>Browse filters of the library; <see cref="AllVersions"/> also lists amended and repealed versions.</summary>
public sealed record LibraryFilter(string? Level = null, string? Region = null, string? Issuer = null, int? Year = null, bool AllVersions = false);

public sealed record LibraryFacets(int Total, IReadOnlyList<(string Value, int Count)> Levels, IReadOnlyList<(string Value, int Count)> Regions,
    IReadOnlyList<(string Value, int Count)> Issuers, IReadOnlyList<(int Year, int Count)> Years);

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
    /// <summary>For a reference document: every version of the same law in the library, newest first (历史版本).</summary>
    public IReadOnlyList<LibraryItem> Versions { get; init; } = [];

    public bool IsReference => Document.Kind == DocumentKind.Reference;

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
        db.Set<Document>().AsNoTracking().Include(d => d.Body).Include(d => d.CoIssuers.Where(c => c.State == CoIssueState.Accepted)).ThenInclude(c => c.Body)
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
            query = query.Where(d => d.BodyId == bodyId || d.CoIssuers.Any(c => c.BodyId == bodyId && c.State == CoIssueState.Accepted));
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
        var document = await db.Set<Document>().AsNoTracking().Include(d => d.Body).Include(d => d.CoIssuers.Where(c => c.State == CoIssueState.Accepted)).ThenInclude(c => c.Body)
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
        var lawVersions = document.Kind == DocumentKind.Reference && document.LawKey is { } lawKey ? await VersionsAsync(lawKey, cancellationToken) : [];
        return new PublicDocument(document, corrections, superseding?.IndexNo, superseding?.Title, interpretations.OrderBy(i => i.Id).ToList())
        {
            Versions = lawVersions.Count > 1 ? lawVersions : [],
        };
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

    /// <summary>The bodies' own published documents: reference documents (the law library) are never listed, counted or
    /// shown as a body's 主动公开 information.</summary>
    private IQueryable<Document> Published() => db.Set<Document>().AsNoTracking().Where(d => d.Status == DocumentStatus.Published && d.Kind == DocumentKind.Own);

    private IQueryable<Document> Library() => db.Set<Document>().AsNoTracking().Where(d => d.Status == DocumentStatus.Published && d.Kind == DocumentKind.Reference);

    /// <summary>One page of the law library, in force first, newest first; null filters mean any.</summary>
    public async Task<LibraryPage> LibraryPageAsync(LibraryFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        size = Math.Clamp(size, 1, MaxPageSize);
        page = Math.Max(1, page);
        var query = Library();
        if (filter.Level is { } level)
        {
            query = query.Where(d => d.Level == level);
        }

        if (filter.Region is { } region)
        {
            query = query.Where(d => d.Region == region || d.Region!.StartsWith(region + "/"));
        }

        if (filter.Issuer is { } issuer)
        {
            query = query.Where(d => d.Issuer == issuer);
        }

        if (filter.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(d => d.SignedOn >= from && d.SignedOn <= to);
        }

        if (!filter.AllVersions)
        {
            query = query.Where(d => d.LegalStatus == null || d.LegalStatus == Rules.ReferenceClassification.InForce || d.LegalStatus == Rules.ReferenceClassification.NotYetInForce);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.SignedOn).ThenBy(d => d.Id).Skip((page - 1) * size).Take(size)
            .Select(d => new LibraryItem(d.IndexNo!, d.Title, d.Issuer, d.Level, d.Region, d.LegalStatus, d.SignedOn, d.EffectiveOn))
            .ToListAsync(cancellationToken);
        return new LibraryPage(total, page, size, rows);
    }

    /// <summary>What the library can be browsed by, with counts (documents in force).</summary>
    public async Task<LibraryFacets> LibraryFacetsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await Library().Where(d => d.LegalStatus == null || d.LegalStatus != Rules.ReferenceClassification.Amended)
            .Select(d => new { d.Level, d.Region, d.Issuer, d.SignedOn }).ToListAsync(cancellationToken);
        static IReadOnlyList<(string Value, int Count)> Count(IEnumerable<string?> values) =>
            values.OfType<string>().GroupBy(v => v).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new LibraryFacets(
            rows.Count,
            Count(rows.Select(r => r.Level)).OrderBy(l => Rules.ReferenceClassification.Levels.ToList().IndexOf(l.Value) is var i && i < 0 ? 99 : i).ToList(),
            Count(rows.Select(r => r.Region?.Split('/')[0])),
            Count(rows.Select(r => r.Issuer)).Take(40).ToList(),
            rows.Where(r => r.SignedOn is not null).GroupBy(r => r.SignedOn!.Value.Year).OrderByDescending(g => g.Key).Select(g => (g.Key, g.Count())).ToList());
    }

    /// <summary>The versions of one law in the library (历史版本), newest first.</summary>
    public async Task<IReadOnlyList<LibraryItem>> VersionsAsync(string lawKey, CancellationToken cancellationToken = default) =>
        await Library().Where(d => d.LawKey == lawKey).OrderByDescending(d => d.SignedOn).ThenBy(d => d.Id)
            .Select(d => new LibraryItem(d.IndexNo!, d.Title, d.Issuer, d.Level, d.Region, d.LegalStatus, d.SignedOn, d.EffectiveOn))
            .ToListAsync(cancellationToken);

    private static readonly System.Linq.Expressions.Expression<Func<Document, SummaryRow>> Summary = d =>
        new SummaryRow(d.IndexNo!, d.Title, d.DocNumber, d.Body!.Name, d.Body.Code, d.DocumentType, d.PublishedAt!.Value);

    private static DocumentSummary ToSummary(SummaryRow row) =>
        new(row.IndexNo, row.Title, row.DocNumber, row.BodyName, row.BodyCode, row.DocumentType, ChinaTime.DateOf(row.PublishedAt));

    private sealed record SummaryRow(string IndexNo, string Title, string? DocNumber, string BodyName, string BodyCode, string DocumentType, DateTimeOffset PublishedAt);
}
