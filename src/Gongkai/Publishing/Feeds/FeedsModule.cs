using System.Globalization;
using System.Text;
using System.Xml;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Publishing.Feeds;

/// <summary>Feeds and crawlers: Atom and JSON Feed (site, per body, per catalogue node, per document type), sitemap index and parts,
/// robots.txt. Responses are output-cached under the documents tag, which publication, correction and withdrawal evict.</summary>
internal static class FeedsModule
{
    public const string FeedPolicy = "public-feeds";

    /// <summary>URLs per sitemap part (the protocol's limit).</summary>
    public const int SitemapPartSize = 50_000;

    public static WebApplicationBuilder AddFeeds(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FeedBuilder>();
        builder.Services.AddScoped<FeedScopes>();
        builder.Services.AddScoped<FeedTopics>();
        // Channels (a module above this one) replaces it with the WebSub hub.
        builder.Services.TryAddSingleton<IFeedHub, NoFeedHub>();
        builder.Services.Configure<OutputCacheOptions>(cache =>
            cache.AddPolicy(FeedPolicy, feed => feed.Tag(PublicCache.DocumentsTag, PublicCache.BodiesTag).Expire(TimeSpan.FromMinutes(10))));
        return builder;
    }

    public static WebApplication MapFeeds(this WebApplication app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("订阅").CacheOutput(FeedPolicy);
        feeds.MapGet("/atom.xml", (HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub, CancellationToken ct) =>
            AtomAsync(http, builder, site, hub, FeedScopes.Site(FeedScopes.AtomFile, site.Site.Name), ct)).WithSummary("全站最新公开信息（Atom）");
        feeds.MapGet("/feed.json", (HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub, CancellationToken ct) =>
            JsonAsync(http, builder, site, hub, FeedScopes.Site(FeedScopes.JsonFile, site.Site.Name), ct)).WithSummary("全站最新公开信息（JSON Feed）");
        feeds.MapGet("/bodies/{code}/atom.xml", async (string code, HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub, FeedScopes scopes, CancellationToken ct) =>
            await scopes.BodyAsync(code, FeedScopes.AtomFile, ct) is { } scope ? await AtomAsync(http, builder, site, hub, scope, ct) : NotFound("机构", code)).WithSummary("某机关的最新公开信息（Atom）");
        feeds.MapGet("/bodies/{code}/feed.json", async (string code, HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub, FeedScopes scopes, CancellationToken ct) =>
            await scopes.BodyAsync(code, FeedScopes.JsonFile, ct) is { } scope ? await JsonAsync(http, builder, site, hub, scope, ct) : NotFound("机构", code)).WithSummary("某机关的最新公开信息（JSON Feed）");
        feeds.MapGet("/bodies/{code}/nodes/{node:int}/atom.xml", async (string code, int node, HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub,
            FeedScopes scopes, CancellationToken ct) =>
            await scopes.NodeAsync(code, node, FeedScopes.AtomFile, ct) is { } scope ? await AtomAsync(http, builder, site, hub, scope, ct) : NotFound("目录栏目", code + "/" + node)).WithSummary("某机关目录栏目的最新公开信息（Atom）");
        feeds.MapGet("/bodies/{code}/nodes/{node:int}/feed.json", async (string code, int node, HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub,
            FeedScopes scopes, CancellationToken ct) =>
            await scopes.NodeAsync(code, node, FeedScopes.JsonFile, ct) is { } scope ? await JsonAsync(http, builder, site, hub, scope, ct) : NotFound("目录栏目", code + "/" + node)).WithSummary("某机关目录栏目的最新公开信息（JSON Feed）");
        feeds.MapGet("/types/{type}/atom.xml", async (string type, HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub, CancellationToken ct) =>
            FeedScopes.Type(type, FeedScopes.AtomFile) is { } scope ? await AtomAsync(http, builder, site, hub, scope, ct) : NotFound("文件类型", type)).WithSummary("某一文件类型的最新公开信息（Atom）");
        feeds.MapGet("/types/{type}/feed.json", async (string type, HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub, CancellationToken ct) =>
            FeedScopes.Type(type, FeedScopes.JsonFile) is { } scope ? await JsonAsync(http, builder, site, hub, scope, ct) : NotFound("文件类型", type)).WithSummary("某一文件类型的最新公开信息（JSON Feed）");

        app.MapGet("/sitemap.xml", SitemapIndexAsync).WithSummary("站点地图索引").WithTags("订阅").CacheOutput(FeedPolicy);
        app.MapGet("/sitemap-{part:int}.xml", SitemapPartAsync).WithSummary("站点地图的一部分").WithTags("订阅").CacheOutput(FeedPolicy);
        app.MapGet("/robots.txt", (HttpContext http) => TypedResults.Text(Robots(SiteUri(http)), "text/plain; charset=utf-8")).WithSummary("搜索引擎抓取规则").WithTags("订阅");
        return app;
    }

    /// <summary>Staff areas are not for crawlers; the public API's document list is, but its staff paths are not.</summary>
    public static string Robots(Uri site) => string.Join('\n',
        "User-agent: *",
        "Disallow: /admin",
        "Disallow: /api/v1/session",
        "Disallow: /api/v1/audit",
        "Disallow: /api/v1/safeguards",
        "Disallow: /api/v1/requests",
        "Disallow: /api/v1/interpretations",
        "Allow: /",
        $"Sitemap: {new Uri(site, "/sitemap.xml").AbsoluteUri}",
        "");

    private static Uri SiteUri(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}/");

    private static async Task<IResult> AtomAsync(HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub, FeedScope scope, CancellationToken ct)
    {
        var items = await builder.ItemsAsync(scope, ct);
        var hubUrl = AnnounceHub(http, hub, scope);
        return TypedResults.Text(FeedBuilder.Atom(scope, items, SiteUri(http), site.Site.Name, hubUrl), FeedTopics.AtomType);
    }

    private static async Task<IResult> JsonAsync(HttpContext http, FeedBuilder builder, SiteContext site, IFeedHub hub, FeedScope scope, CancellationToken ct)
    {
        var items = await builder.ItemsAsync(scope, ct);
        var hubUrl = AnnounceHub(http, hub, scope);
        return TypedResults.Text(FeedBuilder.Json(scope, items, SiteUri(http), site.Site.Name, scope.Id, hubUrl), FeedTopics.JsonType);
    }

    /// <summary>WebSub discovery (W3C WebSub §4): the hub and the topic's own address in Link headers; the feed repeats them.</summary>
    private static Uri? AnnounceHub(HttpContext http, IFeedHub hub, FeedScope scope)
    {
        var site = SiteUri(http);
        if (hub.HubUrl(site) is not { } hubUrl)
        {
            return null;
        }

        http.Response.Headers.Append("Link", $"<{hubUrl.AbsoluteUri}>; rel=\"hub\", <{new Uri(site, scope.Id).AbsoluteUri}>; rel=\"self\"");
        return hubUrl;
    }

    /// <summary>The address of a catalogue node's Atom feed, announced on the node's listing page.</summary>
    public static string NodeAtomPath(string bodyCode, int nodeId) => FeedScopes.NodeAtomPath(bodyCode, nodeId);

    private static ProblemHttpResult NotFound(string what, string value) =>
        TypedResults.Problem(title: $"{what}不存在", detail: $"没有“{value}”对应的订阅。", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> SitemapIndexAsync(HttpContext http, GongkaiDbContext db, BodyDirectory directory, CancellationToken ct)
    {
        var count = await db.Set<Document>().CountAsync(d => d.Status == DocumentStatus.Published, ct);
        var fixedPages = (await FixedPagesAsync(directory, ct)).Count;
        var parts = Math.Max(1, (count + fixedPages + SitemapPartSize - 1) / SitemapPartSize);
        var site = SiteUri(http);
        return Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNamespace);
            for (var part = 1; part <= parts; part++)
            {
                writer.WriteStartElement("sitemap", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, new Uri(site, string.Create(CultureInfo.InvariantCulture, $"/sitemap-{part}.xml")).AbsoluteUri);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private static readonly string[] StaticPages =
        ["/", "/xxgk", "/documents", "/bodies", "/gazette", "/requests/apply", "/requests/track", "/search", "/site-map"];

    /// <summary>The site's sections, then each body's profile, 政府信息公开指南 and 信息公开 section.</summary>
    private static async Task<IReadOnlyList<string>> FixedPagesAsync(BodyDirectory directory, CancellationToken ct)
    {
        var bodies = (await directory.LoadAsync(ct)).All;
        return [.. StaticPages, .. bodies.SelectMany(b => BodyPages(Uri.EscapeDataString(b.Code)))];

        static string[] BodyPages(string code) => [$"/bodies/{code}", $"/bodies/{code}/guide", $"/bodies/{code}/xxgk"];
    }

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Part n lists the sections and body pages (part 1 only) then published documents in id order, 50,000 URLs a part.</summary>
    private static async Task<IResult> SitemapPartAsync(int part, HttpContext http, GongkaiDbContext db, BodyDirectory directory, CancellationToken ct)
    {
        // A part past the last one that could exist is absent, not an arithmetic overflow in the offset.
        if (part < 1 || part > int.MaxValue / SitemapPartSize)
        {
            return TypedResults.NotFound();
        }

        var site = SiteUri(http);
        var fixedPages = await FixedPagesAsync(directory, ct);
        var skip = (part - 1) * SitemapPartSize - (part == 1 ? 0 : fixedPages.Count);
        var take = SitemapPartSize - (part == 1 ? fixedPages.Count : 0);
        var documents = await db.Set<Document>().AsNoTracking().Where(d => d.Status == DocumentStatus.Published).OrderBy(d => d.Id)
            .Skip(skip).Take(take).Select(d => new { d.IndexNo, d.UpdatedAt }).ToListAsync(ct);
        if (part > 1 && documents.Count == 0)
        {
            return TypedResults.NotFound();
        }

        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            foreach (var page in part == 1 ? fixedPages : [])
            {
                writer.WriteStartElement("url", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, new Uri(site, page).AbsoluteUri);
                writer.WriteEndElement();
            }

            foreach (var document in documents)
            {
                writer.WriteStartElement("url", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, new Uri(site, DocumentSummary.DocumentUrl(document.IndexNo!)).AbsoluteUri);
                writer.WriteElementString("lastmod", SitemapNamespace, document.UpdatedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private static FileContentHttpResult Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return TypedResults.Bytes(stream.ToArray(), "application/xml; charset=utf-8");
    }
}
