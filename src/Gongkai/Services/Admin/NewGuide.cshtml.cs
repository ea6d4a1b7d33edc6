using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Admin;

/// <summary>Writes a new guide: its first version, saved unpublished.</summary>
[Authorize(Policy = ServicesPermissions.Edit)]
public sealed class NewGuideModel(GuideDesk desk, BodyScope scope, BodyDirectory directory) : PageModel
{
    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public GuideForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = new GuideForm { ApprovedOn = desk.Today, EffectiveOn = desk.Today, ItemType = "行政许可" }.WithBlankMaterials();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await desk.CreateAsync(User, Body, Form.ToInput(), cancellationToken);
        if (created.Refusal is { } refusal)
        {
            Form.WithBlankMaterials();
            return await this.RefusedAsync(refusal, async () =>
            {
                await LoadAsync(cancellationToken);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            });
        }

        return Redirect($"/admin/guides/{created.Value!.Version.GuideId}?saved={created.Value.Version.Number}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
    }
}
