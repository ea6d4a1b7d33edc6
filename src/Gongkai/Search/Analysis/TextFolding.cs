using System.Collections.Frozen;
using System.Reflection;

namespace Gongkai.Search.Analysis;

/// <summary>
/// Folds text so that differently typed forms of the same words meet in the index: full-width letters, digits and
/// punctuation become half-width, the ideographic space an ordinary space, traditional characters simplified, Latin
/// letters lower-case. Every character maps to exactly one character, so offsets in folded text are offsets in the
/// original (snippets rely on that).
/// </summary>
public static class TextFolding
{
    private static readonly FrozenDictionary<char, char> TraditionalToSimplified = LoadTable();

    /// <summary>Every UTF-16 unit's folded form (128 KB): one array read per character, where the dictionary lookup
    /// per CJK character cost more than the rest of a snippet (docs/PERFORMANCE.md, Search).</summary>
    private static readonly char[] Folded = BuildFoldedTable();

    /// <summary>For each folded character, every character that folds to it (itself first): 献 → 献獻, a → aAａＡ.</summary>
    private static readonly FrozenDictionary<char, string> Sources = BuildSources();

    public static int TableSize => TraditionalToSimplified.Count;

    public static char Fold(char c) => Folded[c];

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            var table = Folded;
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = table[source[i]];
            }
        });
    }

    public static void FoldInPlace(Span<char> text)
    {
        var table = Folded;
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = table[text[i]];
        }
    }

    /// <summary>The characters that fold to <paramref name="folded"/>, itself included (a one-character string when
    /// nothing else folds to it), so unfolded text can be searched for a folded word without folding the text.</summary>
    public static string SourcesOf(char folded) => Sources.TryGetValue(folded, out var sources) ? sources : folded.ToString();

    private static char FoldSlowly(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }
        else if (c >= '\u4E00' && TraditionalToSimplified.TryGetValue(c, out var simplified))
        {
            return simplified;
        }

        return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
    }

    private static char[] BuildFoldedTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = FoldSlowly((char)c);
        }

        return table;
    }

    private static FrozenDictionary<char, string> BuildSources()
    {
        var sources = new Dictionary<char, string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var folded = Folded[c];
            if (folded != c)
            {
                sources[folded] = (sources.TryGetValue(folded, out var known) ? known : folded.ToString()) + (char)c;
            }
        }

        return sources.ToFrozenDictionary();
    }

    /// <summary>The table is data (an embedded text file of "繁简" pairs), not code.</summary>
    private static FrozenDictionary<char, char> LoadTable()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Search/traditional-simplified.txt")
            ?? throw new InvalidOperationException("The traditional-to-simplified table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            foreach (var pair in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (pair.Length == 2 && pair[0] != pair[1])
                {
                    map[pair[0]] = pair[1];
                }
            }
        }

        return map.ToFrozenDictionary();
    }
}
