using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Staff.Admin.Staff;

/// <summary>人员与角色: the staff of the bodies in the administrator's scope (system admins: everyone).</summary>
[Authorize(Policy = Permissions.ManageStaff)]
public sealed class IndexModel(StaffAdministration staff) : PageModel
{
    public List<StaffListItem> Staff { get; private set; } = [];

    public List<StaffBody> Bodies { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? BodyId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Bodies = await staff.BodiesInScopeAsync(User, cancellationToken);
        if (BodyId is not null && Bodies.All(b => b.Id != BodyId))
        {
            BodyId = null;
        }

        Staff = await staff.ListAsync(User, BodyId, cancellationToken);
    }
}
