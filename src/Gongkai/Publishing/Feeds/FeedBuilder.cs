using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Feeds;

/// <summary>What a feed covers: the whole site, one body, one document type, or one catalogue node (the documents
/// filed in <see cref="NodeIds"/>: the node and its visible sub-nodes, as its listing page shows them).</summary>
public sealed record FeedScope(string Id, string Title, int? BodyId = null, string? DocumentType = null, IReadOnlyCollection<int>? NodeIds = null);

public sealed record FeedItem(string IndexNo, string Title, string? DocNumber, string BodyName, string DocumentType, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, string Summary);

/// <summary>Atom 1.0 (System.ServiceModel.Syndication) and JSON Feed 1.1 of the newest published documents. Withdrawn
/// documents are not published, so they leave the feeds; corrections move an entry's <c>updated</c>.</summary>
public sealed class FeedBuilder(GongkaiDbContext db)
{
    public const int EntryCount = 50;

    public async Task<IReadOnlyList<FeedItem>> ItemsAsync(FeedScope scope, CancellationToken cancellationToken)
    {
        var query = InScope(db.Set<Document>().AsNoTracking().Where(d => d.Status == DocumentStatus.Published), scope);
        var rows = await query.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(EntryCount)
            .Select(d => new { d.IndexNo, d.Title, d.DocNumber, BodyName = d.Body!.Name, d.DocumentType, d.PublishedAt, d.UpdatedAt, d.BodyHtml })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new FeedItem(r.IndexNo!, r.Title, r.DocNumber, r.BodyName, r.DocumentType, r.PublishedAt!.Value,
            r.UpdatedAt > r.PublishedAt ? r.UpdatedAt : r.PublishedAt.Value, Summary(r.BodyHtml))).ToList();
    }

    /// <summary>The documents a feed of <paramref name="scope"/> draws from (whatever their status: callers choose it).</summary>
    internal static IQueryable<Document> InScope(IQueryable<Document> query, FeedScope scope)
    {
        if (scope.BodyId is { } bodyId)
        {
            query = query.Where(d => d.BodyId == bodyId || d.CoIssuers.Any(c => c.BodyId == bodyId && c.State == CoIssueState.Accepted));
        }

        if (scope.NodeIds is { } nodeIds)
        {
            query = query.Where(d => d.CatalogueNodeId != null && nodeIds.Contains(d.CatalogueNodeId.Value));
        }

        if (scope.DocumentType is { } type)
        {
            query = query.Where(d => d.DocumentType == type);
        }

        return query;
    }

    /// <param name="hub">The WebSub hub announced beside the self link (<c>rel="hub"</c>), or null when none runs.</param>
    public static string Atom(FeedScope scope, IReadOnlyList<FeedItem> items, Uri site, string siteName, Uri? hub = null)
    {
        var self = new Uri(site, scope.Id);
        var feed = new SyndicationFeed(scope.Title, $"{siteName}发布的政府信息", new Uri(site, "/documents"))
        {
            Id = self.AbsoluteUri,
            LastUpdatedTime = items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.UpdatedAt),
            Language = "zh-CN",
        };
        feed.Links.Add(new SyndicationLink(self, "self", scope.Title, "application/atom+xml", 0));
        if (hub is not null)
        {
            feed.Links.Add(new SyndicationLink(hub) { RelationshipType = "hub" });
        }

        feed.Authors.Add(new SyndicationPerson { Name = siteName });
        feed.Items = items.Select(i =>
        {
            var link = new Uri(site, DocumentSummary.DocumentUrl(i.IndexNo));
            var item = new SyndicationItem(i.Title, i.Summary, link, link.AbsoluteUri, i.UpdatedAt)
            {
                PublishDate = i.PublishedAt,
                Summary = new TextSyndicationContent(i.Summary),
            };
            item.Authors.Add(new SyndicationPerson { Name = i.BodyName });
            item.Categories.Add(new SyndicationCategory(i.DocumentType));
            return item;
        }).ToList();

        return AtomDocument.Write(feed);
    }

    public static string Json(FeedScope scope, IReadOnlyList<FeedItem> items, Uri site, string siteName, string jsonFeedPath, Uri? hub = null)
    {
        var feed = new JsonFeed(
            "https://jsonfeed.org/version/1.1",
            scope.Title,
            new Uri(site, "/documents").AbsoluteUri,
            new Uri(site, jsonFeedPath).AbsoluteUri,
            "zh-CN",
            [new JsonFeedAuthor(siteName)],
            items.Select(i =>
            {
                var url = new Uri(site, DocumentSummary.DocumentUrl(i.IndexNo)).AbsoluteUri;
                return new JsonFeedItem(url, url, i.Title, i.Summary, i.Summary,
                    i.PublishedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
                    i.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
                    [new JsonFeedAuthor(i.BodyName)], [i.DocumentType]);
            }).ToList(),
            hub is null ? null : [new JsonFeedHub("WebSub", hub.AbsoluteUri)]);
        return JsonSerializer.Serialize(feed, JsonFeedContext.Default.JsonFeed);
    }

    /// <summary>The first 200 characters of the text, without markup.</summary>
    private static string Summary(string html)
    {
        var text = Platform.Text.HtmlText.Read(html);
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}

public sealed record JsonFeed(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("home_page_url")] string HomePageUrl,
    [property: JsonPropertyName("feed_url")] string FeedUrl,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("authors")] IReadOnlyList<JsonFeedAuthor> Authors,
    [property: JsonPropertyName("items")] IReadOnlyList<JsonFeedItem> Items,
    [property: JsonPropertyName("hubs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<JsonFeedHub>? Hubs = null);

/// <summary>JSON Feed 1.1 <c>hubs</c>: where to subscribe for pushed updates.</summary>
public sealed record JsonFeedHub([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("url")] string Url);

public sealed record JsonFeedAuthor([property: JsonPropertyName("name")] string Name);

public sealed record JsonFeedItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("content_text")] string ContentText,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("date_published")] string DatePublished,
    [property: JsonPropertyName("date_modified")] string DateModified,
    [property: JsonPropertyName("authors")] IReadOnlyList<JsonFeedAuthor> Authors,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);

[JsonSerializable(typeof(JsonFeed))]
internal sealed partial class JsonFeedContext : JsonSerializerContext;
