using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Participation.Admin;

/// <summary>The console's interviews of the bodies in the user's scope, and the form an editor prepares a new one with
/// (the desk decides again who may).</summary>
[Authorize(Policy = ParticipationPermissions.View)]
public sealed class InterviewListModel(InterviewDesk desk, RolePermissions permissions, BodyScope scope, BodyDirectory directory) : InterviewFormPage
{
    public IReadOnlyList<InterviewSummary> Interviews { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public bool MayPrepare { get; private set; }

    [BindProperty]
    public string? Body { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await desk.CreateAsync(User, Draft(Body), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            AddRefusal(refusal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/admin/interviews/{outcome.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayPrepare = permissions.Grants(User, ParticipationPermissions.Prepare);
        Interviews = await desk.ListForStaffAsync(User, cancellationToken);
        var all = await directory.LoadAsync(cancellationToken);
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = all.All.Where(b => inScope is null || inScope.Contains(b.Id)).OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToList();
        Body ??= Bodies.FirstOrDefault(b => b.Id == StaffClaims.BodyIdOf(User))?.Code;
    }
}
