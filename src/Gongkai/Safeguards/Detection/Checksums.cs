namespace Gongkai.Safeguards.Detection;

/// <summary>Check digits of citizen ID numbers (GB 11643-1999, ISO 7064 MOD 11-2) and bank cards (Luhn).</summary>
public static class Checksums
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckCharacters = "10X98765432";

    public static char IdCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }

        return IdCheckCharacters[sum % 11];
    }

    /// <summary>An 18-character ID: 17 digits, the right check character (x accepted), a real birth date not after
    /// <paramref name="today"/> and not before 1880, and a plausible province code.</summary>
    public static bool IsValidIdNumber(ReadOnlySpan<char> id, DateOnly today)
    {
        if (id.Length != 18 || !AllDigits(id[..17]) || !PlausibleArea(id))
        {
            return false;
        }

        var check = char.ToUpperInvariant(id[17]);
        if (check != IdCheckCharacter(id[..17]))
        {
            return false;
        }

        return IsRealDate(Number(id[6..10]), Number(id[10..12]), Number(id[12..14]), today);
    }

    /// <summary>An 18-digit number with a plausible province code and a real birth date whose check character is wrong:
    /// a mistyped ID number is still someone's ID number.</summary>
    public static bool IsNearMissIdNumber(ReadOnlySpan<char> id, DateOnly today) =>
        id.Length == 18 && AllDigits(id[..17]) && (TextNormalizerDigit(id[17]) || id[17] is 'X' or 'x') && PlausibleArea(id)
        && IsRealDate(Number(id[6..10]), Number(id[10..12]), Number(id[12..14]), today)
        && char.ToUpperInvariant(id[17]) != IdCheckCharacter(id[..17]);

    private static bool TextNormalizerDigit(char c) => c is >= '0' and <= '9';

    /// <summary>The old 15-digit form: area code, YYMMDD (19YY), sequence; no check digit, so the date must be real.</summary>
    public static bool IsValidOldIdNumber(ReadOnlySpan<char> id, DateOnly today) =>
        id.Length == 15 && AllDigits(id) && PlausibleArea(id)
        && IsRealDate(1900 + Number(id[6..8]), Number(id[8..10]), Number(id[10..12]), today);

    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2 || !AllDigits(digits))
        {
            return false;
        }

        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    public static char LuhnCheckDigit(ReadOnlySpan<char> withoutCheck)
    {
        Span<char> buffer = stackalloc char[withoutCheck.Length + 1];
        withoutCheck.CopyTo(buffer);
        for (var d = '0'; d <= '9'; d++)
        {
            buffer[^1] = d;
            if (IsLuhnValid(buffer))
            {
                return d;
            }
        }

        throw new ArgumentException("不是数字串。", nameof(withoutCheck));
    }

    /// <summary>Province-level codes of GB/T 2260 (plus 71 台湾, 81–83 港澳台居民居住证).</summary>
    private static bool PlausibleArea(ReadOnlySpan<char> id) => ((id[0] - '0') * 10 + (id[1] - '0')) switch
    {
        >= 11 and <= 15 or >= 21 and <= 23 or >= 31 and <= 37 or >= 41 and <= 46 or >= 50 and <= 54 or >= 61 and <= 65 => true,
        71 or 81 or 82 or 83 => true,
        _ => false,
    };

    private static bool IsRealDate(int year, int month, int day, DateOnly today) =>
        year >= 1880 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
        && new DateOnly(year, month, day) <= today;

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n = n * 10 + (c - '0');
        }

        return n;
    }
}
