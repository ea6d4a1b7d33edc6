using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Gongkai.Publishing;

/// <summary>
/// Sanitises document text entered as rich text: HtmlSanitizer's allow-list of elements, without style attributes
/// (the site's CSP forbids inline styles) and without images from other sites; scripts, event handlers and
/// javascript: links are removed, the rest of the text is kept.
/// </summary>
public static partial class RichText
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Sanitizer.Sanitize(html).Trim();
    }

    /// <summary>Whether sanitised HTML has any visible text (a body of empty paragraphs is missing text).</summary>
    public static bool HasText(string sanitizedHtml)
    {
        var text = Tags().Replace(sanitizedHtml, "").Replace("&nbsp;", "", StringComparison.Ordinal);
        return text.Any(c => !char.IsWhiteSpace(c));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
