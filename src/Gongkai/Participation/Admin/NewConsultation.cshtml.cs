using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Participation.Admin;

/// <summary>起草意见征集: an editor prepares a consultation for one of the bodies in scope; it stays a draft until a
/// 终审 user opens it.</summary>
[Authorize(Policy = ParticipationPermissions.Prepare)]
public sealed class NewConsultationModel(ConsultationDesk desk, BodyScope scope, BodyDirectory directory) : ConsultationFormPage(scope, directory)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadBodiesAsync(cancellationToken);
        Kind ??= "normative-document";
        OpensOn ??= desk.Today;
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
            return Page();
        }

        return Redirect($"/admin/consultations/{outcome.Value!.Id}");
    }
}
