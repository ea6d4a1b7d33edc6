using Gongkai.Platform.Data;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>A version of a document as it was published: what the public log (Transparency) records. <see cref="ContentSha256"/>
/// is recomputed from the stored fields, so a version edited in the database after publication shows a different hash
/// (<see cref="StoredContentSha256"/> is the one written at publication).</summary>
public sealed record PublishedVersion(string IndexNo, int Number, string Title, string ContentSha256, string StoredContentSha256, DateTimeOffset PublishedAt)
{
    public string Url => DocumentSummary.DocumentUrl(IndexNo);
}

/// <summary>Read-only access to every published version of documents that have been public (published or since
/// withdrawn: a withdrawal does not unpublish what was seen). Versions are immutable once written.</summary>
public sealed class PublishedVersions(GongkaiDbContext db)
{
    /// <summary>The versions of these documents, in (索引号, version) order.</summary>
    public async Task<IReadOnlyList<PublishedVersion>> OfDocumentsAsync(IReadOnlyCollection<string> indexNos, CancellationToken cancellationToken = default) =>
        (await Rows().Where(r => indexNos.Contains(r.IndexNo)).ToListAsync(cancellationToken))
            .Select(ToVersion).OrderBy(v => v.IndexNo, StringComparer.Ordinal).ThenBy(v => v.Number).ToList();

    /// <summary>Every published version, streamed in (索引号, version) order.</summary>
    public async IAsyncEnumerable<PublishedVersion> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Rows().OrderBy(r => r.IndexNo).ThenBy(r => r.Number).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return ToVersion(row);
        }
    }

    private IQueryable<VersionRow> Rows() =>
        db.Set<DocumentVersion>().AsNoTracking()
            .Join(db.Set<Document>().Where(d => d.IndexNo != null && (d.Status == DocumentStatus.Published || d.Status == DocumentStatus.Withdrawn)),
                v => v.DocumentId, d => d.Id,
                (v, d) => new VersionRow
                {
                    IndexNo = d.IndexNo!, Number = v.Number, Title = v.Title, DocNumber = v.DocNumber, DocumentType = v.DocumentType, Subject = v.Subject,
                    SignedOn = v.SignedOn, BodyHtml = v.BodyHtml, ContentHash = v.ContentHash, PublishedAt = v.PublishedAt,
                });

    private static PublishedVersion ToVersion(VersionRow r) =>
        new(r.IndexNo, r.Number, r.Title, DocumentVersion.HashOf(r.Title, r.DocNumber, r.DocumentType, r.Subject, r.SignedOn, r.BodyHtml), r.ContentHash, r.PublishedAt);

    /// <summary>A class with settable members (not a positional record), so queries can order by its members.</summary>
    private sealed class VersionRow
    {
        public required string IndexNo { get; init; }

        public int Number { get; init; }

        public required string Title { get; init; }

        public string? DocNumber { get; init; }

        public required string DocumentType { get; init; }

        public required string Subject { get; init; }

        public DateOnly? SignedOn { get; init; }

        public required string BodyHtml { get; init; }

        public required string ContentHash { get; init; }

        public DateTimeOffset PublishedAt { get; init; }
    }
}

/// <summary>Where a published version sits in the public log. Publishing sits below the module that keeps the log
/// (Transparency), so it declares this and the log provides it; without a log every answer is null.</summary>
public interface IPublicLogEntries
{
    /// <summary>The leaf of this document version, or null while it is not (yet) in the log.</summary>
    Task<PublicLogEntry?> FindAsync(string indexNo, int version, CancellationToken cancellationToken = default);

    /// <summary>The leaf of this interpretation, or null while it is not (yet) in the log.</summary>
    Task<PublicLogEntry?> FindInterpretationAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>The leaf of this published gazette issue, or null while it is not (yet) in the log.</summary>
    Task<PublicLogEntry?> FindGazetteIssueAsync(int year, int number, CancellationToken cancellationToken = default);

    /// <summary>The latest signed tree head, for printed editions to witness; null when there is none.</summary>
    Task<PublicLogHead?> LatestHeadAsync(CancellationToken cancellationToken = default);
}

/// <param name="RootHash">Base64 SHA-256 root hash, as <c>/ct/v1/get-sth</c> writes it.</param>
public sealed record PublicLogHead(long TreeSize, string RootHash, DateTimeOffset SignedAt);

/// <param name="LeafIndex">0-based position (RFC 6962 leaf_index); people read it as entry <c>LeafIndex + 1</c>.</param>
/// <param name="LeafHash">Base64 SHA-256 leaf hash, as the /ct/v1 API writes hashes.</param>
public sealed record PublicLogEntry(long LeafIndex, string LeafHash, string ProofUrl);

internal sealed class NoPublicLog : IPublicLogEntries
{
    public Task<PublicLogEntry?> FindAsync(string indexNo, int version, CancellationToken cancellationToken = default) => Task.FromResult<PublicLogEntry?>(null);

    public Task<PublicLogEntry?> FindInterpretationAsync(int id, CancellationToken cancellationToken = default) => Task.FromResult<PublicLogEntry?>(null);

    public Task<PublicLogEntry?> FindGazetteIssueAsync(int year, int number, CancellationToken cancellationToken = default) => Task.FromResult<PublicLogEntry?>(null);

    public Task<PublicLogHead?> LatestHeadAsync(CancellationToken cancellationToken = default) => Task.FromResult<PublicLogHead?>(null);
}
