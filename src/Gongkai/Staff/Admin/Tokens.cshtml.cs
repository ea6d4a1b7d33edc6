using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Staff.Admin;

/// <summary>One's own personal access tokens: list, create (the secret is shown in this one response only), revoke.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class TokensModel(UserManager<StaffUser> users, AccessTokenService tokens, TimeProvider clock) : PageModel
{
    /// <summary>The lifetimes offered, in days (the configured default among them).</summary>
    public IReadOnlyList<int> Lifetimes => new[] { 30, tokens.DefaultLifetime, AccessTokenService.MaxLifetimeDays }.Distinct().Order().ToList();

    public List<AccessToken> Tokens { get; private set; } = [];

    /// <summary>Set only in the response to a successful creation.</summary>
    public string? NewSecret { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    [Display(Name = "令牌名称（用途）")]
    [Required(ErrorMessage = "请填写令牌名称，例如“数据报送脚本”。")]
    [StringLength(AccessTokenService.MaxNameLength, ErrorMessage = "令牌名称不能超过 64 个字符。")]
    public string Name { get; set; } = "";

    [BindProperty]
    [Display(Name = "有效期")]
    public int LifetimeDays { get; set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public int DefaultLifetime => tokens.DefaultLifetime;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        LifetimeDays = tokens.DefaultLifetime;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!Lifetimes.Contains(LifetimeDays))
        {
            ModelState.AddModelError(nameof(LifetimeDays), "请选择列出的有效期。");
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var created = await tokens.CreateAsync(user, Name, LifetimeDays, cancellationToken: cancellationToken);
            NewSecret = created.Secret;
            Name = "";
            LifetimeDays = tokens.DefaultLifetime;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var revoked = await tokens.RevokeAsync(id, StaffClaims.UserIdOf(User), cancellationToken: cancellationToken);
        Message = revoked ? "令牌已撤销，使用它的程序将无法再访问接口。" : "找不到该令牌。";
        return RedirectToPage();
    }

    /// <summary>续期: the token now expires the configured default lifetime from now.</summary>
    public async Task<IActionResult> OnPostRenewAsync(int id, CancellationToken cancellationToken)
    {
        var renewed = await tokens.RenewAsync(id, StaffClaims.UserIdOf(User) ?? "", lifetimeDays: null, cancellationToken);
        Message = renewed.Succeeded
            ? $"令牌“{renewed.Value.Name}”已续期，有效期至 {ChinaTime.FormatMinutes(renewed.Value.ExpiresAt ?? clock.GetUtcNow())}。"
            : renewed.Refusal.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync(StaffClaims.UserIdOf(User) ?? "", cancellationToken);
}
