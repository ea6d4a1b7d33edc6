using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Organizations.Admin;

/// <summary>Creates a body (system admins only).</summary>
[Authorize(Policy = OrganizationsPermissions.ManageAllBodies)]
public sealed class NewBodyModel(BodyDirectory directory, BodyEditor editor) : BodyFormPage
{
    public override bool IsNew => true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var hierarchy = await LoadAsync(cancellationToken);
        Draft = new BodyDraft
        {
            Kind = BodyKinds.Slug(BodyKind.MunicipalDepartment),
            ParentId = hierarchy.All.FirstOrDefault(b => b.Kind == BodyKind.MunicipalGovernment)?.Id,
            OfficeHours = BodyDraft.StandardOfficeHours,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await editor.CreateAsync(User, Draft, cancellationToken);
        return result.Succeeded
            ? Redirect($"/admin/bodies/{result.Value.Code}/edit?saved=true")
            : await this.RefusedAsync(result.Refusal, async () =>
            {
                await LoadAsync(cancellationToken);
                return Page();
            });
    }

    private async Task<BodyHierarchy> LoadAsync(CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        MayMoveInTree = true;
        ParentOptions = ParentChoices(hierarchy, null);
        return hierarchy;
    }
}
