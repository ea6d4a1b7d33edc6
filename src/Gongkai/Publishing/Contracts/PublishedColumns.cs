using Gongkai.Platform.Data;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>A public column (a visible leaf of a body's 主动公开目录) and what was published in it: how many documents
/// are public there and when the latest was published.</summary>
public sealed record ColumnActivity(int Id, int BodyId, string Name, string Path, string UpdateFrequency, int PublishedCount, DateTimeOffset? LastPublishedAt, DateTimeOffset CreatedAt);

/// <summary>The columns of the site as the public sees them, with their publication activity, for readers outside
/// Publishing (the website self-inspection). One grouped query over documents, one over the catalogue.</summary>
public sealed class PublishedColumns(GongkaiDbContext db)
{
    /// <summary>Every visible leaf column of the given bodies (all bodies when null).</summary>
    public Task<IReadOnlyList<ColumnActivity>> ActivityAsync(IReadOnlyCollection<int>? bodyIds, CancellationToken cancellationToken = default) =>
        ActivityAsOfAsync(bodyIds, null, cancellationToken);

    /// <summary>The same, counting only documents published before <paramref name="publishedBefore"/> (null: all) — a
    /// past month's view for the monthly self-inspection report. Documents published then and withdrawn since are not
    /// counted (the withdrawal date is not compared).</summary>
    public async Task<IReadOnlyList<ColumnActivity>> ActivityAsOfAsync(IReadOnlyCollection<int>? bodyIds, DateTimeOffset? publishedBefore, CancellationToken cancellationToken = default)
    {
        var nodes = db.Set<CatalogueNode>().AsNoTracking();
        var documents = db.Set<Document>().AsNoTracking().Where(d => d.Status == DocumentStatus.Published && d.CatalogueNodeId != null);
        if (publishedBefore is { } before)
        {
            documents = documents.Where(d => d.PublishedAt < before);
        }

        if (bodyIds is not null)
        {
            nodes = nodes.Where(n => bodyIds.Contains(n.BodyId));
            documents = documents.Where(d => bodyIds.Contains(d.BodyId));
        }

        var loaded = await nodes.ToListAsync(cancellationToken);
        var activity = (await documents.GroupBy(d => d.CatalogueNodeId!.Value)
                .Select(g => new { Node = g.Key, Count = g.Count(), Last = g.Max(d => d.PublishedAt) })
                .ToListAsync(cancellationToken))
            .ToDictionary(a => a.Node, a => (a.Count, a.Last));
        var result = new List<ColumnActivity>();
        foreach (var body in loaded.GroupBy(n => n.BodyId))
        {
            foreach (var root in CatalogueTree.Build(body, includeHidden: false))
            {
                Collect(root, "", body.Key, activity, result);
            }
        }

        return result;
    }

    private static void Collect(CatalogueTreeNode node, string parentPath, int bodyId, Dictionary<int, (int Count, DateTimeOffset? Last)> activity, List<ColumnActivity> result)
    {
        var path = parentPath.Length == 0 ? node.Node.Name : parentPath + " › " + node.Node.Name;
        if (node.Children.Count == 0)
        {
            var (count, last) = activity.GetValueOrDefault(node.Node.Id);
            result.Add(new ColumnActivity(node.Node.Id, bodyId, node.Node.Name, path, node.Node.UpdateFrequency, count, last, node.Node.CreatedAt));
            return;
        }

        foreach (var child in node.Children)
        {
            Collect(child, path, bodyId, activity, result);
        }
    }
}
