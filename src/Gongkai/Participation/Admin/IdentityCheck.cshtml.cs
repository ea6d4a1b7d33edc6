using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>The identity check of one application: the only staff page that shows the ID number in full (each
/// viewing is audited); the editor accepts it or refuses it with a reason the applicant is told.</summary>
[Authorize(Policy = ParticipationPermissions.Prepare)]
public sealed class IdentityCheckModel(MeetingDesk desk) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;

    public SeatApplication Application { get; private set; } = null!;

    public string? Error { get; private set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, long applicationId, CancellationToken cancellationToken) => await LoadAsync(id, applicationId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, long applicationId, CancellationToken cancellationToken)
    {
        var outcome = await desk.CheckAsync(User, id, applicationId, Decision, Reason, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            Error = string.Join(" ", new[] { refusal.Message }.Concat(refusal.Errors.Values.SelectMany(m => m)).Distinct());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, applicationId, cancellationToken);
        }

        return Redirect($"/admin/meetings/{id}?done=checked");
    }

    private async Task<IActionResult> LoadAsync(int id, long applicationId, CancellationToken cancellationToken)
    {
        var outcome = await desk.ApplicationForCheckAsync(User, id, applicationId, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        (Meeting, Application) = outcome.Value;
        Reason ??= Application.CheckReason;
        return Page();
    }
}
