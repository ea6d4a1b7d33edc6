using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Admin;

/// <summary>The console's lists of the bodies in the user's scope, and the form that creates a list.</summary>
[Authorize(Policy = ServicesPermissions.View)]
public sealed class ListAdminListModel(ListDesk desk, RolePermissions permissions, BodyScope scope, BodyDirectory directory) : PageModel
{
    public IReadOnlyList<ListSummary> Lists { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public bool MayEdit { get; private set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await desk.CreateAsync(User, Body, Kind, Title, cancellationToken);
        if (created.Refusal is { } refusal)
        {
            return await this.RefusedAsync(refusal, async () =>
            {
                await LoadAsync(cancellationToken);
                return Page();
            });
        }

        return Redirect($"/admin/lists/{created.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayEdit = permissions.Grants(User, ServicesPermissions.Edit);
        Lists = await desk.ListForStaffAsync(User, cancellationToken);
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
    }
}
