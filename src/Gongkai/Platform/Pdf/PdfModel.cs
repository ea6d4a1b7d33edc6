namespace Gongkai.Platform.Pdf;

/// <summary>A simple printable document: a title, then headings, paragraphs and table rows in order.
/// <see cref="PageNumbers"/> prints “— n —” at the foot of every page (booklets, posters of several pages).</summary>
public sealed record PdfModel(string Title, IReadOnlyList<PdfBlock> Blocks, string? Author = null, PdfPageSize PageSize = PdfPageSize.A4,
    bool PageNumbers = false);

/// <summary>Paper sizes in portrait: A5 for cards, A4 for letters and booklets, A3 for notice-board posters.</summary>
public enum PdfPageSize
{
    A4,
    A5,
    A3,
}

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

/// <summary>A QR code of <see cref="Content"/> (an address), <see cref="Size"/> points square and centred, with an
/// optional caption under it. Drawn as an image with whole pixels per module, so it scans from print and from screen.</summary>
public sealed record PdfQrCode(string Content, float Size = 110f, string? Caption = null) : PdfBlock;

/// <summary>A list entry with its QR code at the right: text on the left (wrapped), the code of <see cref="Url"/> beside it
/// (notice-board posters: every item can be scanned).</summary>
public sealed record PdfQrItem(string Text, string Url, string? Detail = null) : PdfBlock;

/// <summary>A table of contents: every level-1 heading after it, with the page it starts on.</summary>
public sealed record PdfContents(string Heading = "目录") : PdfBlock;

/// <summary>What was rendered: the file, its page count and the page each level-1 heading landed on (1-based).</summary>
public sealed record PdfRendering(byte[] Bytes, int Pages, IReadOnlyList<(string Heading, int Page)> Headings);
