using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Admin;

/// <summary>政务舆情: the items of the bodies in scope, the most urgent first, each with its clocks; and the form to
/// register a new one (found time in China time; a future time is refused).</summary>
[Authorize(Policy = OversightPermissions.HandleOpinions)]
public sealed class OpinionsModel(OpinionDesk desk, BodyScope scope, BodyDirectory directory, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OpinionView> Items { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Severity { get; set; }

    [BindProperty]
    public string? FoundAt { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public string? Link { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FoundAt = ChinaTime.ToChina(clock.GetUtcNow()).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Severity = "important";
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var registered = await desk.RegisterAsync(User, new OpinionDraft(Body, Title, Severity, FoundAt, Source, Link, Summary), cancellationToken: cancellationToken);
        if (registered.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            ModelState.AddRefusal(refusal, field => char.ToUpperInvariant(field[0]) + field[1..]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/admin/oversight/opinions/{registered.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Items = await desk.ListAsync(User, cancellationToken);
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
        Body ??= StaffClaims.BodyIdOf(User) is { } own ? Bodies.FirstOrDefault(b => b.Id == own)?.Code : null;
    }
}
