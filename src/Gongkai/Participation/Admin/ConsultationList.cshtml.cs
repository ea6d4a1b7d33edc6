using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Staff;

namespace Gongkai.Participation.Admin;

/// <summary>The console's list of consultations of the bodies in the user's scope, drafts first in mind: each with its
/// status and the number of comments.</summary>
[Authorize(Policy = ParticipationPermissions.View)]
public sealed class ConsultationListModel(ConsultationDesk desk, RolePermissions permissions) : PageModel
{
    public IReadOnlyList<ConsultationSummary> Consultations { get; private set; } = [];

    public bool MayPrepare { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MayPrepare = permissions.Grants(User, ParticipationPermissions.Prepare);
        Consultations = await desk.ListForStaffAsync(User, cancellationToken);
    }
}
