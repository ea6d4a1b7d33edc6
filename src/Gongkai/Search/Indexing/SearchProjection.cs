using System.Net;
using System.Text.RegularExpressions;
using Gongkai.OpenData.Contracts;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Attachments;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Text;

namespace Gongkai.Search.Indexing;

/// <summary>Reads what the index should hold from the database: published documents only (drafts, documents under
/// review and withdrawn ones are never projected, so no query can reach them), and the open-data portal's published
/// records and file datasets through OpenData's <see cref="PublishedOpenData"/> (keys <c>record:…</c>, <c>dataset:…</c>).</summary>
public sealed partial class SearchProjection(GongkaiDbContext db, PublishedDocuments documents, AttachmentTexts attachments, PublishedOpenData openData)
{
    public const int BatchSize = 200;

    /// <summary>The published documents among <paramref name="indexNos"/>; the others must leave the index.</summary>
    public async Task<IReadOnlyList<SearchDocument>> PublishedAsync(IReadOnlyCollection<string> indexNos, CancellationToken cancellationToken)
    {
        var rows = await Published().Where(d => indexNos.Contains(d.IndexNo!)).ToListAsync(cancellationToken);
        return await ProjectAsync(rows, cancellationToken);
    }

    /// <summary>索引号 of a body's published documents (its name is in each of them), issued or co-issued.</summary>
    public async Task<IReadOnlyList<string>> OfBodyAsync(string bodyCode, CancellationToken cancellationToken) =>
        await documents.WithBodies()
            .Where(d => d.Body!.Code == bodyCode || d.CoIssuers.Any(c => c.Body!.Code == bodyCode))
            .Select(d => d.IndexNo!).ToListAsync(cancellationToken);

    /// <summary>The public records and file datasets among <paramref name="keys"/> (search keys); the others must leave the index.</summary>
    public async Task<IReadOnlyList<SearchDocument>> PublishedOpenDataAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        keys.Count == 0 ? [] : (await openData.SearchableAsync(keys, cancellationToken)).Select(Project).ToList();

    /// <summary>Search keys of the records and file datasets named by change-log rows (record ids, file dataset ids).</summary>
    public Task<IReadOnlyList<string>> OpenDataKeysAsync(IReadOnlyCollection<long> recordIds, IReadOnlyCollection<int> fileDatasetIds, CancellationToken cancellationToken) =>
        openData.SearchKeysAsync(recordIds, fileDatasetIds, cancellationToken);

    /// <summary>Search keys of a body's published records and file datasets.</summary>
    public Task<IReadOnlyList<string>> OpenDataOfBodyAsync(string bodyCode, CancellationToken cancellationToken) =>
        openData.SearchKeysOfBodyAsync(bodyCode, cancellationToken);

    /// <summary>A record or dataset as the index holds it: its kind (记录/数据) as the type, its record type or theme as
    /// the subject, no validity, no 文号.</summary>
    internal static SearchDocument Project(SearchableOpenData item) =>
        new(item.Key, item.Title, null, item.BodyCode, item.BodyName, [], item.KindName, item.Category, item.PublishedAt, "", true, item.Text, [], item.Url)
        {
            IsOpenData = true,
        };

    /// <summary>Every published document, in batches by id (a rebuild), then every published record and file dataset.</summary>
    public async IAsyncEnumerable<SearchDocument> AllPublishedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0;
        while (true)
        {
            var rows = await Published().Where(d => d.Id > after).OrderBy(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var document in await ProjectAsync(rows, cancellationToken))
            {
                yield return document;
            }

            after = rows[^1].Id;
            db.ChangeTracker.Clear();
        }

        await foreach (var item in openData.AllSearchableAsync(cancellationToken))
        {
            yield return Project(item);
        }
    }

    private IQueryable<Document> Published() => documents.WithBodies();

    private async Task<List<SearchDocument>> ProjectAsync(List<Document> rows, CancellationToken cancellationToken)
    {
        var attachmentTexts = await attachments.ForDocumentsAsync(rows.Select(d => d.Id).ToList(), cancellationToken);
        return rows.Select(d =>
        {
            var reference = d.Kind == DocumentKind.Reference;
            // A reference document is shown under its issuer: it carries no body, so no body facet or filter claims it.
            return new SearchDocument(
                d.IndexNo!,
                d.Title,
                d.DocNumber,
                reference ? "" : d.Body?.Code ?? "",
                reference ? d.Issuer ?? "" : d.Body?.Name ?? "",
                reference ? [] : d.CoIssuers.Select(c => c.Body?.Code).OfType<string>().ToList(),
                reference ? d.Level ?? "法律法规" : d.DocumentType,
                d.Subject,
                d.PublishedAt ?? d.CreatedAt,
                reference && d.LegalStatus is { } status ? status : DocumentCatalog.ChineseName(d.Validity),
                d.Validity == DocumentValidity.Valid,
                HtmlText.Read(d.BodyHtml),
                attachmentTexts[d.Id].ToList(),
                DocumentSummary.DocumentUrl(d.IndexNo!))
            {
                IsReference = reference,
                Issuer = reference ? d.Issuer ?? "" : "",
                Level = reference ? d.Level ?? "" : "",
                Region = reference ? d.Region ?? "" : "",
                LegalStatus = reference ? d.LegalStatus ?? "" : "",
            };
        }).ToList();
    }
}
