using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Organizations.Admin;

/// <summary>Edits one body. The policy admits body admins and system admins; <see cref="BodyEditor"/> (through
/// <see cref="BodyScope"/>) then limits body admins to their own subtree.</summary>
[Authorize(Policy = OrganizationsPermissions.ManageBody)]
public sealed class EditBodyModel(BodyDirectory directory, BodyEditor editor, BodyScope scope) : BodyFormPage
{
    public override bool IsNew => false;

    public Body? Body { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(code, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        Draft = BodyDraft.From(Body!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var result = await editor.UpdateAsync(User, code, Draft, cancellationToken);
        return result.Succeeded
            ? Redirect($"/admin/bodies/{code}/edit?saved=true")
            : await this.RefusedAsync(result.Refusal, async () => await LoadAsync(code, cancellationToken) ?? Page());
    }

    /// <summary>Loads the body and the form's choices; returns a result when the page must not be shown.</summary>
    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        Body = hierarchy.FindByCode(code);
        if (Body is null)
        {
            return NotFound();
        }

        if (!await scope.MayActForAsync(User, Body.Id, cancellationToken))
        {
            return Forbid();
        }

        MayMoveInTree = await editor.MayManageAllAsync(User);
        ParentOptions = ParentChoices(hierarchy, Body);
        return null;
    }
}
