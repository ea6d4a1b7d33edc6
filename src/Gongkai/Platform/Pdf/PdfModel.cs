namespace Gongkai.Platform.Pdf;

/// <summary>A simple printable document: a title, then headings, paragraphs and table rows in order.</summary>
public sealed record PdfModel(string Title, IReadOnlyList<PdfBlock> Blocks, string? Author = null);

/// <summary>One block of a <see cref="PdfModel"/>.</summary>
public abstract record PdfBlock;

/// <summary>A heading; level 1 is the largest.</summary>
public sealed record PdfHeading(string Text, int Level = 1) : PdfBlock;

public enum PdfAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>A paragraph; <see cref="Indent"/> starts its first line two characters in, as Chinese official text does.</summary>
public sealed record PdfParagraph(string Text, PdfAlignment Alignment = PdfAlignment.Left, bool Indent = false) : PdfBlock;

/// <summary>One row of a table; consecutive rows form a table. <see cref="Widths"/> are relative column widths
/// (equal when omitted).</summary>
public sealed record PdfTableRow(IReadOnlyList<string> Cells, bool Header = false, IReadOnlyList<float>? Widths = null) : PdfBlock;

/// <summary>Starts a new page.</summary>
public sealed record PdfPageBreak : PdfBlock;
