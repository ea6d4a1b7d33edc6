using System.Globalization;
using System.Text;
using AngleSharp.Html;

namespace Gongkai.Platform.Text;

/// <summary>
/// The one reader of HTML as text, for everything that reads a document's body: safeguards' detectors, the search
/// index's body field, bare-address link extraction. <see cref="Text"/> is what a reader sees: tags and comments are
/// not text, script and style contents are dropped, entities are decoded with AngleSharp's HTML5 entity table, and
/// block elements become line breaks. Every text character keeps the HTML range it came from, so a finding in the
/// text is located in the stored HTML by <see cref="ToHtml"/> (masking changes exactly the characters flagged).
/// <para>A scanner over the source rather than AngleSharp's DOM: the DOM does not keep where each text character was
/// in the source, and that mapping is the point. Stored bodies are sanitised, so the scanner never meets the
/// malformed markup where the two could read differently.</para>
/// </summary>
public sealed class HtmlText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "hr", "pre", "dd", "dt",
        "article", "aside", "caption", "dl", "figcaption", "figure", "footer", "header", "main", "nav", "thead", "tbody", "tfoot",
    };

    /// <summary>Elements whose content is never text a reader sees.</summary>
    private static readonly HashSet<string> HiddenElements = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript" };

    private readonly int[] _htmlStart;
    private readonly int[] _htmlEnd;

    private HtmlText(string html, string text, int[] htmlStart, int[] htmlEnd)
    {
        Html = html;
        Text = text;
        _htmlStart = htmlStart;
        _htmlEnd = htmlEnd;
    }

    public string Html { get; }

    /// <summary>The readable text; block elements are single line breaks (never two in a row, none at the start).</summary>
    public string Text { get; }

    public static HtmlText Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(html.Length);
        var starts = new List<int>(html.Length);
        var ends = new List<int>(html.Length);

        void Emit(char c, int from, int to)
        {
            text.Append(c);
            starts.Add(from);
            ends.Add(to);
        }

        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                {
                    var commentEnd = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = commentEnd < 0 ? html.Length : commentEnd + 3;
                    continue;
                }

                var close = TagEnd(html, i);
                var (name, closing) = TagName(html, i, close);
                if (!closing && HiddenElements.Contains(name))
                {
                    var end = html.IndexOf("</" + name, close, StringComparison.OrdinalIgnoreCase);
                    i = end < 0 ? html.Length : TagEnd(html, end);
                    continue;
                }

                if (BlockElements.Contains(name) && text.Length > 0 && text[^1] != '\n')
                {
                    Emit('\n', i, close);
                }

                i = close;
                continue;
            }

            if (c == '&' && EntityEnd(html, i) is { } entityEnd && Decode(html.AsSpan(i, entityEnd - i)) is { } decoded)
            {
                foreach (var d in decoded)
                {
                    Emit(d, i, entityEnd);
                }

                i = entityEnd;
                continue;
            }

            Emit(c, i, i + 1);
            i++;
        }

        return new HtmlText(html, text.ToString(), starts.ToArray(), ends.ToArray());
    }

    /// <summary>The readable text of <paramref name="html"/> without surrounding white space (search, summaries).</summary>
    public static string Read(string html) => Parse(html).Text.Trim();

    /// <summary>The HTML range of the text range [start, start + length), and whether it is plain: the HTML there reads
    /// exactly as the text (no tag or entity inside), so it can be replaced without touching the markup.</summary>
    public (int Start, int Length, bool IsPlain) ToHtml(int start, int length)
    {
        if (start < 0 || length <= 0 || start + length > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "The range lies outside the text.");
        }

        var htmlStart = _htmlStart[start];
        var htmlEnd = _htmlEnd[start + length - 1];
        var plain = htmlEnd - htmlStart == length && string.CompareOrdinal(Html, htmlStart, Text, start, length) == 0;
        return (htmlStart, htmlEnd - htmlStart, plain);
    }

    /// <summary>Escapes text for insertion into HTML content.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>An entity such as <c>&amp;nbsp;</c>, <c>&amp;#39;</c> or <c>&amp;#x4E2D;</c>; null when it is no entity (the
    /// ampersand is then text, as browsers read it).</summary>
    private static string? Decode(ReadOnlySpan<char> entity)
    {
        var body = entity[1..^1];
        if (body.Length > 1 && body[0] == '#')
        {
            var hex = body[1] is 'x' or 'X';
            var ok = hex
                ? int.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                : int.TryParse(body[1..], NumberStyles.None, CultureInfo.InvariantCulture, out code);
            return ok && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF ? char.ConvertFromUtf32(code) : null;
        }

        var symbol = HtmlEntityProvider.Resolver.GetSymbol(entity[1..].ToString());
        return string.IsNullOrEmpty(symbol) ? null : symbol;
    }

    private static int TagEnd(string html, int open)
    {
        var quote = '\0';
        for (var i = open + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }

    private static (string Name, bool Closing) TagName(string html, int open, int close)
    {
        var i = open + 1;
        var closing = i < close && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < close && char.IsAsciiLetterOrDigit(html[i]))
        {
            i++;
        }

        return (html[nameStart..i], closing);
    }

    private static int? EntityEnd(string html, int amp)
    {
        for (var i = amp + 1; i < html.Length && i - amp <= 40; i++)
        {
            var c = html[i];
            if (c == ';')
            {
                return i > amp + 1 ? i + 1 : null;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c != '#')
            {
                return null;
            }
        }

        return null;
    }
}
