using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Organizations.Admin;

/// <summary>The bodies a staff member may edit, as a tree: all of them for a system admin, a body admin's own
/// body and its sub-bodies otherwise.</summary>
[Authorize(Policy = OrganizationsPermissions.ManageBody)]
public sealed class BodiesModel(BodyDirectory directory, BodyEditor editor) : PageModel
{
    public IReadOnlyList<BodyNode> Roots { get; private set; } = [];

    public bool MayCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        MayCreate = await editor.MayManageAllAsync(User);
        if (MayCreate)
        {
            Roots = hierarchy.All.Where(b => hierarchy.Find(b.ParentId) is null).Select(hierarchy.Subtree).ToList();
        }
        else if (hierarchy.Find(StaffClaims.BodyIdOf(User)) is { } own)
        {
            Roots = User.IsInRole(StaffRoles.BodyAdmin) ? [hierarchy.Subtree(own)] : [new BodyNode(own, [])];
        }
    }
}
