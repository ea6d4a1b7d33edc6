using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Admin;

/// <summary>One year's plan in the console: the parser's problems, the unit names no body matched (with a form to link
/// one to a body), and every task with its units, deadline and status.</summary>
[Authorize(Policy = OversightPermissions.ViewInspection)]
public sealed class WorkPlanYearModel(WorkPlanDesk desk, RolePermissions permissions, BodyDirectory directory) : PageModel
{
    public WorkPlan Plan { get; private set; } = null!;

    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    public IReadOnlyList<UnmatchedUnit> Unmatched { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public bool MayLink { get; private set; }

    public string? Linked { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string? linked, CancellationToken cancellationToken)
    {
        Linked = linked;
        return await LoadAsync(year, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLinkAsync(int year, string? name, string? body, CancellationToken cancellationToken)
    {
        var linked = await desk.LinkUnitAsync(User, year, name, body, cancellationToken);
        if (linked.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            ModelState.AddRefusal(refusal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(year, cancellationToken) ? Page() : NotFound();
        }

        return Redirect($"/admin/oversight/workplan/{year}?linked={Uri.EscapeDataString(name ?? "")}");
    }

    private async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        var plan = await desk.PlanAsync(year, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        Tasks = await desk.TasksAsync(year, cancellationToken) ?? [];
        Unmatched = WorkPlanDesk.Unmatched(Tasks);
        MayLink = permissions.Grants(User, OversightPermissions.ImportWorkPlan);
        Bodies = MayLink ? (await directory.LoadAsync(cancellationToken)).All : [];
        return true;
    }
}
