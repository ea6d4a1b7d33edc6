using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Gongkai.Platform.Text;

namespace Gongkai.Publishing.Checks;

/// <summary>Checks a document's body: the readable text of its HTML, dated by its 成文日期 (for outdated names), with
/// each finding located in the stored HTML. Texts above <see cref="SafeguardsChecker.MaxTextLength"/> are checked in
/// consecutive parts so nothing goes unchecked.</summary>
public sealed class BodyTextFindingSource(SafeguardsService safeguards) : IDocumentFindingSource
{
    public async Task<IReadOnlyList<DocumentFinding>> FindAsync(Document document, CancellationToken ct)
    {
        var view = HtmlText.Parse(document.BodyHtml);
        var findings = new List<DocumentFinding>();
        foreach (var (offset, length) in BodyParts.Split(view.Text, SafeguardsChecker.MaxTextLength))
        {
            var result = await safeguards.CheckAsync(view.Text.Substring(offset, length), document.SignedOn, ct);
            foreach (var f in result.Findings)
            {
                var (start, htmlLength, plain) = view.ToHtml(offset + f.Start, f.Length);
                findings.Add(new DocumentFinding(DocumentFinding.BodySource, "正文", f.Kind, start, htmlLength, f.Text, f.Replacement, f.Message,
                    offset + f.Start, plain));
            }
        }

        return findings;
    }
}

/// <summary>Splits a long text into parts no longer than a limit, at a line break where one is near, so a number is
/// not cut in two.</summary>
public static class BodyParts
{
    public static IEnumerable<(int Offset, int Length)> Split(string text, int limit)
    {
        var offset = 0;
        while (text.Length - offset > limit)
        {
            var cut = text.LastIndexOf('\n', offset + limit - 1, Math.Min(limit, 4000));
            var length = cut > offset ? cut + 1 - offset : limit;
            yield return (offset, length);
            offset += length;
        }

        if (text.Length > offset || offset == 0)
        {
            yield return (offset, text.Length - offset);
        }
    }
}
