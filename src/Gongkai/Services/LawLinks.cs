using Gongkai.Publishing.Contracts;
using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Services;

/// <summary>The laws of some 设定依据 texts that the law library holds (found in one lookup), and those texts as HTML with
/// each such law linked to its library page; titles the library lacks stay plain text.</summary>
public sealed class BasisLinks(IReadOnlyDictionary<string, LawLibraryMatch> found)
{
    public static BasisLinks None { get; } = new(new Dictionary<string, LawLibraryMatch>());

    public int Count => found.Count;

    public IReadOnlyList<BasisSegment> Segments(string? text) => LawCitations.Link(text, title => found.TryGetValue(title, out var law) ? law.Url : null);

    /// <summary>The text with <c>&lt;a class="law-link"&gt;</c> around every law the library holds; every piece of text
    /// is encoded when the page is written, by the page's own encoder.</summary>
    public IHtmlContent Html(string? text)
    {
        var html = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(text))
        {
            return html;
        }

        if (found.Count == 0)
        {
            return html.Append(text);
        }

        foreach (var segment in Segments(text))
        {
            if (segment.Url is { } url && segment.Title is { } title && found.TryGetValue(title, out var law))
            {
                html.AppendHtml("<a class=\"law-link\" href=\"").Append(url).AppendHtml("\" title=\"")
                    .Append($"法规库：{law.Title}{(law.Status is { } status ? "（" + status + "）" : "")}").AppendHtml("\">")
                    .Append(segment.Text).AppendHtml("</a>");
            }
            else
            {
                html.Append(segment.Text);
            }
        }

        return html;
    }
}

/// <summary>Looks the laws cited in 设定依据 texts up in the law library, through Publishing's <see cref="LawLibraryTitles"/>.</summary>
public sealed class LawLinks(LawLibraryTitles library)
{
    public async Task<BasisLinks> ForAsync(IEnumerable<string?> texts, CancellationToken cancellationToken = default)
    {
        var titles = texts.SelectMany(LawCitations.Titles).ToHashSet(StringComparer.Ordinal);
        return titles.Count == 0 ? BasisLinks.None : new BasisLinks(await library.FindAsync(titles, cancellationToken));
    }
}
