using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Staff;

/// <summary>
/// Staff passwords (ASVS 2.1): at least 12 characters and at most 128, any characters, no composition rules — but not
/// one that is easy to guess. zxcvbn scores the password against its bundled list of the 30,000 most common passwords,
/// English words, keyboard patterns, dates and sequences, and against the account's own names; a score below 3
/// ("safely unguessable" for an online attack that is throttled) is refused.
/// </summary>
public sealed class StaffPasswordValidator : IPasswordValidator<StaffUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return Task.FromResult(IdentityResult.Success); // Identity's own length rule reports it.
        }

        if (password.Length > MaximumLength)
        {
            return Failed("PasswordTooLong", $"密码不能超过 {MaximumLength} 个字符。");
        }

        return Failed(Weakness(password, user.UserName, user.DisplayName));
    }

    /// <summary>Why the password is too easy to guess, or null when it is not.</summary>
    public static string? Weakness(string password, params string?[] accountWords)
    {
        var inputs = accountWords.Where(w => !string.IsNullOrWhiteSpace(w)).SelectMany(w => w!.Split('.', '-', '_', '@', ' ')).Where(w => w.Length >= 3);
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, inputs);
        if (result.Score >= MinimumScore)
        {
            return null;
        }

        return result.MatchSequence.Any(m => m.Pattern == "dictionary" && m.Token.Length == password.Length)
            ? "这是常见密码之一，很容易被猜中，请换一个。"
            : "密码太容易被猜中（常见词、键盘顺序、日期、重复或与用户名相近），请换一个更长、不常见的密码，例如由几个不相关的词和数字组成。";
    }

    private static Task<IdentityResult> Failed(string? weakness) =>
        weakness is null ? Task.FromResult(IdentityResult.Success) : Failed("PasswordTooWeak", weakness);

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
