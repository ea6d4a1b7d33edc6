using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Checks.LeakReports.Pages;

/// <summary>/report-leak/{documentId}: a citizen reports personal data in a published document. The contact given is
/// for the body's staff only; the page confirms without echoing it.</summary>
[EnableRateLimiting(LeakReportRateLimits.File)]
public sealed class ReportLeakModel(LeakReportDesk desk) : PageModel
{
    public Document? Document { get; private set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    public bool Filed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int documentId, CancellationToken cancellationToken)
    {
        Document = await desk.FindPublishedAsync(documentId, cancellationToken);
        return Document is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(int documentId, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Document = await desk.FindPublishedAsync(documentId, cancellationToken);
        if (Document is null)
        {
            return NotFound();
        }

        var outcome = await desk.FileAsync(documentId, Description, Contact, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
            return Page();
        }

        Filed = true;
        Description = null;
        Contact = null;
        return Page();
    }
}
