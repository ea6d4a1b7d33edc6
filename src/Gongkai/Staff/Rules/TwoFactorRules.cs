namespace Gongkai.Staff.Rules;

/// <summary>
/// Who must sign in with two factors (ASVS L2 2.2): every account that can administer or publish. System admins always;
/// with <c>Gongkai:Security:RequireTwoFactorForPublishers</c> on (the default) also body admins (they manage staff and
/// can release and approve on several channels) and 终审 reviewers (they make documents public). Roles below those —
/// editors, 初审/复审, officers, auditors, hotline staff — may enrol but need not. No I/O.
/// </summary>
public static class TwoFactorRules
{
    /// <summary>The roles that administer or publish, whose holders need two factors when the setting is on.</summary>
    public static readonly IReadOnlyList<string> PublishOrAdminister = [StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.FinalReviewer];

    /// <summary>Whether an account holding <paramref name="roles"/> must use two-factor sign-in.</summary>
    public static bool Required(IEnumerable<string> roles, bool requireForPublishers) =>
        roles.Any(role => role == StaffRoles.SystemAdmin || (requireForPublishers && PublishOrAdminister.Contains(role)));

    /// <summary>Whether the account must enrol before it may do anything else.</summary>
    public static bool MustEnrol(IEnumerable<string> roles, bool hasTwoFactor, bool requireForPublishers) =>
        !hasTwoFactor && Required(roles, requireForPublishers);

    /// <summary>The roles (Chinese names) that make two factors required, for the messages that say why.</summary>
    public static string Why(IEnumerable<string> roles, bool requireForPublishers) =>
        string.Join("、", roles.Where(r => Required([r], requireForPublishers)).Select(StaffRoles.ChineseName));
}
