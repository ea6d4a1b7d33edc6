using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Admin;

/// <summary>网站自查 dashboard: the vetoes, the score and every column's last update for one body in scope (the user's
/// own by default), stale and empty columns first, and the columns that go stale within days.</summary>
[Authorize(Policy = OversightPermissions.ViewInspection)]
public sealed class InspectionModel(SiteInspection inspection, CalendarReadiness readiness, BodyScope scope, BodyDirectory directory) : PageModel
{
    /// <summary>The calendar's readiness when a holiday schedule is wanted (clocks waiting for it shown as such); null otherwise.</summary>
    public CalendarReadinessStatus? Readiness { get; private set; }

    public SiteInspectionReport Report { get; private set; } = null!;

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public string? Body { get; private set; }

    public DateOnly Today => inspection.Today;

    public async Task<IActionResult> OnGetAsync(string? body, CancellationToken cancellationToken)
    {
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
        Body = body ?? (StaffClaims.BodyIdOf(User) is { } own ? Bodies.FirstOrDefault(b => b.Id == own)?.Code : null) ?? (Bodies.Count > 0 ? Bodies[0].Code : null);
        var outcome = await inspection.InspectAsync(User, Body, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Kind == RefusalKind.Invalid ? NotFound() : this.Refused(refusal);
        }

        Report = outcome.Value!;
        if (await readiness.MissingYearAsync(cancellationToken) is not null)
        {
            Readiness = await readiness.StatusAsync(cancellationToken);
        }

        return Page();
    }
}
