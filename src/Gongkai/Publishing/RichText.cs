using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Gongkai.Publishing;

/// <summary>
/// Sanitises document text entered as rich text: HtmlSanitizer's allow-list of elements, without style attributes
/// (the site's CSP forbids inline styles) and without images from other sites — an image is kept only when it is
/// inline PNG, JPEG or GIF data (what 导入 Word produces); scripts, event handlers and javascript: links are removed,
/// the rest of the text is kept.
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

    [GeneratedRegex("^data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=\\s]+$", RegexOptions.IgnoreCase)]
    private static partial Regex InlineImage();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("data");
        sanitizer.FilterUrl += (_, e) =>
        {
            var isImage = string.Equals(e.Tag?.TagName, "img", StringComparison.OrdinalIgnoreCase);
            var inlineImage = InlineImage().IsMatch(e.OriginalUrl);
            if (isImage != inlineImage || (!isImage && e.OriginalUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase)))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.RemovingAttribute += (_, e) =>
        {
            // An image whose address was refused is removed whole, not left as an empty frame.
            if (string.Equals(e.Tag.TagName, "img", StringComparison.OrdinalIgnoreCase) && string.Equals(e.Attribute.Name, "src", StringComparison.OrdinalIgnoreCase))
            {
                e.Tag.Remove();
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } image && !image.HasAttribute("src"))
            {
                image.Remove();
            }
        };
        return sanitizer;
    }
}
