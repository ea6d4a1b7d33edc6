using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Services.Rules;

/// <summary>A piece of a 设定依据 as shown: plain text, or a cited law title (<see cref="Title"/>, the text to look up in the
/// law library) with the address of its page when the library holds it.</summary>
public sealed record BasisSegment(string Text, string? Title = null, string? Url = null)
{
    public bool IsLink => Url is not null;
}

/// <summary>
/// Reads the laws a 设定依据 cites, so the ones the law library holds can link to it. A citation is a title in book-title
/// marks (《中华人民共和国行政许可法》第十二条 — the marks and the title are the link, the article stays text), or a bare
/// title between the separators of a list of bases (、，；。 and line breaks) with any article reference after it and a
/// leading 根据/依据/按照 taken off (中华人民共和国行政许可法第十二条). A bare piece is only a candidate: it links when the
/// library holds a law of that title, and stays text otherwise. No I/O.
/// </summary>
public static partial class LawCitations
{
    /// <summary>Longer pieces are sentences, not titles.</summary>
    public const int MaxBareTitle = 60;

    /// <summary>The text in segments: plain runs and candidate titles (no addresses yet).</summary>
    public static IReadOnlyList<BasisSegment> Parse(string? text)
    {
        var segments = new List<BasisSegment>();
        if (string.IsNullOrEmpty(text))
        {
            return segments;
        }

        var plain = new StringBuilder();
        void Flush()
        {
            if (plain.Length > 0)
            {
                segments.AddRange(Bare(plain.ToString()));
                plain.Clear();
            }
        }

        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('《', i);
            var close = open < 0 ? -1 : text.IndexOf('》', open + 1);
            if (open < 0 || close < 0)
            {
                plain.Append(text, i, text.Length - i);
                break;
            }

            plain.Append(text, i, open - i);
            Flush();
            var title = text.Substring(open + 1, close - open - 1).Trim();
            segments.Add(title.Length == 0 ? new BasisSegment(text.Substring(open, close - open + 1)) : new BasisSegment(text.Substring(open, close - open + 1), title));
            i = close + 1;
        }

        Flush();
        return Merge(segments);
    }

    /// <summary>Every candidate title of <paramref name="text"/>, for one lookup in the law library.</summary>
    public static IEnumerable<string> Titles(string? text) => Parse(text).Select(s => s.Title).OfType<string>();

    /// <summary>The segments with addresses: a candidate the library holds (<paramref name="urlOf"/> gives its page) becomes
    /// a link; any other candidate is plain text again, merged with its neighbours.</summary>
    public static IReadOnlyList<BasisSegment> Link(string? text, Func<string, string?> urlOf)
    {
        ArgumentNullException.ThrowIfNull(urlOf);
        return Merge(Parse(text).Select(s => s.Title is { } title && urlOf(title) is { } url ? s with { Url = url } : new BasisSegment(s.Text)).ToList());
    }

    /// <summary>Plain text between marks: split at the separators of a list; each piece's title part is a candidate.</summary>
    private static IEnumerable<BasisSegment> Bare(string text)
    {
        var start = 0;
        foreach (var separator in Separator().Matches(text).Cast<Match?>().Append(null))
        {
            var end = separator?.Index ?? text.Length;
            var piece = text[start..end];
            foreach (var segment in Piece(piece))
            {
                yield return segment;
            }

            if (separator is not null)
            {
                yield return new BasisSegment(separator.Value);
                start = separator.Index + separator.Length;
            }
        }
    }

    /// <summary>One piece between separators: [lead-in][title][article…], the title a candidate when it looks like one.</summary>
    private static IEnumerable<BasisSegment> Piece(string piece)
    {
        var trimmedStart = piece.Length - piece.TrimStart().Length;
        var lead = LeadIn().Match(piece, trimmedStart);
        var titleStart = lead.Success ? lead.Index + lead.Length : trimmedStart;
        var article = Article().Match(piece, titleStart);
        var titleEnd = article.Success ? article.Index : piece.TrimEnd().Length;
        var title = titleEnd > titleStart ? piece[titleStart..titleEnd] : "";
        if (!LooksLikeTitle(title))
        {
            if (piece.Length > 0)
            {
                yield return new BasisSegment(piece);
            }

            yield break;
        }

        if (titleStart > 0)
        {
            yield return new BasisSegment(piece[..titleStart]);
        }

        yield return new BasisSegment(title, title);
        if (titleEnd < piece.Length)
        {
            yield return new BasisSegment(piece[titleEnd..]);
        }
    }

    /// <summary>A bare title is short, has no inner spaces or sentence marks, and ends as law titles end (法, 条例, 规定 …).</summary>
    private static bool LooksLikeTitle(string title) =>
        title.Length is >= 3 and <= MaxBareTitle && !title.Any(char.IsWhiteSpace) && TitleEnding().IsMatch(title);

    private static List<BasisSegment> Merge(List<BasisSegment> segments)
    {
        var merged = new List<BasisSegment>(segments.Count);
        foreach (var segment in segments)
        {
            if (segment.Title is null && merged.Count > 0 && merged[^1].Title is null)
            {
                merged[^1] = new BasisSegment(merged[^1].Text + segment.Text);
            }
            else if (segment.Text.Length > 0)
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    [GeneratedRegex(@"[、，,；;。\n\r]+")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\G(?:根据|依据|按照|依照)")]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"第[零〇一二三四五六七八九十百千0-9]+[条章节款项]")]
    private static partial Regex Article();

    [GeneratedRegex(@"(法|条例|规定|办法|细则|规则|决定|意见|通知|规程|规范|标准|目录)$")]
    private static partial Regex TitleEnding();
}
