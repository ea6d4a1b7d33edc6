using System.Net;
using System.Text;

namespace Gongkai.Safeguards.Review;

/// <summary>The readable text of a document's sanitised HTML, with every text character mapped back to the HTML it came
/// from. Detectors run on <see cref="Text"/> (tags and attributes are not text, entities are decoded, block elements
/// become line breaks), and a finding is located in the stored HTML by <see cref="ToHtml"/>, so masking changes
/// exactly the characters the editor saw flagged.</summary>
public sealed class HtmlTextView
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "hr", "pre", "dd", "dt",
    };

    private readonly int[] _htmlStart;
    private readonly int[] _htmlEnd;

    private HtmlTextView(string html, string text, int[] htmlStart, int[] htmlEnd)
    {
        Html = html;
        Text = text;
        _htmlStart = htmlStart;
        _htmlEnd = htmlEnd;
    }

    public string Html { get; }

    public string Text { get; }

    public static HtmlTextView Parse(string html)
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
                var close = TagEnd(html, i);
                if (IsBlockTag(html, i, close) && text.Length > 0 && text[^1] != '\n')
                {
                    Emit('\n', i, close);
                }

                i = close;
                continue;
            }

            if (c == '&' && EntityEnd(html, i) is { } entityEnd)
            {
                var decoded = WebUtility.HtmlDecode(html[i..entityEnd]);
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

        return new HtmlTextView(html, text.ToString(), starts.ToArray(), ends.ToArray());
    }

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

    private static bool IsBlockTag(string html, int open, int close)
    {
        var i = open + 1;
        if (i < close && html[i] == '/')
        {
            i++;
        }

        var nameStart = i;
        while (i < close && char.IsAsciiLetterOrDigit(html[i]))
        {
            i++;
        }

        return i > nameStart && BlockElements.Contains(html[nameStart..i]);
    }

    private static int? EntityEnd(string html, int amp)
    {
        for (var i = amp + 1; i < html.Length && i - amp <= 12; i++)
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
