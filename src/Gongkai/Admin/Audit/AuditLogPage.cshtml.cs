using Gongkai.Staff;
using Gongkai.Platform.Audit;
using Gongkai.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Admin.Audit;

/// <summary>审计日志: read-only, newest first, filtered and paged. There is deliberately no edit or delete action.</summary>
[Authorize(Policy = Permissions.ViewAudit)]
public sealed class AuditLogPageModel(AuditQuery audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? BodyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    /// <summary>Read from the query directly: in Razor Pages the route value “page” names the page itself.</summary>
    public string? PageNumber => Request.Query["page"].FirstOrDefault();

    public AuditPage? Results { get; private set; }

    public List<Body> Bodies { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Bodies = await audit.BodiesAsync(User, cancellationToken);
        var (filter, errors) = AuditFilter.Parse(From, To, Actor, ActionCode, BodyId, Target, PageNumber, null);
        Errors = errors;
        if (errors.Count > 0)
        {
            return Page();
        }

        Results = await audit.SearchAsync(User, filter, cancellationToken);
        return Results is null ? Forbid() : Page();
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = From, ["to"] = To, ["actor"] = Actor, ["action"] = ActionCode, ["bodyId"] = BodyId, ["target"] = Target,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
