using System.ComponentModel.DataAnnotations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Staff.Admin.Staff;

/// <summary>One staff member: name, roles, lock, password reset (shown once) and two-factor reset. Every action
/// re-checks on the server that the administrator may manage this account.</summary>
[Authorize(Policy = Permissions.ManageStaff)]
public sealed class EditModel(StaffAdministration staff, IStaffBodies bodies) : PageModel
{
    public StaffUser? Person { get; private set; }

    public string BodyName { get; private set; } = "";

    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];

    public IList<string> CurrentRoles { get; private set; } = [];

    public bool Locked { get; private set; }

    /// <summary>Set only in the response to a password reset.</summary>
    public string? NewPassword { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    [Display(Name = "姓名")]
    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(64, ErrorMessage = "姓名不能超过 64 个字符。")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken cancellationToken) =>
        await LoadAsync(userId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostDetailsAsync(string userId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(userId, cancellationToken, keepInput: true) is { } missing)
        {
            return missing;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The roles the administrator cannot assign are not shown as checkboxes; keep them as they are.
        var kept = CurrentRoles.Where(r => !AssignableRoles.Contains(r));
        var wanted = Roles.Where(AssignableRoles.Contains).Concat(kept).Distinct().ToArray();
        var renamed = await staff.SetDisplayNameAsync(User, userId, DisplayName.Trim(), cancellationToken);
        var change = renamed.Succeeded ? await staff.SetRolesAsync(User, userId, wanted, cancellationToken) : renamed;
        return Done(change, "已保存。");
    }

    public async Task<IActionResult> OnPostLockAsync(string userId, CancellationToken cancellationToken) =>
        Done(await staff.SetLockedAsync(User, userId, locked: true, cancellationToken), "账户已锁定，该工作人员将无法登录或使用访问令牌。");

    public async Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken cancellationToken) =>
        Done(await staff.SetLockedAsync(User, userId, locked: false, cancellationToken), "账户已解锁。");

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string userId, CancellationToken cancellationToken) =>
        Done(await staff.ResetTwoFactorAsync(User, userId, cancellationToken), "已重置两步验证，该工作人员下次登录后需重新设置。");

    public async Task<IActionResult> OnPostResetPasswordAsync(string userId, CancellationToken cancellationToken)
    {
        var change = await staff.ResetPasswordAsync(User, userId, cancellationToken);
        if (!change.Succeeded)
        {
            return Done(change, "");
        }

        await LoadAsync(userId, cancellationToken);
        NewPassword = change.Value.OneTimePassword;
        return Page();
    }

    private IActionResult Done(Outcome<StaffChange> change, string message)
    {
        if (change.Refusal is { Kind: RefusalKind.NotFound or RefusalKind.Forbidden } refusal)
        {
            return this.Refused(refusal);
        }

        Message = change.Succeeded ? message : change.Refusal.Message;
        return RedirectToPage(new { userId = RouteData.Values["userId"] });
    }

    /// <summary>Loads the person, or answers 404 when they are outside the administrator's scope (and 403 for a
    /// body admin looking at a system admin).</summary>
    private async Task<IActionResult?> LoadAsync(string userId, CancellationToken cancellationToken, bool keepInput = false)
    {
        var found = await staff.FindManageableAsync(User, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return this.Refused(found.Refusal);
        }

        var (person, roles) = found.Value;

        Person = person;
        CurrentRoles = roles;
        AssignableRoles = StaffAdministration.AssignableRoles(User);
        Locked = staff.IsLocked(person);
        BodyName = (await bodies.ListAsync(cancellationToken)).FirstOrDefault(b => b.Id == person.BodyId)?.Name ?? "?";
        if (!keepInput)
        {
            DisplayName = person.DisplayName;
            Roles = roles.ToList();
        }

        return null;
    }
}
