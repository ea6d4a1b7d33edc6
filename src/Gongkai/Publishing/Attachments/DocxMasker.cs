using DocumentFormat.OpenXml.Packaging;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Publishing.Attachments;

/// <summary>Masks personal data inside a Word document by rewriting the text of its w:t elements. Only a finding whose
/// text lies wholly inside one text element can be masked this way (Word splits text into runs wherever formatting,
/// spell-check marks or revisions change); for the others the editor replaces the file.</summary>
public static class DocxMasker
{
    /// <summary>Whether <paramref name="text"/> occurs inside a single w:t element of the document.</summary>
    public static IReadOnlySet<string> FindableInOneNode(byte[] docx, IEnumerable<string> texts)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false, OfficePackageLimits.Reading);
        var nodes = TextNodes(word).Select(t => t.Text).ToList();
        return texts.Where(text => text.Length > 0 && nodes.Any(n => n.Contains(text, StringComparison.Ordinal))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A copy of <paramref name="docx"/> with each finding's text replaced by its masked form wherever it occurs
    /// inside one text element; returns the new bytes and how many of the findings were masked.</summary>
    public static (byte[] Bytes, int Masked) Mask(byte[] docx, IReadOnlyList<(string Text, string Replacement)> findings)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        var masked = 0;
        using (var word = WordprocessingDocument.Open(stream, true, OfficePackageLimits.Reading))
        {
            var nodes = TextNodes(word).ToList();
            foreach (var (text, replacement) in findings.Where(f => f.Text.Length > 0).DistinctBy(f => f.Text))
            {
                var hit = false;
                foreach (var node in nodes.Where(n => n.Text.Contains(text, StringComparison.Ordinal)))
                {
                    node.Text = node.Text.Replace(text, replacement, StringComparison.Ordinal);
                    hit = true;
                }

                if (hit)
                {
                    masked++;
                }
            }

            word.MainDocumentPart!.Document!.Save();
        }

        return (stream.ToArray(), masked);
    }

    private static IEnumerable<Word.Text> TextNodes(WordprocessingDocument word) =>
        word.MainDocumentPart?.Document?.Body?.Descendants<Word.Text>() ?? [];
}
