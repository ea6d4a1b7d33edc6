using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Admin;

/// <summary>The overdue dashboard: guide changes not public yet (those past their publish-by date first, in red) and
/// those made public late in the last 90 days.</summary>
[Authorize(Policy = ServicesPermissions.View)]
public sealed class GuideOverdueModel(GuideDesk desk) : PageModel
{
    public IReadOnlyList<GuideClockRow> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = desk.Today;
        Rows = await desk.ClockAsync(User, cancellationToken);
    }
}
