using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Portal.Pages;

/// <summary>
/// Remembers 长者模式 and 高对比度 in cookies and returns the visitor to the page they were on — only a local
/// address, so the switch cannot be used to send people to another site. The layout's switches are plain links
/// (GET), like a language switcher: they change only the visitor's own display cookie, so there is nothing to
/// forge, and public pages then carry no per-visitor token and can be cached for everyone.
/// </summary>
public sealed class PreferencesModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet(string? elderly, string? contrast, string? returnUrl)
    {
        Remember(SiteContext.ElderlyModeCookie, elderly);
        Remember(SiteContext.ContrastCookie, contrast);
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect("/");
    }

    private void Remember(string cookie, string? value)
    {
        switch (value)
        {
            case "on":
                Response.Cookies.Append(cookie, "on", new CookieOptions
                {
                    Expires = clock.GetUtcNow().AddYears(1),
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                    IsEssential = true,
                    Path = "/",
                });
                break;
            case "off":
                Response.Cookies.Delete(cookie, new CookieOptions { Path = "/" });
                break;
            default:
                // Absent or unknown: this post is about the other preference.
                break;
        }
    }
}
