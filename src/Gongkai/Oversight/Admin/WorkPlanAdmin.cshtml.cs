using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Admin;

/// <summary>The console's work plans: the imported years, and (for system admins) the import form whose result lists
/// the parser's problems and the unit names no body matched.</summary>
[Authorize(Policy = OversightPermissions.ViewInspection)]
public sealed class WorkPlanAdminModel(WorkPlanDesk desk, RolePermissions permissions) : PageModel
{
    public IReadOnlyList<WorkPlan> Plans { get; private set; } = [];

    public bool MayImport { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var imported = await desk.ImportAsync(User, Text, Year, cancellationToken: cancellationToken);
        if (imported.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            ModelState.AddRefusal(refusal, field => field == "text" ? "Text" : field);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/admin/oversight/workplan/{imported.Value!.Plan.Year}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayImport = permissions.Grants(User, OversightPermissions.ImportWorkPlan);
        Plans = await desk.PlansAsync(cancellationToken);
    }
}
