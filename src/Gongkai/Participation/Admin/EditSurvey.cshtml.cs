using Gongkai.Organizations;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Participation.Admin;

/// <summary>Edits a draft survey (once opened, its questions and dates are fixed).</summary>
[Authorize(Policy = ParticipationPermissions.Prepare)]
public sealed class EditSurveyModel(SurveyDesk desk, BodyScope scope, BodyDirectory directory) : SurveyFormPage(scope, directory)
{
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await desk.ViewAsync(User, id, cancellationToken);
        if (view.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        var s = view.Value!.Survey;
        if (!await desk.MayActAsync(User, s.BodyId, ParticipationPermissions.Prepare, cancellationToken))
        {
            return Forbid();
        }

        if (view.Value.Status != SurveyStatus.Draft)
        {
            return Redirect($"/admin/surveys/{id}");
        }

        Id = id;
        (Title, Description, OpensOn, ClosesOn) = (s.Title, s.Description, s.OpensOn, s.ClosesOn);
        Questions = view.Value.Questions.Select(q => new QuestionForm { Text = q.Text, Kind = q.Kind, Required = q.Required, Options = q.Options }).ToList();
        AddSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var outcome = await desk.UpdateAsync(User, id, Draft(), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.Forbidden or RefusalKind.NotFound)
            {
                return this.Refused(refusal);
            }

            AddRefusal(refusal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            AddSpareRows();
            return Page();
        }

        return Redirect($"/admin/surveys/{id}");
    }
}
