using System.Diagnostics.CodeAnalysis;

namespace Gongkai.Organizations;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): registering authority (1) + organisation type (1) + region code (6) +
/// organisation code (9, GB 11714, with its own check character) + check character (1).
/// Pure rules, no I/O: used by body validation, the demo seeder and document index numbers.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    /// <summary>The 31 characters a credit code may use: digits and capitals without I, O, S, V, Z.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private const string ForbiddenLetters = "IOSVZ";

    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private static readonly int[] OrganizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Checks a credit code exactly as given (no trimming or case folding); on failure
    /// <paramref name="error"/> says in Chinese what is wrong.</summary>
    public static bool TryValidate(string? code, [NotNullWhen(false)] out string? error)
    {
        error = Problem(code);
        return error is null;
    }

    public static bool IsValid(string? code) => Problem(code) is null;

    /// <summary>Trims, removes inner spaces and upper-cases what a person typed, so that "9111 0000 …" or a
    /// lower-case letter is accepted as the code it obviously is.</summary>
    public static string Normalize(string? input) =>
        new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>The 18th character for the first 17 characters of a credit code.</summary>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("A credit code's check character is computed over exactly 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            }

            sum += value * CreditWeights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>The check character (0–9 or X) of a GB 11714 organisation code, given its first 8 characters.</summary>
    public static char ComputeOrganizationCodeCheck(string first8)
    {
        ArgumentNullException.ThrowIfNull(first8);
        if (first8.Length != OrganizationWeights.Length)
        {
            throw new ArgumentException("An organisation code's check character is computed over exactly 8 characters.", nameof(first8));
        }

        var sum = 0;
        for (var i = 0; i < first8.Length; i++)
        {
            sum += OrganizationCharValue(first8[i]) * OrganizationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }

    /// <summary>The embedded organisation code in its usual printed form, e.g. <c>60003734-1</c>.</summary>
    public static string FormatOrganizationCode(string creditCode)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        if (creditCode.Length != Length)
        {
            throw new ArgumentException("A credit code has 18 characters.", nameof(creditCode));
        }

        return $"{creditCode[8..16]}-{creditCode[16]}";
    }

    private static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "请填写统一社会信用代码。";
        }

        if (code.Length != Length)
        {
            return $"统一社会信用代码应为18位，当前为{code.Length}位。";
        }

        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            var position = i + 1;
            if (c is >= 'a' and <= 'z')
            {
                return $"统一社会信用代码中的字母应为大写（第{position}位为“{c}”）。";
            }

            if (ForbiddenLetters.Contains(c, StringComparison.Ordinal))
            {
                return $"统一社会信用代码不使用字母 I、O、S、V、Z（第{position}位为“{c}”）。";
            }

            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return $"统一社会信用代码第{position}位“{c}”不是有效字符，只能使用数字和大写字母。";
            }
        }

        if (code.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return "统一社会信用代码第3至8位应为6位数字的登记管理机关行政区划码。";
        }

        if (!char.IsAsciiDigit(code[16]) && code[16] != 'X')
        {
            return "统一社会信用代码中的组织机构代码（第9至17位）校验位应为数字或 X。";
        }

        if (ComputeOrganizationCodeCheck(code[8..16]) != code[16])
        {
            return "统一社会信用代码中的组织机构代码（第9至17位）校验不通过，请核对是否有输错的字符。";
        }

        if (ComputeCheckCharacter(code[..17]) != code[17])
        {
            return "统一社会信用代码校验位（第18位）不符，请核对是否有输错的字符。";
        }

        return null;
    }

    /// <summary>GB 11714 values: digits are themselves, letters A=10 … Z=35.</summary>
    private static int OrganizationCharValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => throw new ArgumentException($"'{c}' is not an organisation-code character.", nameof(c)),
    };
}
