namespace Gongkai.Publishing.Catalogue;

/// <summary>A node with its sub-nodes, for display.</summary>
public sealed record CatalogueTreeNode(CatalogueNode Node, IReadOnlyList<CatalogueTreeNode> Children)
{
    /// <summary>This node and everything below it, depth first.</summary>
    public IEnumerable<CatalogueTreeNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>Builds trees from flat node lists, without I/O.</summary>
public static class CatalogueTree
{
    /// <summary>Roots in order, children in order. With <paramref name="includeHidden"/> false a hidden node and all
    /// below it are left out (hiding a column hides its sub-columns from the public).</summary>
    public static IReadOnlyList<CatalogueTreeNode> Build(IEnumerable<CatalogueNode> nodes, bool includeHidden)
    {
        var list = nodes.Where(n => includeHidden || !n.Hidden).ToList();
        var byParent = list.ToLookup(n => n.ParentId);
        IReadOnlyList<CatalogueTreeNode> Level(int? parentId) =>
            byParent[parentId].OrderBy(n => n.Order).ThenBy(n => n.Id).Select(n => new CatalogueTreeNode(n, Level(n.Id))).ToList();

        // Below a hidden (left out) node nothing is reached, so its sub-nodes disappear with it.
        return Level(null);
    }

    /// <summary>The names from the root down to <paramref name="nodeId"/>, e.g. 法定主动公开内容 › 统计信息.</summary>
    public static IReadOnlyList<CatalogueNode> PathTo(IReadOnlyCollection<CatalogueNode> nodes, int nodeId)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        var path = new List<CatalogueNode>();
        for (var current = byId.GetValueOrDefault(nodeId); current is not null && path.Count <= nodes.Count; current = current.ParentId is { } p ? byId.GetValueOrDefault(p) : null)
        {
            path.Insert(0, current);
        }

        return path;
    }
}
