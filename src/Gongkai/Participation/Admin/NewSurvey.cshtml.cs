using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Participation.Admin;

/// <summary>起草调查问卷: an editor drafts a survey for one of the bodies in scope; it stays a draft until a 终审 user
/// opens it.</summary>
[Authorize(Policy = ParticipationPermissions.Prepare)]
public sealed class NewSurveyModel(SurveyDesk desk, BodyScope scope, BodyDirectory directory) : SurveyFormPage(scope, directory)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadBodiesAsync(cancellationToken);
        OpensOn ??= desk.Today;
        AddSpareRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await desk.CreateAsync(User, Draft(), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            AddRefusal(refusal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadBodiesAsync(cancellationToken);
            AddSpareRows();
            return Page();
        }

        return Redirect($"/admin/surveys/{outcome.Value!.Id}");
    }
}
