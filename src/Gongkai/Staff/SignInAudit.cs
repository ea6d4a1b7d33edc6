using Gongkai.Platform.Data;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Time;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Staff;

/// <summary>Why a sign-in attempt failed. The code is stable (auditors filter on it); the text is for people.</summary>
public enum SignInFailure
{
    BadPassword,
    UnknownUser,
    Locked,
    BadCode,
    MissingCode,
    Throttled,
}

/// <summary>Where a sign-in attempt came from.</summary>
public enum SignInChannel
{
    Page,
    TokenApi,
}

/// <summary>Records every sign-in attempt — success or failure, with the reason and the client address — at once,
/// because an attempt changes nothing else that could carry the audit row.</summary>
public sealed class SignInAudit(AuditLog audit)
{
    public const string Succeeded = "sign-in.succeeded";
    public const string Failed = "sign-in.failed";

    public Task SucceededAsync(StaffUser user, SignInChannel channel, bool withTwoFactor, CancellationToken cancellationToken = default) =>
        audit.RecordNowAsync(Succeeded, TargetOf(user.UserName ?? ""),
            $"{ChannelText(channel)}{(withTwoFactor ? "；已通过两步验证" : "")}",
            bodyId: user.BodyId, actorName: user.UserName, actorId: user.Id, cancellationToken: cancellationToken);

    /// <summary>A failed attempt. With an unknown user name, the actor is anonymous and the name tried is the target.</summary>
    public Task FailedAsync(StaffUser? user, string attemptedName, SignInFailure reason, SignInChannel channel, string? note = null, CancellationToken cancellationToken = default) =>
        audit.RecordNowAsync(Failed, TargetOf(user?.UserName ?? attemptedName),
            $"{Code(reason)}：{Text(reason)}；{ChannelText(channel)}{(note is null ? "" : "；" + note)}",
            bodyId: user?.BodyId, actorName: user?.UserName ?? "anonymous", actorId: user?.Id, cancellationToken: cancellationToken);

    public static string Code(SignInFailure reason) => reason switch
    {
        SignInFailure.BadPassword => "bad-password",
        SignInFailure.UnknownUser => "unknown-user",
        SignInFailure.Locked => "locked",
        SignInFailure.BadCode => "bad-code",
        SignInFailure.MissingCode => "missing-code",
        SignInFailure.Throttled => "throttled",
        _ => reason.ToString(),
    };

    private static string Text(SignInFailure reason) => reason switch
    {
        SignInFailure.BadPassword => "密码错误",
        SignInFailure.UnknownUser => "用户名不存在",
        SignInFailure.Locked => "账户已锁定",
        SignInFailure.BadCode => "动态口令错误",
        SignInFailure.MissingCode => "未提供动态口令",
        SignInFailure.Throttled => "失败次数过多，须等待后再试",
        _ => "",
    };

    private static string ChannelText(SignInChannel channel) => channel == SignInChannel.Page ? "方式：登录页面" : "方式：创建访问令牌";

    /// <summary>Audit targets are bounded; a user name typed by an anonymous visitor may be anything.</summary>
    private static string TargetOf(string userName) => "user:" + (userName.Length > 64 ? userName[..64] : userName);
}

/// <summary>What a person is told when a sign-in is refused.</summary>
public static class SignInMessages
{
    public const string BadCredentials = "用户名或密码错误。";

    public const string BadCode = "动态口令不正确，请输入验证器应用中当前显示的六位数字。";

    /// <summary>A fixed PBKDF2 hash that unknown user names are checked against, so they cost the same time as real ones.</summary>
    public static string DecoyHash { get; } = new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), "decoy-" + Guid.NewGuid());

    public static string Locked(DateTimeOffset? lockoutEnd) =>
        lockoutEnd is null || lockoutEnd >= StaffAdministration.LockedByAdministrator
            ? "账户已被管理员锁定，请联系本单位管理员。"
            : $"账户已锁定，请于{ChinaTime.FormatMinutes(lockoutEnd.Value)}（北京时间）后再试。";
}
