using Gongkai.Platform.Data;
using System.ComponentModel.DataAnnotations;
using Gongkai.Platform.Audit;
using Gongkai.Staff.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Staff.Admin;

/// <summary>Enrolling an authenticator app (time-based codes, RFC 6238) and turning two-factor sign-in off again.
/// The only console page an account that must use two factors (<see cref="TwoFactorPolicy"/>: system admins, and by
/// default body admins and 终审) may open before enrolling (policy <see cref="Permissions.SignedIn"/>).</summary>
[Authorize(Policy = Permissions.SignedIn)]
public sealed class TwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit, TwoFactorPolicy policy) : PageModel
{
    public bool Enabled { get; private set; }

    public bool MustEnrol { get; private set; }

    /// <summary>The account's roles need two factors: it cannot turn them off.</summary>
    public bool Required { get; private set; }

    /// <summary>The roles that make two factors required, in Chinese.</summary>
    public string RequiredBecause { get; private set; } = "";

    public string SharedKey { get; private set; } = "";

    public string OtpAuthUri { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    [Display(Name = "验证器应用显示的六位动态口令")]
    [Required(ErrorMessage = "请输入动态口令。")]
    [StringLength(16, ErrorMessage = "动态口令为六位数字。")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, SignInTwoFactorModel.NormalizeCode(Code));
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "动态口令不正确。请确认手机时间准确，并输入当前显示的六位数字。");
            Code = "";
            await LoadAsync(user);
            return Page();
        }

        audit.Record("two-factor.enabled", $"user:{user.UserName}", bodyId: user.BodyId);
        var result = await users.SetTwoFactorEnabledAsync(user, true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, StaffAdministration.Describe(result));
            await LoadAsync(user);
            return Page();
        }

        // A new cookie carries the enrolment, which lifts the system admins' restriction at once.
        await signIn.RefreshSignInAsync(user);
        Message = "两步验证已启用。今后登录时，除密码外还需输入验证器应用中的动态口令。";
        return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl));
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ModelState.Clear();
        var roles = await users.GetRolesAsync(user);
        if (policy.Required(roles))
        {
            ModelState.AddModelError(string.Empty, $"{policy.Why(roles)}账户必须使用两步验证，不能关闭。");
            await LoadAsync(user);
            return Page();
        }

        if (user.TwoFactorEnabled)
        {
            audit.Record("two-factor.disabled", $"user:{user.UserName}", "本人关闭", bodyId: user.BodyId);
            var result = await users.SetTwoFactorEnabledAsync(user, false);
            if (result.Succeeded)
            {
                // A later enrolment gets a fresh key; the old one may be on a lost phone.
                await users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user);
            }
        }

        Message = "两步验证已关闭。";
        return RedirectToPage();
    }

    private async Task LoadAsync(StaffUser user)
    {
        Enabled = user.TwoFactorEnabled;
        var roles = await users.GetRolesAsync(user);
        Required = policy.Required(roles);
        RequiredBecause = policy.Why(roles);
        MustEnrol = Required && !Enabled;
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";

            // A new key changes the security stamp, which ends every session of the account: this one gets a new cookie.
            await signIn.RefreshSignInAsync(user);
        }

        SharedKey = Authenticator.FormatKey(key);
        OtpAuthUri = Authenticator.OtpAuthUri(user.UserName ?? "", key);
        QrCode = Authenticator.QrCodeDataUri(OtpAuthUri);
    }
}
