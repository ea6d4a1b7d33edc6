using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Search.Analysis;

/// <summary>
/// 文号 in one form, so <c>绵府发[2018]1号</c>, <c>绵府发（2018）1号</c> and <c>绵府发【2018】第1号</c> all find
/// <c>绵府发〔2018〕1号</c>: folded (half-width digits), spaces dropped, the year's brackets written 〔〕, a leading 第
/// before the serial and leading zeros dropped.
/// </summary>
public static partial class DocNumberForm
{
    [GeneratedRegex(@"(?<prefix>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20})[\[\(（【〔［{｛<《]\s*(?<year>(?:19|20)\d{2})\s*[\]\)）】〕］}｝>》]\s*第?0*(?<serial>\d{1,5})\s*号")]
    private static partial Regex Pattern();

    /// <summary>The normalised 文号 found in <paramref name="text"/>, or null when it contains none.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = Unfold(text);
        var match = Pattern().Match(folded);
        return match.Success ? $"{match.Groups["prefix"].Value}〔{match.Groups["year"].Value}〕{match.Groups["serial"].Value}号" : null;
    }

    /// <summary>The normalised form of a stored 文号; text that does not look like one is kept (folded, without spaces).</summary>
    public static string Normalise(string docNumber) => Find(docNumber) ?? Unfold(docNumber);

    /// <summary>Folding makes full-width brackets half-width but keeps 〔〕【】; digits and letters are what matter.</summary>
    private static string Unfold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(TextFolding.Fold(c));
            }
        }

        return builder.ToString();
    }
}
