using System.Security.Claims;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Staff;

/// <summary>A staff member as the staff list shows them.</summary>
public sealed record StaffListItem(string Id, string UserName, string DisplayName, int BodyId, string BodyName,
    IReadOnlyList<string> Roles, bool Locked, bool TwoFactorEnabled, bool IsDemo);

/// <summary>A done administrative change: the account, and a one-time password to hand over when one was set.</summary>
public sealed record StaffChange(StaffUser User, string? OneTimePassword = null);

/// <summary>A staff member the actor may manage, with their roles.</summary>
public sealed record ManageableStaff(StaffUser User, IList<string> Roles);

/// <summary>Staff accounts as administrators manage them: listing within body scope, creating, changing roles,
/// locking, resetting passwords and two-factor. Every change is audited with the target user's body, so that
/// body's administrators and auditors see what was done to their staff.</summary>
public sealed class StaffAdministration(GongkaiDbContext db, UserManager<StaffUser> users, BodyScope scope, IStaffBodies bodies, AuditLog audit, TimeProvider clock)
{
    /// <summary>Administrators lock accounts indefinitely (until unlocked); failed sign-ins lock for 15 minutes.</summary>
    public static readonly DateTimeOffset LockedByAdministrator = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Locked now, by an administrator or by failed sign-ins.</summary>
    public bool IsLocked(StaffUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

    public static bool IsSystemAdmin(ClaimsPrincipal actor) => actor.IsInRole(StaffRoles.SystemAdmin);

    public static IReadOnlyList<string> AssignableRoles(ClaimsPrincipal actor) =>
        StaffRules.AssignableRoles(actor.IsInRole(StaffRoles.SystemAdmin), actor.IsInRole(StaffRoles.BodyAdmin));

    /// <summary>The bodies the actor may place staff in, in tree order of their sort keys.</summary>
    public async Task<List<StaffBody>> BodiesInScopeAsync(ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(actor, cancellationToken);
        return (await bodies.ListAsync(cancellationToken)).Where(b => inScope == null || inScope.Contains(b.Id)).ToList();
    }

    public async Task<List<StaffListItem>> ListAsync(ClaimsPrincipal actor, int? bodyId, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(actor, cancellationToken);
        var query = db.Users.AsNoTracking().Where(u => inScope == null || inScope.Contains(u.BodyId));
        if (bodyId is not null)
        {
            query = query.Where(u => u.BodyId == bodyId);
        }

        var found = await query.OrderBy(u => u.BodyId).ThenBy(u => u.UserName).ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where ids.Contains(userRole.UserId)
                            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        var bodyNames = (await bodies.ListAsync(cancellationToken)).ToDictionary(b => b.Id, b => b.Name);
        return found.Select(u => new StaffListItem(u.Id, u.UserName ?? "", u.DisplayName, u.BodyId,
                bodyNames.GetValueOrDefault(u.BodyId, "?"), StaffRoles.All.Where(roles[u.Id].Contains).ToArray(),
                IsLocked(u), u.TwoFactorEnabled, u.IsDemo))
            .ToList();
    }

    /// <summary>A user the actor may manage; not found when outside their body scope (as if it did not exist),
    /// forbidden for a system admin managed by a body admin.</summary>
    public async Task<Outcome<ManageableStaff>> FindManageableAsync(ClaimsPrincipal actor, string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !await scope.MayActForAsync(actor, user.BodyId, cancellationToken))
        {
            return Refusal.NotFound("找不到该工作人员，或该工作人员不在您的管理范围内。");
        }

        var roles = await users.GetRolesAsync(user);
        if (!StaffRules.MayManage(IsSystemAdmin(actor), roles))
        {
            return Refusal.Forbidden("单位管理员不能管理系统管理员的账户。");
        }

        return new ManageableStaff(user, roles);
    }

    public async Task<Outcome<StaffChange>> CreateAsync(ClaimsPrincipal actor, string userName, string displayName, int bodyId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        displayName = Platform.Text.VisibleText.Clean(displayName);
        if (!await scope.MayActForAsync(actor, bodyId, cancellationToken) || !(await bodies.ListAsync(cancellationToken)).Any(b => b.Id == bodyId))
        {
            return Refusal.InvalidField("BodyId", "请选择您管理范围内的单位。");
        }

        if (RefuseRoles(actor, [], roles, changingOwnAccount: false) is { } refusal)
        {
            return Refusal.Invalid(refusal);
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            return Refusal.Conflict($"用户名“{userName}”已被使用。");
        }

        var password = StaffPasswords.Generate();
        var user = new StaffUser { UserName = userName, DisplayName = displayName, BodyId = bodyId, CreatedAt = clock.GetUtcNow() };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record("staff.created", $"user:{userName}", $"姓名：{displayName}；角色：{StaffRules.List(roles)}", bodyId: bodyId);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Abandon(created);
        }

        if (roles.Count > 0)
        {
            var granted = await users.AddToRolesAsync(user, roles);
            if (!granted.Succeeded)
            {
                return Abandon(granted);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new StaffChange(user, password);
    }

    public async Task<Outcome<StaffChange>> SetRolesAsync(ClaimsPrincipal actor, string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        var found = await FindManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var user = found.Value.User;
        var before = found.Value.Roles;

        if (RefuseRoles(actor, before.ToArray(), roles, changingOwnAccount: user.Id == StaffClaims.UserIdOf(actor)) is { } refusal)
        {
            return Refusal.Invalid(refusal);
        }

        var removed = before.Except(roles).ToArray();
        var added = roles.Except(before).ToArray();
        if (removed.Length == 0 && added.Length == 0)
        {
            return new StaffChange(user);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record("staff.roles-changed", $"user:{user.UserName}", StaffRules.DescribeRoleChange(before, roles), bodyId: user.BodyId);
        foreach (var step in new Func<Task<IdentityResult>>[]
                 {
                     () => users.RemoveFromRolesAsync(user, removed),
                     () => users.AddToRolesAsync(user, added),
                     // Open sessions pick up the new roles at their next security-stamp check.
                     () => users.UpdateSecurityStampAsync(user),
                 })
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return Abandon(result);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new StaffChange(user);
    }

    public async Task<Outcome<StaffChange>> SetDisplayNameAsync(ClaimsPrincipal actor, string userId, string displayName, CancellationToken cancellationToken = default)
    {
        var found = await FindManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var user = found.Value.User;
        displayName = Platform.Text.VisibleText.Clean(displayName);

        if (user.DisplayName == displayName)
        {
            return new StaffChange(user);
        }

        audit.Record("staff.renamed", $"user:{user.UserName}", $"{user.DisplayName} → {displayName}", bodyId: user.BodyId);
        user.DisplayName = displayName;
        return Saved(await users.UpdateAsync(user), user);
    }

    public async Task<Outcome<StaffChange>> SetLockedAsync(ClaimsPrincipal actor, string userId, bool locked, CancellationToken cancellationToken = default)
    {
        var found = await FindManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var user = found.Value.User;

        if (locked && user.Id == StaffClaims.UserIdOf(actor))
        {
            return Refusal.Invalid("不能锁定自己的账户。");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record(locked ? "staff.locked" : "staff.unlocked", $"user:{user.UserName}", bodyId: user.BodyId);
        var steps = locked
            ? new Func<Task<IdentityResult>>[]
            {
                () => users.SetLockoutEnabledAsync(user, true),
                () => users.SetLockoutEndDateAsync(user, LockedByAdministrator),
                // Ends the locked user's open sessions at their next security-stamp check; tokens check the lock on every call.
                () => users.UpdateSecurityStampAsync(user),
            }
            : [() => users.SetLockoutEndDateAsync(user, null), () => users.ResetAccessFailedCountAsync(user)];
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return Abandon(result);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new StaffChange(user);
    }

    /// <summary>Sets a new generated password (shown once to the administrator, who hands it over).</summary>
    public async Task<Outcome<StaffChange>> ResetPasswordAsync(ClaimsPrincipal actor, string userId, CancellationToken cancellationToken = default)
    {
        var found = await FindManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var user = found.Value.User;

        var password = StaffPasswords.Generate();
        var resetToken = await users.GeneratePasswordResetTokenAsync(user);
        audit.Record("staff.password-reset", $"user:{user.UserName}", bodyId: user.BodyId);
        var result = await users.ResetPasswordAsync(user, resetToken, password);
        return result.Succeeded ? (Outcome<StaffChange>)new StaffChange(user, password) : Abandon(result);
    }

    /// <summary>Removes a lost authenticator: the user signs in with the password alone and enrols again (system
    /// admins are sent to enrol at once).</summary>
    public async Task<Outcome<StaffChange>> ResetTwoFactorAsync(ClaimsPrincipal actor, string userId, CancellationToken cancellationToken = default)
    {
        var found = await FindManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var user = found.Value.User;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record("two-factor.disabled", $"user:{user.UserName}", "由管理员重置（验证器丢失）", bodyId: user.BodyId);
        var disabled = await users.SetTwoFactorEnabledAsync(user, false);
        var rekeyed = disabled.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : disabled;
        if (!rekeyed.Succeeded)
        {
            return Abandon(rekeyed);
        }

        await transaction.CommitAsync(cancellationToken);
        return new StaffChange(user);
    }

    private static string? RefuseRoles(ClaimsPrincipal actor, IReadOnlyCollection<string> before, IReadOnlyCollection<string> after, bool changingOwnAccount) =>
        StaffRules.RefuseRoleChange(actor.IsInRole(StaffRoles.SystemAdmin), actor.IsInRole(StaffRoles.BodyAdmin), changingOwnAccount, before, after);

    private Outcome<StaffChange> Saved(IdentityResult result, StaffUser user) => result.Succeeded ? (Outcome<StaffChange>)new StaffChange(user) : Abandon(result);

    /// <summary>A refused Identity step leaves the audit row (and the user's edits) tracked but unsaved; forget them
    /// so nothing saved later in this unit of work claims a change that did not happen.</summary>
    private Refusal Abandon(IdentityResult result)
    {
        db.ChangeTracker.Clear();
        return Refusal.Invalid(Describe(result));
    }

    internal static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => ChineseError(e)));

    /// <summary>Identity's messages are English; staff read Chinese.</summary>
    private static string ChineseError(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" => "该用户名已被使用。",
        "InvalidUserName" => "用户名只能包含英文字母、数字和 . _ - @ +。",
        "PasswordTooShort" => $"密码至少需要 {StaffPasswordValidator.MinimumLength} 个字符。",
        "ConcurrencyFailure" => "该账户刚被他人修改，请刷新后重试。",
        _ => error.Description,
    };
}
