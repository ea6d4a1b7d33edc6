using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Pages;

/// <summary>One published annual report, written out in the 2021 format, with its PDF and JSON.</summary>
public sealed class AnnualReportPageModel(AnnualReportDesk desk) : PageModel
{
    public AnnualReportView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string body, int year, CancellationToken cancellationToken)
    {
        var view = await desk.FindAsync(User, body, year, cancellationToken);
        // The public page shows published reports only; staff preview drafts in the console.
        if (view.Refusal is not null || !view.Value!.Published)
        {
            return NotFound();
        }

        View = view.Value;
        return Page();
    }
}
