using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Admin;

/// <summary>The console's guides of the bodies in the user's scope: each with its latest version's dates and its place
/// on the change clock.</summary>
[Authorize(Policy = ServicesPermissions.View)]
public sealed class GuideAdminListModel(GuideDesk desk, RolePermissions permissions) : PageModel
{
    public IReadOnlyList<GuideSummary> Guides { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MayEdit = permissions.Grants(User, ServicesPermissions.Edit);
        Guides = await desk.ListForStaffAsync(User, cancellationToken);
    }
}
