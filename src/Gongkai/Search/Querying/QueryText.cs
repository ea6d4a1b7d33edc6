using System.Text;
using Gongkai.Search.Analysis;

namespace Gongkai.Search.Querying;

/// <summary>
/// A raw query read the way people type it: no query syntax at all (so <c>AND(</c>, <c>*</c>, <c>:</c> or an unbalanced
/// bracket are just characters), folded, cut to <see cref="SearchRequest.MaxQueryLength"/>, quoted parts kept as
/// phrases, the rest split into terms at spaces and punctuation. Emoji and other symbols separate terms.
/// </summary>
public sealed record QueryText(IReadOnlyList<string> Terms, IReadOnlyList<string> Phrases, string Folded, bool WasCut)
{
    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0;

    public static QueryText Parse(string? raw)
    {
        raw ??= "";
        var cut = false;
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(raw);
        var kept = new StringBuilder();
        var count = 0;
        while (elements.MoveNext())
        {
            if (count++ == SearchRequest.MaxQueryLength)
            {
                cut = true;
                break;
            }

            kept.Append(elements.GetTextElement());
        }

        var folded = TextFolding.Fold(kept.ToString());
        var terms = new List<string>();
        var phrases = new List<string>();
        var current = new StringBuilder();
        var inQuote = false;

        void Flush()
        {
            if (current.Length > 0)
            {
                (inQuote ? phrases : terms).Add(current.ToString());
                current.Clear();
            }
        }

        foreach (var c in folded)
        {
            if (c is '"' or '“' or '”' or '「' or '」')
            {
                Flush();
                inQuote = c switch { '“' or '「' => true, '”' or '」' => false, _ => !inQuote };
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (inQuote && c == ' ')
            {
                current.Append(c);
            }
            else
            {
                Flush();
            }
        }

        // An unclosed quote still makes a phrase of what follows it.
        Flush();
        return new QueryText(terms.Distinct().Take(16).ToList(), phrases.Distinct().Take(4).ToList(), folded.Trim(), cut);
    }
}
