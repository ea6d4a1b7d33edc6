using System.Globalization;
using Gongkai.Portal;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Publishing;

/// <summary>A document in the API's list. <c>publishedOn</c> is the China-time date (yyyy-MM-dd).</summary>
public sealed record DocumentListItem(string IndexNo, string Title, string? DocNumber, string Body, string Type, string PublishedOn, string Url);

public sealed record DocumentList(int Total, IReadOnlyList<DocumentListItem> Items);

internal static class PublishingApi
{
    public const int DefaultPageSize = 20;

    public static void MapPublishingApi(this WebApplication app)
    {
        var documents = app.MapGroup("/api/v1/documents").WithTags("文件");
        documents.MapGet("/", ListAsync).CacheOutput(PublicCache.DocumentPages);
    }

    private static async Task<Ok<DocumentList>> ListAsync(PublishedDocuments documents, int? page, int? size, CancellationToken cancellationToken)
    {
        var result = await documents.PageAsync(page ?? 1, size ?? DefaultPageSize, cancellationToken: cancellationToken);
        return TypedResults.Ok(new DocumentList(result.Total, result.Items
            .Select(d => new DocumentListItem(d.IndexNo, d.Title, d.DocNumber, d.BodyName, d.DocumentType,
                d.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Url))
            .ToList()));
    }
}
