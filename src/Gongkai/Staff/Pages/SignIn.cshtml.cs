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
public sealed class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInAudit audit, SignInThrottle throttle, TimeProvider clock) : PageModel
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
        if (await throttle.WaitUntilAsync(name, cancellationToken) is { } until)
        {
            // Checked before the account is looked up: the same answer whether or not the name exists.
            await audit.FailedAsync(await users.FindByNameAsync(name), name, SignInFailure.Throttled, SignInChannel.Page, cancellationToken: cancellationToken);
            return Refuse(Rules.SignInThrottleRules.Message(until, clock.GetUtcNow()));
        }

        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            // As slow as checking a real password, so response times do not tell which names are accounts.
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), SignInMessages.DecoyHash, Password);
            await throttle.RecordFailureAsync(name, cancellationToken);
            await audit.FailedAsync(null, name, SignInFailure.UnknownUser, SignInChannel.Page, cancellationToken: cancellationToken);
            return Refuse(SignInMessages.BadCredentials);
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.FailedAsync(user, name, SignInFailure.Locked, SignInChannel.Page, cancellationToken: cancellationToken);
            return Refuse(SignInMessages.Locked(await users.GetLockoutEndDateAsync(user)));
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.ForgetAsync(name, cancellationToken);
            await audit.SucceededAsync(user, SignInChannel.Page, withTwoFactor: false, cancellationToken);
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return LocalRedirect("/admin/sign-in/two-factor?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(Url, ReturnUrl)));
        }

        await throttle.RecordFailureAsync(name, cancellationToken);
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
