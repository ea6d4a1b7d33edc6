using System.Text.RegularExpressions;
using Gongkai.Platform.Text;

namespace Gongkai.Safeguards.Links;

public enum LinkKind
{
    Link,
    Image,
}

/// <summary>A link or image reference in a document, with its position in the document's text (UTF-16 code units).</summary>
public sealed record DocumentLink(LinkKind Kind, string Url, int Start, int Length)
{
    public bool IsExternal => Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Finds links (href) and images (src) in HTML, and bare http(s) addresses in its readable text (read by
/// <see cref="HtmlText"/>, so <c>&amp;amp;</c> in an address is an ampersand). Positions are in the HTML. mailto:, tel:,
/// javascript: and in-page anchors are not links to check.</summary>
public static partial class LinkExtractor
{
    public static List<DocumentLink> Extract(string text)
    {
        var links = new List<DocumentLink>();
        var covered = new List<(int Start, int End)>();
        foreach (Match m in Attribute().Matches(text))
        {
            var value = m.Groups["value"];
            var url = value.Value.Trim();
            covered.Add((m.Index, m.Index + m.Length));
            if (url.Length == 0 || url.StartsWith('#') || url.Contains(':', StringComparison.Ordinal) && !url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var kind = m.Groups["name"].Value.Equals("src", StringComparison.OrdinalIgnoreCase) ? LinkKind.Image : LinkKind.Link;
            links.Add(new DocumentLink(kind, url, value.Index, value.Length));
        }

        var readable = HtmlText.Parse(text);
        foreach (Match m in BareUrl().Matches(readable.Text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ')', '）', '。', '，');
            var (start, length, _) = readable.ToHtml(m.Index, url.Length);
            if (covered.Any(c => start >= c.Start && start < c.End))
            {
                continue;
            }

            links.Add(new DocumentLink(LinkKind.Link, url, start, length));
        }

        return links.OrderBy(l => l.Start).ToList();
    }

    [GeneratedRegex("""\b(?<name>href|src)\s*=\s*["'](?<value>[^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();
}
