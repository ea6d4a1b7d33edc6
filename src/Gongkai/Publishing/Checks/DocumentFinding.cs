using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;

namespace Gongkai.Publishing.Checks;

/// <summary>A safeguard finding in a document. <see cref="Source"/> names what was checked ("body" for the document's
/// text; other sources such as attachments use their own names) and <see cref="Location"/> says it in Chinese.
/// For the body, <see cref="Start"/>/<see cref="Length"/> are UTF-16 offsets into the stored <c>BodyHtml</c>, and
/// <see cref="TextStart"/> is the offset in the readable text shown to staff.</summary>
public sealed record DocumentFinding(
    string Source,
    string Location,
    FindingKind Kind,
    int Start,
    int Length,
    string Text,
    string Replacement,
    string Message,
    int TextStart,
    bool CanApplyInPlace)
{
    public const string BodySource = "body";

    public bool IsPersonal => Kind.IsPersonal();

    /// <summary>A wording finding can be corrected in one click when it suggests a replacement (sensitive words have none).</summary>
    public bool IsCorrectable => !IsPersonal && Replacement.Length > 0 && Replacement != Text;
}

/// <summary>Something that finds safeguard findings in a document: its body text here, its attachments elsewhere.
/// Every registered source runs when a document is checked; findings from all sources count for the 终审 gate.</summary>
public interface IDocumentFindingSource
{
    Task<IReadOnlyList<DocumentFinding>> FindAsync(Document document, CancellationToken ct);
}

/// <summary>A finding as the API reports it when it blocks 终审 or publication: <c>start</c>/<c>length</c> count UTF-16
/// code units of the source (for the body, its stored HTML).</summary>
public sealed record BlockingFindingView(string Source, string Kind, int Start, int Length, string Text, string Replacement, string Message)
{
    public static IReadOnlyList<BlockingFindingView> From(IEnumerable<DocumentFinding> findings) =>
        findings.Select(f => new BlockingFindingView(f.Source, f.Kind.Code(), f.Start, f.Length, f.Text, f.Replacement, f.Message)).ToList();
}
