using Gongkai.Hotline.Open311;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Admin;

/// <summary>System administrators issue and revoke Open311 application keys; a new key is shown this once.</summary>
[Authorize(Policy = HotlinePermissions.Configure)]
public sealed class Open311KeysModel(Open311Keys keys) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public string? NewSecret { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<Open311ApiKey> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Keys = await keys.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var outcome = await keys.CreateAsync(Name, StaffClaims.DisplayNameOf(User), cancellationToken);
        if (outcome.Succeeded)
        {
            NewSecret = outcome.Value!.Secret;
            Name = null;
        }
        else
        {
            Error = outcome.Refusal.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? outcome.Refusal.Message;
        }

        Keys = await keys.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        await keys.RevokeAsync(id, StaffClaims.DisplayNameOf(User), cancellationToken);
        return RedirectToPage();
    }
}
