using Gongkai.Platform.Data;
using System.ComponentModel.DataAnnotations;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Staff.Pages;

/// <summary>Staff sign-in, step two for users with an authenticator: the six-digit time-based code. The user who
/// passed step one is remembered by Identity's short-lived two-factor cookie.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInTwoFactorModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInAudit audit, SignInThrottle throttle, TimeProvider clock,
    AuthenticatorClock authenticatorClock, Microsoft.Extensions.Options.IOptions<Platform.GongkaiOptions> options) : PageModel
{
    /// <summary>Demo accounts enrolled with the published demo key only: the key and the code the server accepts now,
    /// so a visitor can try the two-step sign-in without an app. Real accounts never see this.</summary>
    public (string Key, string? Code)? DemoHint { get; private set; }

    [BindProperty]
    [Display(Name = "动态口令")]
    [Required(ErrorMessage = "请输入动态口令。")]
    [StringLength(16, ErrorMessage = "动态口令为六位数字。")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RestartSignIn();
        }

        await LoadDemoHintAsync(user);
        return Page();
    }

    private async Task LoadDemoHintAsync(StaffUser user)
    {
        var demoKey = options.Value.Demo.AdminTotpKey;
        if (user.IsDemo && string.Equals(await users.GetAuthenticatorKeyAsync(user), demoKey, StringComparison.Ordinal))
        {
            DemoHint = (demoKey, await OneTimeAuthenticatorCodes.NextAcceptedCodeAsync(users, user, authenticatorClock));
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RestartSignIn();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var name = user.UserName ?? "";
        if (await throttle.WaitUntilAsync(name, cancellationToken) is { } until)
        {
            await audit.FailedAsync(user, name, SignInFailure.Throttled, SignInChannel.Page, "动态口令步骤", cancellationToken);
            ModelState.AddModelError(string.Empty, Rules.SignInThrottleRules.Message(until, clock.GetUtcNow()));
            Code = "";
            return Page();
        }

        var code = NormalizeCode(Code);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await throttle.ForgetAsync(name, cancellationToken);
            await audit.SucceededAsync(user, SignInChannel.Page, withTwoFactor: true, cancellationToken);
            return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            // Only an administrator's lock, set while this person was between the two steps.
            await audit.FailedAsync(user, name, SignInFailure.Locked, SignInChannel.Page, "动态口令步骤", cancellationToken);
            ModelState.AddModelError(string.Empty, SignInMessages.Locked(await users.GetLockoutEndDateAsync(user)));
            return Page();
        }

        // A wrong code counts like a wrong password, or six digits could be guessed.
        await throttle.RecordFailureAsync(name, cancellationToken);
        await audit.FailedAsync(user, name, SignInFailure.BadCode, SignInChannel.Page, cancellationToken: cancellationToken);
        ModelState.AddModelError(nameof(Code), SignInMessages.BadCode);
        Code = "";
        await LoadDemoHintAsync(user);
        return Page();
    }

    /// <summary>Codes are typed as “123 456” or “123-456” from some apps.</summary>
    internal static string NormalizeCode(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private RedirectResult RestartSignIn() =>
        Redirect("/admin/sign-in?returnUrl=" + Uri.EscapeDataString(SignInModel.SafeReturnUrl(Url, ReturnUrl)));
}
