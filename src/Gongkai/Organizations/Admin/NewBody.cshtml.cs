using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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
        switch (result.Status)
        {
            case BodySaveStatus.Saved:
                return Redirect($"/admin/bodies/{result.Body!.Code}/edit?saved=true");
            case BodySaveStatus.Forbidden:
                return Forbid();
            default:
                Errors = result.Errors;
                await LoadAsync(cancellationToken);
                return Page();
        }
    }

    private async Task<BodyHierarchy> LoadAsync(CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        MayMoveInTree = true;
        ParentOptions = ParentChoices(hierarchy, null);
        return hierarchy;
    }
}
