using System.Security.Cryptography;

namespace Gongkai.Staff;

/// <summary>Who may grant which roles to whom: plain rules without I/O. Body scope (which users an administrator
/// may manage at all) is decided by <see cref="BodyScope"/>; these rules decide what may change.</summary>
public static class StaffRules
{
    /// <summary>The roles an administrator may grant or withdraw: system admins all, body admins all but system admin.</summary>
    public static IReadOnlyList<string> AssignableRoles(bool actorIsSystemAdmin, bool actorIsBodyAdmin) =>
        actorIsSystemAdmin ? StaffRoles.All
        : actorIsBodyAdmin ? StaffRoles.All.Where(r => r != StaffRoles.SystemAdmin).ToArray()
        : [];

    /// <summary>A body admin may not touch a system admin's account (roles, lock, password), even in their own body.</summary>
    public static bool MayManage(bool actorIsSystemAdmin, IEnumerable<string> targetRoles) =>
        actorIsSystemAdmin || !targetRoles.Contains(StaffRoles.SystemAdmin);

    /// <summary>Why a change of roles is refused, or null when it is allowed.</summary>
    public static string? RefuseRoleChange(bool actorIsSystemAdmin, bool actorIsBodyAdmin, bool changingOwnAccount,
        IReadOnlyCollection<string> before, IReadOnlyCollection<string> after)
    {
        if (after.FirstOrDefault(r => !StaffRoles.All.Contains(r)) is { } unknown)
        {
            return $"未知角色“{unknown}”。";
        }

        if (changingOwnAccount && !before.ToHashSet().SetEquals(after))
        {
            return "不能修改自己的角色，请由其他管理员操作。";
        }

        var assignable = AssignableRoles(actorIsSystemAdmin, actorIsBodyAdmin);
        var changed = before.Except(after).Concat(after.Except(before)).Distinct();
        if (changed.FirstOrDefault(r => !assignable.Contains(r)) is { } forbidden)
        {
            return forbidden == StaffRoles.SystemAdmin
                ? "只有系统管理员才能授予或撤销系统管理员角色。"
                : $"您无权授予或撤销“{StaffRoles.ChineseName(forbidden)}”角色。";
        }

        return null;
    }

    /// <summary>“editor → editor, first-reviewer” — the audit detail of a role change, in stable role codes.</summary>
    public static string DescribeRoleChange(IEnumerable<string> before, IEnumerable<string> after) =>
        $"{List(before)} → {List(after)}";

    public static string List(IEnumerable<string> roles)
    {
        var ordered = StaffRoles.All.Where(roles.Contains).ToArray();
        return ordered.Length == 0 ? "（无）" : string.Join(", ", ordered);
    }
}

/// <summary>Initial and reset passwords: 14 characters in three groups, from an alphabet without look-alikes
/// (0/O, 1/l/I), always meeting the password policy (upper, lower, digit, length ≥ 10).</summary>
public static class StaffPasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string Generate()
    {
        Span<char> characters = stackalloc char[12];
        characters[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        characters[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        characters[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        RandomNumberGenerator.GetItems(Upper + Lower + Digits, characters[3..]);
        RandomNumberGenerator.Shuffle(characters);
        var text = new string(characters);
        return $"{text[..4]}-{text[4..8]}-{text[8..]}";
    }
}
