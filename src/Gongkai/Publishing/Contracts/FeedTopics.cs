using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Feeds;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>The WebSub hub the feeds announce (<c>rel="hub"</c>). Publishing runs no hub: a module above it (Channels)
/// replaces <see cref="NoFeedHub"/>, as Transparency does for <see cref="IPublicLogEntries"/>.</summary>
public interface IFeedHub
{
    /// <summary>The hub's absolute address on <paramref name="site"/>, or null when no hub runs.</summary>
    Uri? HubUrl(Uri site);
}

internal sealed class NoFeedHub : IFeedHub
{
    public Uri? HubUrl(Uri site) => null;
}

/// <summary>A feed's content as a subscriber receives it.</summary>
public sealed record FeedContent(string ContentType, string Body);

/// <summary>The feeds as WebSub topics, for the hub: whether a path is a feed, whether a document's publication,
/// correction or withdrawal changes it, and its current content.</summary>
public sealed class FeedTopics(GongkaiDbContext db, FeedScopes scopes, FeedBuilder builder, SiteContext site, IFeedHub hub)
{
    public const string AtomType = "application/atom+xml; charset=utf-8";
    public const string JsonType = "application/feed+json; charset=utf-8";

    /// <summary>True when <paramref name="path"/> (absolute path of a topic URL) is one of the site's feeds.</summary>
    public async Task<bool> IsFeedAsync(string path, CancellationToken cancellationToken = default) =>
        await scopes.ResolveAsync(path, site.Site.Name, cancellationToken) is not null;

    /// <summary>Whether the feed at <paramref name="path"/> lists, or listed until its withdrawal, the document with the
    /// 索引号 <paramref name="indexNo"/> (what the change log names).</summary>
    public async Task<bool> CoversDocumentAsync(string path, string indexNo, CancellationToken cancellationToken = default)
    {
        if (await scopes.ResolveAsync(path, site.Site.Name, cancellationToken) is not { } feed)
        {
            return false;
        }

        var documents = db.Set<Document>().AsNoTracking()
            .Where(d => d.IndexNo == indexNo && (d.Status == DocumentStatus.Published || d.Status == DocumentStatus.Withdrawn));
        return await FeedBuilder.InScope(documents, feed.Scope).AnyAsync(cancellationToken);
    }

    /// <summary>The feed's content as served at <paramref name="path"/> on <paramref name="siteUri"/>, or null when it is no feed.</summary>
    public async Task<FeedContent?> RenderAsync(string path, Uri siteUri, CancellationToken cancellationToken = default)
    {
        if (await scopes.ResolveAsync(path, site.Site.Name, cancellationToken) is not { } feed)
        {
            return null;
        }

        var items = await builder.ItemsAsync(feed.Scope, cancellationToken);
        var hubUrl = hub.HubUrl(siteUri);
        return feed.File == FeedScopes.AtomFile
            ? new FeedContent(AtomType, FeedBuilder.Atom(feed.Scope, items, siteUri, site.Site.Name, hubUrl))
            : new FeedContent(JsonType, FeedBuilder.Json(feed.Scope, items, siteUri, site.Site.Name, feed.Scope.Id, hubUrl));
    }
}
