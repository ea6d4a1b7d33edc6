using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Participation.Admin;

/// <summary>Edits a draft interview (once its notice is announced, topic, guests and times are public and fixed).</summary>
[Authorize(Policy = ParticipationPermissions.Prepare)]
public sealed class EditInterviewModel(InterviewDesk desk) : InterviewFormPage
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

        var interview = view.Value!.Interview;
        if (!await desk.MayActAsync(User, interview.BodyId, ParticipationPermissions.Prepare, cancellationToken))
        {
            return Forbid();
        }

        if (view.Value.Stage != InterviewStage.Draft)
        {
            return Redirect($"/admin/interviews/{id}");
        }

        (Id, Heading) = (id, interview.Title);
        Fill(interview);
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

            (Id, Heading) = (id, (await desk.FindAsync(id, cancellationToken: cancellationToken))?.Title ?? "");
            AddRefusal(refusal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/admin/interviews/{id}?done=edited");
    }
}
