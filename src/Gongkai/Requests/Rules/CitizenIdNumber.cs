using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Gongkai.Requests.Rules;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): 6-digit address code + birth date + 3-digit sequence + check character (ISO 7064
/// MOD 11-2), or the old 15-digit form (address + YYMMDD + sequence, no check). Pure rules, no I/O.
/// </summary>
public static class CitizenIdNumber
{
    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Removes spaces and upper-cases a trailing x, so what a person typed compares as the number it is.</summary>
    public static string Normalize(string? input) =>
        new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>The check character for the first 17 digits.</summary>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || first17.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("The check character is computed over exactly 17 digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Checks a normalised number; <paramref name="error"/> says in Chinese what is wrong.</summary>
    /// <param name="today">Birth dates after this day are refused.</param>
    public static bool TryValidate(string? number, DateOnly today, [NotNullWhen(false)] out string? error)
    {
        error = Problem(number, today);
        return error is null;
    }

    private static string? Problem(string? number, DateOnly today)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "请填写居民身份证号码。";
        }

        if (number.Length == 15)
        {
            if (number.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                return "15位居民身份证号码应全部为数字。";
            }

            return BirthDateProblem("19" + number[6..12], today);
        }

        if (number.Length != 18)
        {
            return string.Create(CultureInfo.InvariantCulture, $"居民身份证号码应为18位（或旧式15位），当前为{number.Length}位。");
        }

        if (number.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            return "居民身份证号码前17位应为数字。";
        }

        if (!char.IsAsciiDigit(number[17]) && number[17] != 'X')
        {
            return "居民身份证号码最后一位应为数字或 X。";
        }

        var birthProblem = BirthDateProblem(number[6..14], today);
        if (birthProblem is not null)
        {
            return birthProblem;
        }

        return ComputeCheckCharacter(number[..17]) == number[17]
            ? null
            : "居民身份证号码校验位（第18位）不符，请核对是否有输错的数字。";
    }

    private static string? BirthDateProblem(string yyyymmdd, DateOnly today)
    {
        if (!DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return "居民身份证号码中的出生日期不是有效日期。";
        }

        if (birth > today)
        {
            return "居民身份证号码中的出生日期晚于今天。";
        }

        return birth.Year < 1880 ? "居民身份证号码中的出生日期过早。" : null;
    }
}
