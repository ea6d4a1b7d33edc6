using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Pages;

/// <summary>工作要点落实情况: each task of a year's plan with its units, deadline, status and latest progress report.
/// Without a year, the newest plan.</summary>
public sealed class WorkPlanPageModel(WorkPlanDesk desk) : PageModel
{
    public WorkPlan? Plan { get; private set; }

    public IReadOnlyList<WorkPlan> Plans { get; private set; } = [];

    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Plans = await desk.PlansAsync(cancellationToken);
        var chosen = year ?? (Plans.Count > 0 ? Plans[0].Year : null);
        if (chosen is null)
        {
            return Page();
        }

        Plan = Plans.FirstOrDefault(p => p.Year == chosen);
        if (Plan is null)
        {
            return NotFound();
        }

        Tasks = await desk.TasksAsync(Plan.Year, cancellationToken) ?? [];
        return Page();
    }
}
