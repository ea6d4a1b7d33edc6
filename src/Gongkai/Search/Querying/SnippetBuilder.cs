using System.Text;
using Gongkai.Search.Analysis;

namespace Gongkai.Search.Querying;

/// <summary>
/// The passage shown under a result: the window of the text with the most query words in it, HTML-escaped, words
/// wrapped in &lt;mark&gt;. Words are looked for through folding (see <see cref="TextFolding"/>) without folding the
/// text: each folded word's first character is searched as any of the characters that fold to it, and the rest compared
/// folded, so 獻血 in a document is marked for the query 献血. A word not found whole is looked for by its
/// two-character parts. Only the chosen window is rendered.
/// </summary>
public static class SnippetBuilder
{
    public const int Length = 120;

    /// <summary>Window starts considered (in text order); a long text full of one common word needs no more.</summary>
    private const int MaxCandidateStarts = 400;

    public static string Build(string text, IReadOnlyList<string> words, int length = Length) => Build(text.AsSpan(), words, length);

    /// <summary>As above, over text read straight from the index (a span over its bytes, no string of the whole body).</summary>
    public static string Build(ReadOnlySpan<char> text, IReadOnlyList<string> words, int length = Length)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var found = new List<Match>();
        Find(text, words, found);
        var marks = Merge(found);
        return Render(text, marks, BestWindowStart(found, marks, text.Length, length), length);
    }

    /// <summary>One occurrence of a word in the text, as start and end (exclusive) offsets.</summary>
    private readonly record struct Match(int Start, int End);

    /// <summary>Every occurrence of the words found whole and, for longer words not found whole, of their two-character parts.</summary>
    private static void Find(ReadOnlySpan<char> text, IReadOnlyList<string> words, List<Match> found)
    {
        var searched = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var word in words)
        {
            if (word.Length > 0 && searched.Add(word) && !FindAll(text, word, found))
            {
                missing.Add(word);
            }
        }

        foreach (var word in missing)
        {
            for (var i = 0; word.Length > 2 && i < word.Length - 1; i++)
            {
                var bigram = word.Substring(i, 2);
                if (searched.Add(bigram))
                {
                    FindAll(text, bigram, found);
                }
            }
        }
    }

    /// <summary>Adds each place where <paramref name="word"/> (folded) occurs in <paramref name="text"/> (not folded); true if any.</summary>
    private static bool FindAll(ReadOnlySpan<char> text, string word, List<Match> found)
    {
        var firsts = TextFolding.SourcesOf(word[0]);
        var any = false;
        var last = text.Length - word.Length; // the last possible start
        var from = 0;
        while (from <= last)
        {
            var candidates = text[from..(last + 1)];
            var offset = firsts.Length == 1 ? candidates.IndexOf(firsts[0]) : candidates.IndexOfAny(firsts);
            if (offset < 0)
            {
                break;
            }

            var at = from + offset;
            if (RestMatches(text.Slice(at + 1, word.Length - 1), word.AsSpan(1)))
            {
                found.Add(new Match(at, at + word.Length));
                any = true;
            }

            from = at + 1;
        }

        return any;
    }

    private static bool RestMatches(ReadOnlySpan<char> text, ReadOnlySpan<char> folded)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            if (TextFolding.Fold(text[i]) != folded[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The marked stretches: the occurrences sorted, overlapping or touching ones joined.</summary>
    private static List<Match> Merge(List<Match> found)
    {
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var merged = new List<Match>(found.Count);
        foreach (var match in found)
        {
            if (merged.Count > 0 && match.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, match.End) };
            }
            else
            {
                merged.Add(match);
            }
        }

        return merged;
    }

    private static string Render(ReadOnlySpan<char> text, List<Match> marks, int begin, int length)
    {
        var end = Math.Min(text.Length, begin + length);
        var html = new StringBuilder(length * 2);
        if (begin > 0)
        {
            html.Append('…');
        }

        var next = 0; // the first marked stretch that may still reach the window
        while (next < marks.Count && marks[next].End <= begin)
        {
            next++;
        }

        var open = false;
        for (var i = begin; i < end; i++)
        {
            while (next < marks.Count && marks[next].End <= i)
            {
                next++;
            }

            var marked = next < marks.Count && marks[next].Start <= i;
            if (marked != open)
            {
                html.Append(open ? "</mark>" : "<mark>");
                open = marked;
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

    /// <summary>Tries the first <see cref="MaxCandidateStarts"/> distinct match starts and keeps the window covering the
    /// most marked characters (the earliest on a tie); starts a little before it.</summary>
    private static int BestWindowStart(List<Match> found, List<Match> marks, int textLength, int length)
    {
        if (found.Count == 0)
        {
            return 0;
        }

        // Marked characters before each stretch, so a window's count is two binary searches away.
        var before = new int[marks.Count + 1];
        for (var i = 0; i < marks.Count; i++)
        {
            before[i + 1] = before[i] + marks[i].End - marks[i].Start;
        }

        var best = found[0].Start;
        var bestScore = -1;
        var tried = 0;
        var previous = -1;
        foreach (var match in found)
        {
            if (match.Start == previous)
            {
                continue;
            }

            previous = match.Start;
            if (tried++ == MaxCandidateStarts)
            {
                break;
            }

            var score = MarkedWithin(marks, before, match.Start, Math.Min(textLength, match.Start + length));
            if (score > bestScore)
            {
                bestScore = score;
                best = match.Start;
            }
        }

        return Math.Max(0, Math.Min(best - 10, textLength - length));
    }

    /// <summary>How many characters in [<paramref name="from"/>, <paramref name="to"/>) are marked.</summary>
    private static int MarkedWithin(List<Match> marks, int[] before, int from, int to)
    {
        var first = FirstEndingAfter(marks, from);
        var last = FirstEndingAfter(marks, to); // stretches [first, last) end inside the window; stretch last may reach into it
        var count = before[last] - before[first];
        if (first < last && marks[first].Start < from)
        {
            count -= from - marks[first].Start;
        }

        if (last < marks.Count && marks[last].Start < to)
        {
            count += to - Math.Max(from, marks[last].Start);
        }

        return count;
    }

    /// <summary>The first marked stretch ending after <paramref name="offset"/> (marks.Count when none).</summary>
    private static int FirstEndingAfter(List<Match> marks, int offset)
    {
        int low = 0, high = marks.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (marks[middle].End <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
