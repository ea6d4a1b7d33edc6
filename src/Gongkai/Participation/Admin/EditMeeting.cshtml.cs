using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Participation.Admin;

/// <summary>Edits a draft meeting notice (once announced, people apply on its terms, so they are fixed).</summary>
[Authorize(Policy = ParticipationPermissions.Prepare)]
public sealed class EditMeetingModel(MeetingDesk desk) : MeetingFormPage
{
    public int Id { get; private set; }

    public string Heading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await desk.ViewAsync(User, id, cancellationToken);
        if (view.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        var meeting = view.Value!.Meeting;
        if (!await desk.MayActAsync(User, meeting.BodyId, ParticipationPermissions.Prepare, cancellationToken))
        {
            return Forbid();
        }

        if (view.Value.Stage != MeetingStage.Draft)
        {
            return Redirect($"/admin/meetings/{id}");
        }

        (Id, Heading) = (id, meeting.Topic);
        Fill(meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await desk.UpdateAsync(User, id, Draft(body: null), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.Forbidden or RefusalKind.NotFound)
            {
                return this.Refused(refusal);
            }

            (Id, Heading) = (id, (await desk.FindAsync(id, cancellationToken: cancellationToken))?.Topic ?? "");
            AddRefusal(refusal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/admin/meetings/{id}?done=edited");
    }
}
