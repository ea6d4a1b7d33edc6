using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Publishing.Rules;

/// <summary>The outcome of checking a 文号: the normalised number, or a Chinese message saying what is wrong.</summary>
public sealed record DocumentNumberCheck(string? Value, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// 文号 (document number), e.g. 绵府办发〔2018〕12号: the issuer's abbreviation (机关代字, Chinese characters), the year
/// in hexagonal brackets 〔〕 and a sequence followed by 号. Writers often type [] 【】 () （） ［］ 〖〗 instead of 〔〕,
/// full-width digits or stray spaces; those are normalised, anything else is rejected.
/// </summary>
public static partial class DocumentNumber
{
    public const int MinYear = 1949;

    private const string OpeningVariants = "[【(（［〖〔";
    private const string ClosingVariants = "]】)）］〗〕";

    /// <summary>Checks and normalises; <paramref name="latestYear"/> is the latest year a number may carry (this year).</summary>
    public static DocumentNumberCheck Check(string? input, int latestYear)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new(null, "请填写文号。");
        }

        var text = Normalise(input);
        var match = Shape().Match(text);
        if (!match.Success)
        {
            return new(null, $"文号“{input.Trim()}”格式不正确，应为“机关代字〔年份〕序号号”，例如“绵府办发〔2018〕12号”。");
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < MinYear || year > latestYear)
        {
            return new(null, $"文号中的年份 {year} 不合理，应在 {MinYear} 至 {latestYear} 年之间。");
        }

        var sequence = int.Parse(match.Groups["sequence"].Value, CultureInfo.InvariantCulture);
        if (sequence == 0)
        {
            return new(null, "文号中的序号不能为 0。");
        }

        // Leading zeros are dropped (〔2018〕012号 → 〔2018〕12号): portals print the sequence without them.
        return new(string.Create(CultureInfo.InvariantCulture, $"{match.Groups["issuer"].Value}〔{year}〕{sequence}号"), null);
    }

    /// <summary>Brackets to 〔〕, full-width digits to ASCII, whitespace removed.</summary>
    private static string Normalise(string input)
    {
        var result = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            result.Append(c switch
            {
                _ when OpeningVariants.Contains(c, StringComparison.Ordinal) => '〔',
                _ when ClosingVariants.Contains(c, StringComparison.Ordinal) => '〕',
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                _ => c,
            });
        }

        return result.ToString();
    }

    // The issuer is 1–20 CJK characters (some carry a trailing 字 or 函); the sequence 1–5 digits; 第 before it is tolerated.
    [GeneratedRegex(@"^(?<issuer>\p{IsCJKUnifiedIdeographs}{1,20})〔(?<year>\d{4})〕第?(?<sequence>\d{1,5})号$")]
    private static partial Regex Shape();
}
