using System.Text;

namespace Gongkai.Publishing;

/// <summary>Turns plain text into the only HTML documents may contain for now: escaped paragraphs. Raw HTML from
/// users is not accepted until a sanitiser exists.</summary>
public static class DocumentText
{
    /// <summary>One &lt;p&gt; per non-blank line; leading ideographic or ordinary spaces are dropped (the page's
    /// CSS indents paragraphs), and &amp; &lt; &gt; &quot; &#39; are escaped.</summary>
    public static string ToParagraphHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder(text.Length + 256);
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var paragraph = line.Trim(' ', '\t', '\u3000', '\u00A0');
            if (paragraph.Length == 0)
            {
                continue;
            }

            html.Append("<p>");
            foreach (var c in paragraph)
            {
                html.Append(c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    _ => c.ToString(),
                });
            }

            html.Append("</p>\n");
        }

        return html.ToString();
    }
}
