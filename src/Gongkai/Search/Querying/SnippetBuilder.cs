using System.Runtime.InteropServices;
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

        var scratch = t_scratch ??= new Scratch();
        var found = scratch.Found;
        var marks = scratch.Marks;
        found.Clear();
        Find(text, words, found);
        Merge(found, marks);
        var snippet = Render(text, marks, BestWindowStart(found, marks, scratch.MarkedBefore(marks), text.Length, length), length);
        if (found.Capacity > MaxKeptMatches)
        {
            t_scratch = null; // a text full of one common word should not pin its lists to this thread
        }

        return snippet;
    }

    /// <summary>This thread's working lists: the occurrences of a long text run to thousands, and a page builds ten snippets.</summary>
    [ThreadStatic]
    private static Scratch? t_scratch;

    private const int MaxKeptMatches = 1 << 16;

    private sealed class Scratch
    {
        private int[] _before = new int[256];

        public List<Match> Found { get; } = new(256);

        public List<Match> Marks { get; } = new(256);

        /// <summary>Marked characters before each stretch, so a window's count is one subtraction plus its two edges.</summary>
        public int[] MarkedBefore(List<Match> marks)
        {
            if (_before.Length < marks.Count + 1)
            {
                _before = new int[marks.Count + 1];
            }

            for (var i = 0; i < marks.Count; i++)
            {
                _before[i + 1] = _before[i] + marks[i].End - marks[i].Start;
            }

            return _before;
        }
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
    private static void Merge(List<Match> found, List<Match> merged)
    {
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        merged.Clear();
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
    /// most marked characters (the earliest on a tie); starts a little before it. Windows only move right, so the marked
    /// stretches at their two edges are followed with two cursors rather than searched for.</summary>
    private static int BestWindowStart(List<Match> found, List<Match> marks, int[] before, int textLength, int length)
    {
        if (found.Count == 0)
        {
            return 0;
        }

        var stretches = CollectionsMarshal.AsSpan(marks);
        var best = found[0].Start;
        var bestScore = -1;
        var tried = 0;
        var previous = -1;
        var first = 0; // the first stretch ending after the window's start
        var last = 0; // the first stretch ending after the window's end
        foreach (var match in CollectionsMarshal.AsSpan(found))
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

            var from = match.Start;
            var to = Math.Min(textLength, from + length);
            while (first < stretches.Length && stretches[first].End <= from)
            {
                first++;
            }

            while (last < stretches.Length && stretches[last].End <= to)
            {
                last++;
            }

            // Stretches [first, last) end inside the window (the first may begin before it); stretch last may reach into it.
            var score = before[last] - before[first];
            if (first < last && stretches[first].Start < from)
            {
                score -= from - stretches[first].Start;
            }

            if (last < stretches.Length && stretches[last].Start < to)
            {
                score += to - Math.Max(from, stretches[last].Start);
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = from;
            }
        }

        return Math.Max(0, Math.Min(best - 10, textLength - length));
    }
}
