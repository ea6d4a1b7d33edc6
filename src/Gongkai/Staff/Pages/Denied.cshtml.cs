using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Staff.Pages;

/// <summary>Where the cookie sends a signed-in user who lacks the permission for a page: a 403 in plain Chinese.</summary>
[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        ReturnUrl = returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
    }
}
