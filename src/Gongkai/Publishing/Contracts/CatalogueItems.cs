using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Catalogue;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>An item to place in a body's 主动公开基本目录, as a standard catalogue states it.</summary>
public sealed record NewCatalogueItem(string Name, string Content, string ResponsibleBody, string TimeLimit, string Carriers, string UpdateFrequency);

/// <summary>A catalogue node as the grafting answers it: the item's name and the node that holds it.</summary>
public sealed record CatalogueItemNode(string Name, int NodeId, bool Added);

/// <summary>
/// Grafts a group of items into a body's 主动公开基本目录 for modules above Publishing (a standard catalogue being
/// instantiated): one top-level node named after the group, one sub-node per item. Items already there (same name
/// under the group) are kept as the body shaped them, and nodes the body added itself are never touched, so grafting
/// again only adds what is missing. Whether the caller may act for the body is the caller's check; the change is
/// audited, written to the change log and evicts cached public pages like any catalogue edit.
/// </summary>
public sealed class CatalogueItems(GongkaiDbContext db, AuditLog audit, TimeProvider clock, IOutputCacheStore cache)
{
    public async Task<IReadOnlyList<CatalogueItemNode>> GraftAsync(int bodyId, string groupName, string groupContent, IReadOnlyList<NewCatalogueItem> items,
        string? systemActor = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var nodes = db.Set<CatalogueNode>();
        var group = await nodes.SingleOrDefaultAsync(n => n.BodyId == bodyId && n.ParentId == null && n.Name == groupName, cancellationToken);
        if (group is null)
        {
            var lastRoot = await nodes.Where(n => n.BodyId == bodyId && n.ParentId == null).Select(n => (int?)n.Order).MaxAsync(cancellationToken) ?? 0;
            group = new CatalogueNode
            {
                BodyId = bodyId, Name = Fit(groupName, CatalogueRules.MaxNameLength), Order = lastRoot + 1, Content = Fit(groupContent, CatalogueRules.MaxTextLength),
                CreatedAt = now, UpdatedAt = now,
            };
            nodes.Add(group);
            await db.SaveChangesAsync(cancellationToken);
        }

        var existing = await nodes.Where(n => n.BodyId == bodyId && n.ParentId == group.Id).ToListAsync(cancellationToken);
        var order = existing.Select(n => n.Order).DefaultIfEmpty(0).Max();
        var placed = new List<(string Name, CatalogueNode Node, bool Added)>();
        foreach (var item in items)
        {
            var name = Fit(item.Name, CatalogueRules.MaxNameLength);
            if (existing.FirstOrDefault(n => n.Name == name) is { } kept)
            {
                placed.Add((item.Name, kept, false));
                continue;
            }

            var node = new CatalogueNode
            {
                BodyId = bodyId, ParentId = group.Id, Name = name, Order = ++order,
                Content = Fit(item.Content, CatalogueRules.MaxTextLength),
                ResponsibleBody = Fit(item.ResponsibleBody, CatalogueRules.MaxShortTextLength),
                TimeLimit = Fit(item.TimeLimit, CatalogueRules.MaxShortTextLength),
                Carriers = Fit(item.Carriers, CatalogueRules.MaxShortTextLength),
                UpdateFrequency = Fit(item.UpdateFrequency, CatalogueRules.MaxShortTextLength),
                CreatedAt = now, UpdatedAt = now,
            };
            nodes.Add(node);
            existing.Add(node);
            placed.Add((item.Name, node, true));
        }

        var added = placed.Count(p => p.Added);
        audit.Record("catalogue.grafted", "catalogue:" + group.Id.ToString(CultureInfo.InvariantCulture), $"{groupName}：新增 {added} 项", bodyId: bodyId, actorName: systemActor);
        db.RecordChange(PublishingChanges.CatalogueNodeChanged, group.Id.ToString(CultureInfo.InvariantCulture), bodyId, "catalogue.grafted");
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
        return placed.Select(p => new CatalogueItemNode(p.Name, p.Node.Id, p.Added)).ToList();
    }

    private static string Fit(string value, int max) => value.Length <= max ? value : value[..max];
}
