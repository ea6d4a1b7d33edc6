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
        // Rune by rune, so invisible characters outside the BMP (the U+E00xx tag characters) go too.
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString().Trim();
    }
}
