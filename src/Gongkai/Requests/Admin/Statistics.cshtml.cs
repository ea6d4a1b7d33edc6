using Gongkai.Organizations;
using Gongkai.Staff;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Admin;

/// <summary>Tables 三 and 四 of the annual report for one body and year, with table 三's invariant check, for the
/// staff who write the report. Only bodies in the user's scope can be chosen.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class StatisticsModel(RequestStatistics statistics, BodyScope scope, BodyDirectory directory, RequestDesk desk) : PageModel
{
    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public Body? Selected { get; private set; }

    public int Year { get; private set; }

    public TableThree? Three { get; private set; }

    public TableFour? Four { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? body, int? year, CancellationToken cancellationToken)
    {
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
        Year = year is >= 2008 and <= 2100 ? year.Value : desk.Today.Year - 1;
        var own = StaffClaims.BodyIdOf(User);
        Selected = body is null
            ? Bodies.FirstOrDefault(b => b.Id == own) ?? (Bodies.Count > 0 ? Bodies[0] : null)
            : Bodies.FirstOrDefault(b => b.Code == body);
        if (body is not null && Selected is null)
        {
            return NotFound();
        }

        if (Selected is not null)
        {
            Three = await statistics.TableThreeAsync(Selected.Code, Year, cancellationToken);
            Four = await statistics.TableFourAsync(Selected.Code, Year, cancellationToken);
        }

        return Page();
    }
}
