using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Admin;

/// <summary>One opinion item: its clocks, the assignment, and the steps (authoritative release, press conference,
/// response) with the published document that answered it.</summary>
[Authorize(Policy = OversightPermissions.HandleOpinions)]
public sealed class OpinionAdminModel(OpinionDesk desk) : PageModel
{
    public OpinionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(int id, string? assignee, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.AssignAsync(User, id, assignee, cancellationToken)).Refusal, cancellationToken);

    public async Task<IActionResult> OnPostStepAsync(int id, string? step, string? doneAt, string? indexNo, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.RecordStepAsync(User, id, step, doneAt, indexNo, cancellationToken)).Refusal, cancellationToken);

    private async Task<IActionResult> AfterAsync(int id, Refusal? refusal, CancellationToken cancellationToken)
    {
        if (refusal is null)
        {
            return Redirect($"/admin/oversight/opinions/{id}");
        }

        if (refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            return this.Refused(refusal);
        }

        ModelState.AddRefusal(refusal);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var view = await desk.ViewAsync(User, id, cancellationToken);
        if (view.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        View = view.Value!;
        return Page();
    }
}
