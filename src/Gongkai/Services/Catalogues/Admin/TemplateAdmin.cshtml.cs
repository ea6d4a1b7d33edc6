using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Catalogues.Admin;

/// <summary>One standard catalogue in the console, with the one-step instantiation into a body's catalogue.</summary>
[Authorize(Policy = ServicesPermissions.Catalogues)]
public sealed class TemplateAdminModel(StandardCatalogues catalogues, StandardCatalogueDesk desk) : PageModel
{
    public StandardCatalogue Catalogue { get; private set; } = null!;

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    [BindProperty]
    public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var outcome = await desk.InstantiateAsync(User, code, Body, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return await this.RefusedAsync(refusal, async () =>
            {
                if (!await LoadAsync(code, cancellationToken))
                {
                    return NotFound();
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            });
        }

        var done = outcome.Value!;
        return Redirect($"/admin/catalogue-gaps/{done.Body.Code}?template={Uri.EscapeDataString(done.Catalogue.Code)}&added={done.Added}&kept={done.Kept}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalogues.FindAsync(code, cancellationToken) is not { } catalogue)
        {
            return false;
        }

        Catalogue = catalogue;
        var bodies = await desk.BodiesForAsync(User, cancellationToken);
        Bodies = catalogue.Sector is { } sector ? bodies.Where(b => BodyKinds.Slug(b.Kind) == sector).ToList() : bodies.Where(b => !BodyKinds.IsPublicInstitution(b.Kind)).ToList();
        Body ??= Bodies.FirstOrDefault(b => b.Id == Gongkai.Staff.StaffClaims.BodyIdOf(User))?.Code;
        return true;
    }
}
