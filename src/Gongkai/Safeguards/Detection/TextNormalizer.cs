namespace Gongkai.Safeguards.Detection;

/// <summary>Maps full-width forms (１３８, ＠, ＋, －) and other dashes and spaces to their ASCII look-alikes one character
/// for one character, so detectors work on one form while positions stay those of the original text.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Map(source[i]);
            }
        });
    }

    public static char Map(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\t' => ' ',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        _ => c,
    };

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static bool IsAsciiLetter(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
