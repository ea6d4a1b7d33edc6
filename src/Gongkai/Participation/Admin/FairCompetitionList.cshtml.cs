using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>The reviews of the bodies in the user's scope for one year (this year unless chosen), newest first, each
/// linked to its document's review page.</summary>
[Authorize(Policy = FairCompetitionPermissions.View)]
public sealed class FairCompetitionListModel(FairCompetitionDesk desk, TimeProvider clock) : PageModel
{
    public const int FirstYear = 2016;

    public IReadOnlyList<ReviewListItem> Reviews { get; private set; } = [];

    public int Year { get; private set; }

    public int ThisYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        ThisYear = ChinaTime.Today(clock).Year;
        Year = year is { } y && y >= FirstYear && y <= ThisYear ? y : ThisYear;
        var reviews = await desk.ListAsync(User, Year, null, cancellationToken);
        if (!reviews.Succeeded)
        {
            return this.Refused(reviews.Refusal);
        }

        Reviews = reviews.Value;
        return Page();
    }
}
