using System.Security.Claims;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Organizations;

/// <summary>A body with the sub-bodies shown beneath it in a tree.</summary>
public sealed record BodyNode(Body Body, IReadOnlyList<BodyNode> Children);

/// <summary>One section of the public directory (市政府及其部门, 县（市、区）, 园区, 服务机构).</summary>
public sealed record DirectoryGroup(DirectorySection Section, string Title, IReadOnlyList<BodyNode> Roots);

/// <summary>Pure navigation over a loaded set of bodies: children in display order, the chain of ancestors, and
/// the directory grouped by section. A prefecture-level city has tens of bodies, so loading all is cheap.</summary>
public sealed class BodyHierarchy
{
    private readonly Dictionary<int, Body> _byId;
    private readonly ILookup<int, Body> _children;

    public BodyHierarchy(IEnumerable<Body> bodies)
    {
        All = bodies.OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToList();
        _byId = All.ToDictionary(b => b.Id);
        _children = All.Where(b => b.ParentId is not null).ToLookup(b => b.ParentId!.Value);
    }

    public IReadOnlyList<Body> All { get; }

    public Body? Find(int? id) => id is { } value && _byId.TryGetValue(value, out var body) ? body : null;

    public Body? FindByCode(string code) => All.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.Ordinal));

    public IReadOnlyList<Body> ChildrenOf(Body body) => _children[body.Id].ToList();

    /// <summary>From the top of the tree down to the parent of <paramref name="body"/>.</summary>
    public IReadOnlyList<Body> AncestorsOf(Body body)
    {
        var chain = new List<Body>();
        var seen = new HashSet<int> { body.Id };
        for (var parent = Find(body.ParentId); parent is not null && seen.Add(parent.Id); parent = Find(parent.ParentId))
        {
            chain.Add(parent);
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>The directory: in each section, the bodies whose parent lies outside it, each with the sub-bodies
    /// of the same section beneath it (a county's departments under the county, not under the city).</summary>
    public IReadOnlyList<DirectoryGroup> Directory() =>
        Enum.GetValues<DirectorySection>()
            .Select(section => new DirectoryGroup(
                section,
                BodyKinds.SectionTitle(section),
                All.Where(b => BodyKinds.SectionOf(b.Kind) == section && !InSection(Find(b.ParentId), section))
                    .Select(b => Node(b, section, []))
                    .ToList()))
            .Where(group => group.Roots.Count > 0)
            .ToList();

    /// <summary>The subtree under <paramref name="root"/> (all sections), e.g. for a body admin's scope.</summary>
    public BodyNode Subtree(Body root) => Node(root, null, []);

    private static bool InSection(Body? body, DirectorySection section) => body is not null && BodyKinds.SectionOf(body.Kind) == section;

    private BodyNode Node(Body body, DirectorySection? section, HashSet<int> path)
    {
        path.Add(body.Id);
        var children = _children[body.Id]
            .Where(child => (section is null || BodyKinds.SectionOf(child.Kind) == section) && !path.Contains(child.Id))
            .Select(child => Node(child, section, path))
            .ToList();
        path.Remove(body.Id);
        return new BodyNode(body, children);
    }
}

/// <summary>Loads bodies for public pages and the API (read-only, no tracking).</summary>
public sealed class BodyDirectory(GongkaiDbContext db)
{
    public async Task<BodyHierarchy> LoadAsync(CancellationToken cancellationToken = default) =>
        new(await db.Set<Body>().AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>One body by id, for callers that need no tree (a publication stamping its 索引号).</summary>
    public Task<Body?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<Body>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);

    /// <summary>One body by code, for callers that need no tree (filing an application, a body's statistics).</summary>
    public Task<Body?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        db.Set<Body>().AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, cancellationToken);

    /// <summary>The body a staff form or API call names by code, or, when it names none, the user's own body (null when
    /// the code is unknown or the user belongs to no body). Whether the user may act for it is the caller's check.</summary>
    public async Task<Body?> NamedOrOwnAsync(ClaimsPrincipal user, string? code, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(code)
            ? StaffClaims.BodyIdOf(user) is { } own ? await FindAsync(own, cancellationToken) : null
            : await FindByCodeAsync(code.Trim(), cancellationToken);
}
