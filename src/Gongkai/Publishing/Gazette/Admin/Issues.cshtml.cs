using System.Globalization;
using Gongkai.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;

namespace Gongkai.Publishing.Gazette.Admin;

/// <summary>The gazette's issues for staff, and the form that starts a new one.</summary>
[Authorize(Policy = PublishingPermissions.EditDocuments)]
public sealed class IssuesModel(GazetteArchive archive, GazetteDesk desk, SiteContext site, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GazetteIssue> Issues { get; private set; } = [];

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? IssuedOn { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    public string? ErrorFor(string field) => ModelState.ErrorsFor(field) is { Length: > 0 } messages ? string.Join(" ", messages) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Issues = await archive.AllForStaffAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var next = Issues.Where(i => i.Year == today.Year).Select(i => i.Number).DefaultIfEmpty(0).Max() + 1;
        Year = today.Year.ToString(CultureInfo.InvariantCulture);
        Number = next.ToString(CultureInfo.InvariantCulture);
        IssuedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Title = GazetteRules.DefaultTitle(site.Site.Name, today.Year, next);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? year = int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        int? number = int.TryParse(Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        DateOnly? issuedOn = DateOnly.TryParseExact(IssuedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var result = await desk.CreateAsync(year, number, issuedOn, Title, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/admin/gazette/{result.Value.Id}");
        }

        ModelState.AddRefusal(result.Refusal);
        Issues = await archive.AllForStaffAsync(cancellationToken);
        return Page();
    }
}
