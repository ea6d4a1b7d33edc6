using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Catalogues.Admin;

/// <summary>The supervising department's dashboard of its public enterprises and institutions.</summary>
[Authorize(Policy = ServicesPermissions.Catalogues)]
public sealed class UnitsAdminModel(PublicUnitDesk desk) : PageModel
{
    public IReadOnlyList<PublicUnitRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await desk.DashboardAsync(User, cancellationToken);
}
