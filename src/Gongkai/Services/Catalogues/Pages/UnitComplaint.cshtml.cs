using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Checks.LeakReports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Services.Catalogues.Pages;

/// <summary>/public-units/{code}/complaint: a citizen reports that a public enterprise or institution does not disclose
/// what it should; the complaint goes to its supervising department. Filing shares the public forms' per-address limit.</summary>
[EnableRateLimiting(LeakReportRateLimits.File)]
public sealed class UnitComplaintModel(PublicUnitDesk desk, BodyDirectory directory) : PageModel
{
    public Body Unit { get; private set; } = null!;

    public Body? Supervisor { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public bool Filed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await desk.FileComplaintAsync(code, Name, Contact, Text, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal, field => char.ToUpperInvariant(field[0]) + field[1..]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filed = true;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await desk.UnitAsync(code, cancellationToken) is not { } unit || unit.ParentId is null)
        {
            return false;
        }

        Unit = unit;
        Supervisor = await directory.FindAsync(unit.ParentId.Value, cancellationToken);
        return true;
    }
}
