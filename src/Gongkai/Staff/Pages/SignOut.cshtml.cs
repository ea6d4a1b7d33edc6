using Gongkai.Platform.Data;
using Gongkai.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Staff.Pages;

/// <summary>Signing out is a POST (with the antiforgery token), so a link on another site cannot sign staff out.
/// A GET shows the button, for the rare visitor who types the address.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordNowAsync("sign-out", $"user:{User.Identity.Name}", cancellationToken: cancellationToken);

            // A new security stamp ends every session of this account, including a copy of this cookie (checked on
            // each request, IdentityRegistration); access tokens are not sessions and keep working.
            if (await users.GetUserAsync(User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/admin/sign-in");
    }
}
