using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Rules;

namespace Gongkai.Publishing.Feeds;

/// <summary>The feeds' addresses and what each covers: the routes and the WebSub topics read them the same way.</summary>
public sealed class FeedScopes(BodyDirectory directory, CatalogueDesk catalogue)
{
    public const string AtomFile = "atom.xml";
    public const string JsonFile = "feed.json";

    public static FeedScope Site(string file, string siteName) => new("/feeds/" + file, siteName + " 最新文件");

    public async Task<FeedScope?> BodyAsync(string code, string file, CancellationToken cancellationToken) =>
        (await directory.LoadAsync(cancellationToken)).FindByCode(code) is { } body
            ? new FeedScope($"/feeds/bodies/{Uri.EscapeDataString(body.Code)}/{file}", $"{body.Name} 最新文件", BodyId: body.Id)
            : null;

    /// <summary>A visible node of the body with its visible sub-nodes; hidden or foreign nodes have no feed, like their listing page.</summary>
    public async Task<FeedScope?> NodeAsync(string code, int nodeId, string file, CancellationToken cancellationToken)
    {
        if ((await directory.LoadAsync(cancellationToken)).FindByCode(code) is not { } body
            || await catalogue.PublicSubtreeAsync(nodeId, body.Id, cancellationToken) is not { } subtree)
        {
            return null;
        }

        var path = NodeAtomPath(body.Code, nodeId);
        return new FeedScope(path[..^AtomFile.Length] + file, $"{body.Name} {subtree.Node.Name}", NodeIds: subtree.Ids);
    }

    public static FeedScope? Type(string type, string file) =>
        DocumentCatalog.Types.Contains(type) ? new FeedScope($"/feeds/types/{Uri.EscapeDataString(type)}/{file}", $"最新{type}", DocumentType: type) : null;

    /// <summary>The address of a catalogue node's Atom feed, announced on the node's listing page.</summary>
    public static string NodeAtomPath(string bodyCode, int nodeId) =>
        string.Create(CultureInfo.InvariantCulture, $"/feeds/bodies/{Uri.EscapeDataString(bodyCode)}/nodes/{nodeId}/{AtomFile}");

    /// <summary>The feed at a path (as the routes map them: <c>/feeds/atom.xml</c>, <c>/feeds/bodies/{code}/feed.json</c>,
    /// <c>/feeds/bodies/{code}/nodes/{n}/atom.xml</c>, <c>/feeds/types/{type}/atom.xml</c>), or null when there is none.</summary>
    public async Task<(FeedScope Scope, string File)?> ResolveAsync(string path, string siteName, CancellationToken cancellationToken)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 2 || segments[0] != "feeds" || segments[^1] is not (AtomFile or JsonFile))
        {
            return null;
        }

        var file = segments[^1];
        FeedScope? scope = segments switch
        {
            [_, _] => Site(file, siteName),
            [_, "bodies", var code, _] => await BodyAsync(code, file, cancellationToken),
            [_, "bodies", var code, "nodes", var node, _] when int.TryParse(node, NumberStyles.None, CultureInfo.InvariantCulture, out var nodeId) =>
                await NodeAsync(code, nodeId, file, cancellationToken),
            [_, "types", var type, _] => Type(type, file),
            _ => null,
        };
        return scope is null ? null : (scope, file);
    }
}
