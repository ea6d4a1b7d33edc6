using System.Globalization;
using System.Text;

namespace Gongkai.Platform.Text;

/// <summary>
/// Names and titles keep only characters that show: control characters (NUL, line breaks) and invisible format
/// characters (bidi overrides such as U+202E, zero-width spaces and joiners, the BOM, soft hyphens) are removed.
/// An attachment called <c>"\u202Egpj.pdf"</c> would otherwise display as "fdp.jpg" while being a PDF, and a name with
/// a zero-width space looks identical to another person's.
/// </summary>
public static class VisibleText
{
    public static string Clean(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !HasFormatCharacters(text))
        {
            return text.Trim();
        }

        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }

            kept.Append(rune.ToString());
        }

        return kept.ToString().Trim();
    }

    private static bool HasFormatCharacters(string text)
    {
        foreach (var c in text)
        {
            if (c == '\u007f' || (c >= '\u0080' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format))
            {
                return true;
            }
        }

        return false;
    }
}
