using Gongkai.Platform.Data;
using System.ComponentModel.DataAnnotations;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Staff.Pages;

/// <summary>Staff sign-in, step one: user name and password. Users with two-factor sign-in continue to
/// <see cref="SignInTwoFactorModel"/>. Every attempt is audited.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInAudit audit) : PageModel
{
    [BindProperty]
    [Display(Name = "用户名")]
    [Required(ErrorMessage = "请输入用户名。")]
    [StringLength(256, ErrorMessage = "用户名过长。")]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Display(Name = "密码")]
    [Required(ErrorMessage = "请输入密码。")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var name = UserName.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            await audit.FailedAsync(null, name, SignInFailure.UnknownUser, SignInChannel.Page, cancellationToken: cancellationToken);
            return Refuse(SignInMessages.BadCredentials);
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.FailedAsync(user, name, SignInFailure.Locked, SignInChannel.Page, cancellationToken: cancellationToken);
            return Refuse(SignInMessages.Locked(await users.GetLockoutEndDateAsync(user)));
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.SucceededAsync(user, SignInChannel.Page, withTwoFactor: false, cancellationToken);
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return LocalRedirect("/admin/sign-in/two-factor?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(Url, ReturnUrl)));
        }

        if (result.IsLockedOut)
        {
            // This attempt was the last one allowed: the password was wrong and the account is now locked.
            var end = await users.GetLockoutEndDateAsync(user);
            await audit.FailedAsync(user, name, SignInFailure.BadPassword, SignInChannel.Page, "已触发锁定", cancellationToken);
            return Refuse(SignInMessages.Locked(end));
        }

        await audit.FailedAsync(user, name, SignInFailure.BadPassword, SignInChannel.Page, cancellationToken: cancellationToken);
        return Refuse(SignInMessages.BadCredentials);
    }

    /// <summary>Only a path on this site; anything else (an absolute URL to another host) goes to the console home.</summary>
    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Password = "";
        return Page();
    }
}
