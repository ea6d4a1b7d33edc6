using System.Net;
using System.Text;
using Gongkai.Search.Analysis;

namespace Gongkai.Search.Querying;

/// <summary>
/// The passage shown under a result: the window of the text with the most query words in it, HTML-escaped, words
/// wrapped in &lt;mark&gt;. Matching runs on folded text, which has the original's offsets (see <see cref="TextFolding"/>),
/// so 獻血 in a document is marked for the query 献血. A word not found whole is looked for by its two-character parts.
/// </summary>
public static class SnippetBuilder
{
    public const int Length = 120;

    public static string Build(string text, IReadOnlyList<string> words, int length = Length)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var folded = TextFolding.Fold(text);
        var needles = words.Where(w => w.Length > 0 && folded.Contains(w, StringComparison.Ordinal)).ToList();
        needles.AddRange(words.Where(w => w.Length > 2 && !needles.Contains(w))
            .SelectMany(w => Enumerable.Range(0, w.Length - 1).Select(i => w.Substring(i, 2)))
            .Where(b => folded.Contains(b, StringComparison.Ordinal)));

        var marks = new bool[text.Length];
        var starts = new List<int>();
        foreach (var needle in needles.Distinct(StringComparer.Ordinal))
        {
            for (var at = folded.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(marks, true, at, needle.Length);
                starts.Add(at);
            }
        }

        var begin = BestWindowStart(starts, marks, text.Length, length);
        var end = Math.Min(text.Length, begin + length);
        var html = new StringBuilder(length * 2);
        if (begin > 0)
        {
            html.Append('…');
        }

        var open = false;
        for (var i = begin; i < end; i++)
        {
            if (marks[i] != open)
            {
                html.Append(open ? "</mark>" : "<mark>");
                open = marks[i];
            }

            var c = text[i];
            html.Append(c is '\n' or '\r' ? " " : WebUtility.HtmlEncode(c.ToString()));
        }

        if (open)
        {
            html.Append("</mark>");
        }

        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    /// <summary>Slides over match starts and keeps the window covering the most marked characters; starts a little before the first.</summary>
    private static int BestWindowStart(List<int> starts, bool[] marks, int textLength, int length)
    {
        if (starts.Count == 0)
        {
            return 0;
        }

        starts.Sort();
        var best = starts[0];
        var bestScore = -1;
        foreach (var start in starts.Distinct().Take(400))
        {
            var score = 0;
            for (var i = start; i < Math.Min(textLength, start + length); i++)
            {
                score += marks[i] ? 1 : 0;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = start;
            }
        }

        return Math.Max(0, Math.Min(best - 10, textLength - length));
    }
}
