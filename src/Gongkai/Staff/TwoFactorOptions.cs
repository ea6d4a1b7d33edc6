using System.Security.Claims;
using Gongkai.Staff.Rules;
using Microsoft.Extensions.Options;

namespace Gongkai.Staff;

/// <summary>Settings of <c>Gongkai:Security</c> for two-factor sign-in.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Gongkai:Security";

    /// <summary>Body admins and 终审 reviewers must enrol an authenticator, as system admins always must (default true).
    /// Off, only system admins must.</summary>
    public bool RequireTwoFactorForPublishers { get; set; } = true;
}

/// <summary><see cref="TwoFactorRules"/> with this deployment's setting, for principals and role lists.</summary>
public sealed class TwoFactorPolicy(IOptionsMonitor<TwoFactorOptions> options)
{
    private bool ForPublishers => options.CurrentValue.RequireTwoFactorForPublishers;

    public bool Required(IEnumerable<string> roles) => TwoFactorRules.Required(roles, ForPublishers);

    /// <summary>A signed-in account (cookie or token) that holds a role needing two factors and has none enrolled.</summary>
    public bool MustEnrol(ClaimsPrincipal user) =>
        TwoFactorRules.MustEnrol(user.FindAll(ClaimTypes.Role).Select(c => c.Value), StaffClaims.HasTwoFactor(user), ForPublishers);

    /// <summary>The user's roles that need two factors, in Chinese (e.g. 终审、单位管理员).</summary>
    public string Why(IEnumerable<string> roles) => TwoFactorRules.Why(roles, ForPublishers);
}
