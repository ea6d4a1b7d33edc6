using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>The console's list of surveys of the bodies in the user's scope, each with its status and responses.</summary>
[Authorize(Policy = ParticipationPermissions.View)]
public sealed class SurveyListModel(SurveyDesk desk, RolePermissions permissions) : PageModel
{
    public IReadOnlyList<SurveySummary> Surveys { get; private set; } = [];

    public bool MayPrepare { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MayPrepare = permissions.Grants(User, ParticipationPermissions.Prepare);
        Surveys = await desk.ListForStaffAsync(User, cancellationToken);
    }
}
