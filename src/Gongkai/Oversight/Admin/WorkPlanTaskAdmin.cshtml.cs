using Gongkai.Organizations;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Admin;

/// <summary>One task in the console: its text, units, milestones and every report (the lead body sees all), and the
/// quarterly report form for the responsible bodies in the user's scope.</summary>
[Authorize(Policy = OversightPermissions.ViewInspection)]
public sealed class WorkPlanTaskAdminModel(WorkPlanDesk desk) : PageModel
{
    public TaskView Task { get; private set; } = null!;

    public IReadOnlyList<Body> ReportingBodies { get; private set; } = [];

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public int? Quarter { get; set; }

    [BindProperty]
    public string? Progress { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, int number, bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        return await LoadAsync(year, number, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int year, int number, CancellationToken cancellationToken)
    {
        var report = await desk.ReportAsync(User, year, number, Body, Quarter, Progress, Text, cancellationToken);
        if (report.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.Forbidden or RefusalKind.NotFound)
            {
                return this.Refused(refusal);
            }

            ModelState.AddRefusal(refusal, field => char.ToUpperInvariant(field[0]) + field[1..]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(year, number, cancellationToken) ? Page() : NotFound();
        }

        return Redirect($"/admin/oversight/workplan/{year}/{number}?saved=true");
    }

    private async Task<bool> LoadAsync(int year, int number, CancellationToken cancellationToken)
    {
        var task = await desk.TaskAsync(year, number, cancellationToken);
        if (task is null)
        {
            return false;
        }

        Task = task;
        ReportingBodies = await desk.ReportingBodiesAsync(User, task, cancellationToken);
        Quarter ??= desk.Today.Year == year ? TaskProgress.QuarterOf(desk.Today) : 4;
        return true;
    }
}
