using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Catalogue;

/// <summary>
/// Reads and changes bodies' disclosure catalogues. Changes need <see cref="OrganizationsPermissions.ManageBody"/> (checked by the
/// endpoints and pages) and the body in the user's <see cref="BodyScope"/> (checked here); each is audited, written
/// to the change log and evicts cached public pages.
/// </summary>
public sealed class CatalogueDesk(GongkaiDbContext db, BodyScope scope, AuditLog audit, TimeProvider clock, IOutputCacheStore cache)
{
    /// <summary>The body's nodes, flat, untracked.</summary>
    public async Task<List<CatalogueNode>> NodesAsync(int bodyId, CancellationToken cancellationToken = default) =>
        await db.Set<CatalogueNode>().AsNoTracking().Where(n => n.BodyId == bodyId).OrderBy(n => n.Order).ThenBy(n => n.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CatalogueTreeNode>> TreeAsync(int bodyId, bool includeHidden, CancellationToken cancellationToken = default) =>
        CatalogueTree.Build(await NodesAsync(bodyId, cancellationToken), includeHidden);

    /// <summary>A visible node and its visible sub-nodes, for filtering public lists; null when the node does not
    /// exist, is hidden, or belongs to another body than <paramref name="bodyId"/> (when given).</summary>
    public async Task<(CatalogueNode Node, IReadOnlyList<int> Ids)?> PublicSubtreeAsync(int nodeId, int? bodyId, CancellationToken cancellationToken = default)
    {
        var owner = await db.Set<CatalogueNode>().AsNoTracking().Where(n => n.Id == nodeId).Select(n => (int?)n.BodyId).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || (bodyId is not null && owner != bodyId))
        {
            return null;
        }

        var tree = CatalogueTree.Build(await NodesAsync(owner.Value, cancellationToken), includeHidden: false);
        var found = tree.SelectMany(t => t.SelfAndDescendants()).FirstOrDefault(t => t.Node.Id == nodeId);
        return found is null ? null : (found.Node, found.SelfAndDescendants().Select(t => t.Node.Id).ToList());
    }

    /// <summary>How many documents (any state) each node of the body holds.</summary>
    public async Task<Dictionary<int, int>> DocumentCountsAsync(int bodyId, CancellationToken cancellationToken = default) =>
        await db.Set<Document>().AsNoTracking().Where(d => d.BodyId == bodyId && d.CatalogueNodeId != null)
            .GroupBy(d => d.CatalogueNodeId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<Outcome<CatalogueNode>> CreateAsync(ClaimsPrincipal user, int bodyId, int? parentId, CatalogueNodeInput input, CancellationToken cancellationToken = default)
    {
        if (!await scope.MayActForAsync(user, bodyId, cancellationToken))
        {
            return Forbidden();
        }

        if (parentId is { } parent && !await db.Set<CatalogueNode>().AnyAsync(n => n.Id == parent && n.BodyId == bodyId, cancellationToken))
        {
            return Invalid(new() { ["parentId"] = ["上级目录不存在，或不属于该单位。"] });
        }

        var siblings = await db.Set<CatalogueNode>().Where(n => n.BodyId == bodyId && n.ParentId == parentId).Select(n => new { n.Name, n.Order }).ToListAsync(cancellationToken);
        var (value, errors) = CatalogueRules.Validate(input, siblings.Select(s => s.Name));
        if (value is null)
        {
            return Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var node = new CatalogueNode { BodyId = bodyId, ParentId = parentId, Name = value.Name, Order = siblings.Select(s => s.Order).DefaultIfEmpty(0).Max() + 1, CreatedAt = now };
        Apply(node, value, now);
        // The audit and change-log rows name the new id: two saves, one transaction.
        return await db.InTransactionAsync(async () =>
        {
            db.Add(node);
            await db.SaveChangesAsync(cancellationToken);
            return await RecordAsync(node, "catalogue.created", node.Name, cancellationToken);
        }, cancellationToken);
    }

    public Task<Outcome<CatalogueNode>> EditAsync(ClaimsPrincipal user, int id, CatalogueNodeInput input, CancellationToken cancellationToken = default) =>
        ActAsync(user, id, async node =>
        {
            var siblings = await db.Set<CatalogueNode>().Where(n => n.BodyId == node.BodyId && n.ParentId == node.ParentId && n.Id != node.Id)
                .Select(n => n.Name).ToListAsync(cancellationToken);
            var (value, errors) = CatalogueRules.Validate(input, siblings);
            if (value is null)
            {
                return Invalid(errors);
            }

            // Documents already filed keep their node; the new type list applies to what is filed from now on.
            var detail = node.Name == value.Name ? node.Name : $"{node.Name} → {value.Name}";
            Apply(node, value, clock.GetUtcNow());
            return await RecordAsync(node, "catalogue.edited", detail, cancellationToken);
        }, cancellationToken);

    public Task<Outcome<CatalogueNode>> SetHiddenAsync(ClaimsPrincipal user, int id, bool hidden, CancellationToken cancellationToken = default) =>
        ActAsync(user, id, async node =>
        {
            node.Hidden = hidden;
            node.UpdatedAt = clock.GetUtcNow();
            return await RecordAsync(node, hidden ? "catalogue.hidden" : "catalogue.shown", node.Name, cancellationToken);
        }, cancellationToken);

    /// <summary>Moves a node one place up (-1) or down (+1) among its siblings.</summary>
    public Task<Outcome<CatalogueNode>> MoveAsync(ClaimsPrincipal user, int id, int direction, CancellationToken cancellationToken = default) =>
        ActAsync(user, id, async node =>
        {
            var siblings = await db.Set<CatalogueNode>().Where(n => n.BodyId == node.BodyId && n.ParentId == node.ParentId)
                .OrderBy(n => n.Order).ThenBy(n => n.Id).ToListAsync(cancellationToken);
            var order = CatalogueRules.Move(siblings.Select(s => s.Id).ToList(), node.Id, direction);
            for (var i = 0; i < order.Count; i++)
            {
                siblings.Single(s => s.Id == order[i]).Order = i + 1;
            }

            node.UpdatedAt = clock.GetUtcNow();
            return await RecordAsync(node, "catalogue.moved", $"{node.Name}：第 {node.Order} 位", cancellationToken);
        }, cancellationToken);

    /// <summary>Deletes an empty, unused node; one that documents use or that has sub-nodes is refused (hide it instead).</summary>
    public Task<Outcome<CatalogueNode>> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default) =>
        ActAsync(user, id, async node =>
        {
            var documents = await db.Set<Document>().CountAsync(d => d.CatalogueNodeId == node.Id, cancellationToken);
            var children = await db.Set<CatalogueNode>().CountAsync(n => n.ParentId == node.Id, cancellationToken);
            if (CatalogueRules.DeletionRefused(node.Name, documents, children) is { } refusal)
            {
                return Refusal.Conflict(refusal, "不能删除");
            }

            db.Remove(node);
            return await RecordAsync(node, "catalogue.deleted", node.Name, cancellationToken);
        }, cancellationToken);

    /// <summary>Adds the default tree to a body that has no catalogue yet; returns whether it did.</summary>
    public async Task<bool> SeedDefaultsAsync(Body body, CancellationToken cancellationToken = default)
    {
        var roots = CatalogueDefaults.For(body.Kind);
        if (roots.Count == 0 || await db.Set<CatalogueNode>().AnyAsync(n => n.BodyId == body.Id, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        CatalogueNode Node(CatalogueTemplate template, int order) => new()
        {
            BodyId = body.Id,
            Name = template.Name,
            Order = order,
            Content = template.Content,
            ResponsibleBody = body.Name,
            TimeLimit = template.TimeLimit,
            Carriers = template.Carriers,
            UpdateFrequency = template.UpdateFrequency,
            AllowedTypes = template.AllowedTypes is null ? null : CatalogueRules.JoinTypes(template.AllowedTypes),
            CreatedAt = now,
            UpdatedAt = now,
            Children = template.ChildNodes.Select((child, i) => Node(child, i + 1)).ToList(),
        };

        db.AddRange(roots.Select((root, i) => Node(root, i + 1)));
        audit.Record("catalogue.seeded", $"body:{body.Code}", "默认主动公开基本目录", bodyId: body.Id, actorName: "system");
        db.RecordChange(PublishingChanges.CatalogueChanged, body.Code, body.Id);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Null when <paramref name="nodeId"/> may hold a document of <paramref name="documentType"/> owned by
    /// <paramref name="bodyId"/>; otherwise the reason, for the form's catalogue field.</summary>
    public async Task<string?> RefuseFilingAsync(int bodyId, int? nodeId, string documentType, CancellationToken cancellationToken = default)
    {
        if (nodeId is null)
        {
            return null;
        }

        var node = await db.Set<CatalogueNode>().AsNoTracking().Where(n => n.Id == nodeId).Select(n => new { n.BodyId, n.Name, n.AllowedTypes }).SingleOrDefaultAsync(cancellationToken);
        return node is null || node.BodyId != bodyId
            ? "所选目录不存在，或不属于本单位。"
            : CatalogueRules.TypeNotAllowed(node.Name, node.AllowedTypes, documentType);
    }

    private static void Apply(CatalogueNode node, CheckedCatalogueNodeInput value, DateTimeOffset now)
    {
        node.Name = value.Name;
        node.Content = value.Content;
        node.ResponsibleBody = value.ResponsibleBody;
        node.TimeLimit = value.TimeLimit;
        node.Carriers = value.Carriers;
        node.UpdateFrequency = value.UpdateFrequency;
        node.AllowedTypes = value.AllowedTypes;
        node.UpdatedAt = now;
    }

    private async Task<Outcome<CatalogueNode>> ActAsync(ClaimsPrincipal user, int id, Func<CatalogueNode, Task<Outcome<CatalogueNode>>> action, CancellationToken cancellationToken)
    {
        var node = await db.Set<CatalogueNode>().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (node is null)
        {
            return Refusal.NotFound("没有找到该目录。", "目录不存在");
        }

        return await scope.MayActForAsync(user, node.BodyId, cancellationToken) ? await action(node) : Forbidden();
    }

    private async Task<Outcome<CatalogueNode>> RecordAsync(CatalogueNode node, string action, string detail, CancellationToken cancellationToken)
    {
        var id = node.Id.ToString(CultureInfo.InvariantCulture);
        audit.Record(action, "catalogue:" + id, detail, bodyId: node.BodyId);
        db.RecordChange(PublishingChanges.CatalogueNodeChanged, id, node.BodyId, action);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
        return node;
    }

    private static Refusal Forbidden() => Refusal.Forbidden("您只能管理本单位（及下属单位）的目录。");

    private static Refusal Invalid(Dictionary<string, string[]> errors) => Refusal.Invalid("目录信息有误，请修改后重新提交。", errors, "目录信息有误");
}
