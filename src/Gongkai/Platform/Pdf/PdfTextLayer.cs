using System.Text;
using UglyToad.PdfPig.Content;

namespace Gongkai.Platform.Pdf;

/// <summary>
/// A PDF page's text as a reader copying it gets it: glyphs inside a marked-content span with <c>/ActualText</c> read as
/// that text (PDF 32000-1 §14.9.4). Our own PDFs need this: a CJK font draws 人 and the radical ⼈ with one glyph, whose
/// font map can name only one of them, so the renderer marks such glyphs with the character it drew.
/// </summary>
public static class PdfTextLayer
{
    public static string Of(Page page)
    {
        var replaced = new Dictionary<Letter, string>(ReferenceEqualityComparer.Instance);
        foreach (var span in Flatten(page.GetMarkedContents()).Where(span => span.ActualText is not null))
        {
            for (var i = 0; i < span.Letters.Count; i++)
            {
                replaced[span.Letters[i]] = i == 0 ? span.ActualText! : "";
            }
        }

        if (replaced.Count == 0)
        {
            return page.Text;
        }

        var text = new StringBuilder(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            text.Append(replaced.TryGetValue(letter, out var actual) ? actual : letter.Value);
        }

        return text.ToString();
    }

    private static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> elements) =>
        elements.SelectMany(element => Flatten(element.Children).Prepend(element));
}
