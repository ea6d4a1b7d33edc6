using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Admin;

/// <summary>年度报告: the deadline dashboard of a year (every body in scope, overdue first) and the form that
/// generates a body's report.</summary>
[Authorize(Policy = OversightPermissions.ViewInspection)]
public sealed class AnnualReportsModel(AnnualReportDesk desk, Staff.RolePermissions permissions) : PageModel
{
    public IReadOnlyList<AnnualReportDue> Lines { get; private set; } = [];

    public int Year { get; private set; }

    public DateOnly Today => desk.Today;

    public bool MayWrite => permissions.Grants(User, OversightPermissions.WriteAnnualReport);

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty(Name = "reportYear")]
    public int ReportYear { get; set; }

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Year = year ?? desk.CurrentReportYear;
        Lines = await desk.DashboardAsync(User, Year, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var generated = await desk.GenerateAsync(User, Body, ReportYear, cancellationToken);
        if (generated.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            ModelState.AddRefusal(refusal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Year = ReportYear is >= AnnualReportDesk.FirstYear and < 3000 ? ReportYear : desk.CurrentReportYear;
            Lines = await desk.DashboardAsync(User, Year, cancellationToken);
            return Page();
        }

        return Redirect($"/admin/oversight/annual-reports/{generated.Value!.Id}");
    }
}
