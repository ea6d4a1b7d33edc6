using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Portal.Pages;

/// <summary>
/// Remembers 长者模式 and 高对比度 in cookies (the layout's buttons post here with the antiforgery token) and
/// returns the visitor to the page they were on — only a local address, so the form cannot be used to send
/// people to another site.
/// </summary>
public sealed class PreferencesModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? elderly, string? contrast, string? returnUrl)
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
