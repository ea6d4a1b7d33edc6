using Gongkai.Organizations;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Participation.Admin;

/// <summary>Edits a draft consultation (once opened, its text and dates are fixed).</summary>
[Authorize(Policy = ParticipationPermissions.Prepare)]
public sealed class EditConsultationModel(ConsultationDesk desk, BodyScope scope, BodyDirectory directory) : ConsultationFormPage(scope, directory)
{
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await desk.ViewAsync(User, id, cancellationToken);
        if (view.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        var c = view.Value!.Consultation;
        if (!await desk.MayActAsync(User, c.BodyId, ParticipationPermissions.Prepare, cancellationToken))
        {
            return Forbid();
        }

        if (view.Value.Stage != ConsultationStage.Draft)
        {
            return Redirect($"/admin/consultations/{id}");
        }

        Id = id;
        (Title, Kind, DraftHtml, ExplanationHtml, Options, HowToComment, OpensOn, ClosesOn, ShortenedReason) =
            (c.Title, c.Kind, c.DraftHtml, c.ExplanationHtml, c.Options, c.HowToComment, c.OpensOn, c.ClosesOn, c.ShortenedReason);
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
            return Page();
        }

        return Redirect($"/admin/consultations/{id}");
    }
}
