using System.Buffers;
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

    public static string Build(string text, IReadOnlyList<string> words, int length = Length) => Build(text.AsSpan(), words, length);

    /// <summary>As above, over text read straight from the index; the folded copy and the marks are pooled buffers, since a
    /// query builds ten snippets over bodies of tens of KB and allocating them per query showed in the tail latency.</summary>
    public static string Build(ReadOnlySpan<char> text, IReadOnlyList<string> words, int length = Length)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var foldedBuffer = ArrayPool<char>.Shared.Rent(text.Length);
        var marksBuffer = ArrayPool<bool>.Shared.Rent(text.Length);
        try
        {
            var folded = foldedBuffer.AsSpan(0, text.Length);
            text.CopyTo(folded);
            TextFolding.FoldInPlace(folded);
            var marks = marksBuffer.AsSpan(0, text.Length);
            marks.Clear();
            return Render(text, Mark(folded, words, marks), marks, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(foldedBuffer);
            ArrayPool<bool>.Shared.Return(marksBuffer);
        }
    }

    /// <summary>Marks every occurrence of the words found whole, and of the two-character parts of longer words; returns the match starts.</summary>
    private static List<int> Mark(ReadOnlySpan<char> folded, IReadOnlyList<string> words, Span<bool> marks)
    {
        var needles = new List<string>();
        foreach (var word in words)
        {
            if (word.Length > 0 && folded.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                needles.Add(word);
            }
        }

        var whole = needles.Count;
        foreach (var word in words)
        {
            if (word.Length <= 2 || needles.Take(whole).Contains(word))
            {
                continue;
            }

            for (var i = 0; i < word.Length - 1; i++)
            {
                var bigram = word.Substring(i, 2);
                if (folded.IndexOf(bigram, StringComparison.Ordinal) >= 0)
                {
                    needles.Add(bigram);
                }
            }
        }

        var starts = new List<int>();
        foreach (var needle in needles.Distinct(StringComparer.Ordinal))
        {
            var from = 0;
            while (from < folded.Length)
            {
                var found = folded[from..].IndexOf(needle, StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                var at = from + found;
                marks.Slice(at, needle.Length).Fill(true);
                starts.Add(at);
                from = at + 1;
            }
        }

        return starts;
    }

    private static string Render(ReadOnlySpan<char> text, List<int> starts, ReadOnlySpan<bool> marks, int length)
    {
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

            switch (text[i])
            {
                case '\n' or '\r':
                    html.Append(' ');
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '&':
                    html.Append("&amp;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                default:
                    html.Append(text[i]);
                    break;
            }
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
    private static int BestWindowStart(List<int> starts, ReadOnlySpan<bool> marks, int textLength, int length)
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
            var score = marks.Slice(start, Math.Min(textLength, start + length) - start).Count(true);
            if (score > bestScore)
            {
                bestScore = score;
                best = start;
            }
        }

        return Math.Max(0, Math.Min(best - 10, textLength - length));
    }
}
