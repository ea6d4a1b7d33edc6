using System.Text;
using System.Text.Encodings.Web;
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

    /// <summary>The text, encoded, with <c>&lt;a class="law-link"&gt;</c> around every law the library holds.</summary>
    public IHtmlContent Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }

        var encoder = HtmlEncoder.Default;
        if (found.Count == 0)
        {
            return new HtmlString(encoder.Encode(text));
        }

        var html = new StringBuilder(text.Length + 64);
        foreach (var segment in Segments(text))
        {
            if (segment.Url is { } url)
            {
                var law = found[segment.Title!];
                html.Append("<a class=\"law-link\" href=\"").Append(encoder.Encode(url)).Append("\" title=\"")
                    .Append(encoder.Encode($"法规库：{law.Title}{(law.Status is { } status ? "（" + status + "）" : "")}")).Append("\">")
                    .Append(encoder.Encode(segment.Text)).Append("</a>");
            }
            else
            {
                html.Append(encoder.Encode(segment.Text));
            }
        }

        return new HtmlString(html.ToString());
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
