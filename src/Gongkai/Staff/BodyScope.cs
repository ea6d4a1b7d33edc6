using System.Security.Claims;

namespace Gongkai.Staff;

/// <summary>Which bodies the current staff member may act for: system admins all; body admins their own body and
/// its sub-bodies; everyone else their own body only.</summary>
public sealed class BodyScope(IStaffBodies bodies)
{
    public async Task<bool> MayActForAsync(ClaimsPrincipal user, int bodyId, CancellationToken cancellationToken = default)
    {
        if (user.IsInRole(StaffRoles.SystemAdmin))
        {
            return true;
        }

        var own = StaffClaims.BodyIdOf(user);
        if (own is null)
        {
            return false;
        }

        if (own == bodyId)
        {
            return true;
        }

        return user.IsInRole(StaffRoles.BodyAdmin) && (await DescendantsOfAsync(own.Value, cancellationToken)).Contains(bodyId);
    }

    /// <summary>The bodies the user may act for, as a set; null means every body (system admins). Used to filter
    /// lists (staff, audit log) the same way <see cref="MayActForAsync"/> decides single cases.</summary>
    public async Task<HashSet<int>?> BodiesInScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.IsInRole(StaffRoles.SystemAdmin))
        {
            return null;
        }

        var own = StaffClaims.BodyIdOf(user);
        if (own is null)
        {
            return [];
        }

        var scope = user.IsInRole(StaffRoles.BodyAdmin) ? await DescendantsOfAsync(own.Value, cancellationToken) : [];
        scope.Add(own.Value);
        return scope;
    }

    /// <summary>The ids of all bodies below <paramref name="bodyId"/> (not including it).</summary>
    public async Task<HashSet<int>> DescendantsOfAsync(int bodyId, CancellationToken cancellationToken = default)
    {
        var all = await bodies.ListAsync(cancellationToken);
        return BodyTree.Descendants(bodyId, all.Select(b => (b.Id, b.ParentId)));
    }
}

/// <summary>Pure tree walking over (id, parentId) pairs.</summary>
public static class BodyTree
{
    public static HashSet<int> Descendants(int rootId, IEnumerable<(int Id, int? ParentId)> bodies)
    {
        var children = bodies.Where(b => b.ParentId is not null).ToLookup(b => b.ParentId!.Value, b => b.Id);
        var result = new HashSet<int>();
        var stack = new Stack<int>(children[rootId]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (result.Add(id))
            {
                foreach (var child in children[id])
                {
                    stack.Push(child);
                }
            }
        }

        return result;
    }
}
