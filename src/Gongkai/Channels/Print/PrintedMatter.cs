using System.Globalization;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Pdf;
using Gongkai.Platform.Text;

namespace Gongkai.Channels.Print;

/// <summary>One item on a poster: title, detail line and its full online address (printed as a QR code).</summary>
public sealed record PosterItem(string Title, string Detail, string Url);

/// <summary>A poster section with the items it shows now.</summary>
public sealed record PosterSection(string Heading, IReadOnlyList<PosterItem> Items);

/// <summary>One document of a booklet: title, the line under it (机关、文号、日期) and its text in paragraphs.</summary>
public sealed record BookletDocument(string Title, string Byline, IReadOnlyList<string> Paragraphs);

/// <summary>How the printed matter of issue 20 is laid out: posters for the 公示栏 and booklets (典型案例选编, 宣传手册).</summary>
public static class PrintedMatter
{
    public const string PosterQrHint = "扫描二维码查看全文";

    public static string PrintedOn(DateOnly day) => "印制日期：" + day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The poster: the board's title, the body, each section with its latest items and their codes, the day printed.</summary>
    public static PdfModel Poster(string title, string bodyName, PdfPageSize size, IReadOnlyList<PosterSection> sections, DateOnly printedOn)
    {
        var blocks = new List<PdfBlock> { new PdfParagraph(bodyName + "　" + PosterQrHint, PdfAlignment.Center) };
        foreach (var section in sections)
        {
            blocks.Add(new PdfHeading(section.Heading, 1));
            if (section.Items.Count == 0)
            {
                blocks.Add(new PdfParagraph("本栏目暂无公开内容。"));
            }

            blocks.AddRange(section.Items.Select(item => (PdfBlock)new PdfQrItem(item.Title, item.Url, item.Detail)));
        }

        blocks.Add(new PdfParagraph(PrintedOn(printedOn), PdfAlignment.Right));
        return new PdfModel(title, blocks, bodyName, size, PageNumbers: true);
    }

    /// <summary>The booklet: title page lines, the table of contents, then each document on its own pages; every page numbered.</summary>
    public static PdfModel Booklet(string title, string? foreword, string compiler, IReadOnlyList<BookletDocument> documents, DateOnly compiledOn)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph(compiler, PdfAlignment.Center),
            new PdfParagraph(compiledOn.ToString("yyyy年M月", CultureInfo.InvariantCulture), PdfAlignment.Center),
        };
        if (!string.IsNullOrWhiteSpace(foreword))
        {
            blocks.Add(new PdfHeading("前言", 2));
            blocks.AddRange(foreword.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (PdfBlock)new PdfParagraph(p, Indent: true)));
        }

        blocks.Add(new PdfPageBreak());
        blocks.Add(new PdfContents());
        for (var i = 0; i < documents.Count; i++)
        {
            if (i > 0)
            {
                blocks.Add(new PdfPageBreak());
            }

            var document = documents[i];
            blocks.Add(new PdfHeading(document.Title, 1));
            blocks.Add(new PdfParagraph(document.Byline, PdfAlignment.Center));
            blocks.AddRange(document.Paragraphs.Select(p => (PdfBlock)new PdfParagraph(p, Indent: true)));
        }

        return new PdfModel(title, blocks, compiler, PdfPageSize.A4, PageNumbers: true);
    }

    /// <summary>A document's stored rich text as booklet paragraphs.</summary>
    public static IReadOnlyList<string> Paragraphs(string html) => PolicyCardContent.ParagraphsOf(html);

    public static PdfPageSize PaperOf(string code) => code == "A4" ? PdfPageSize.A4 : PdfPageSize.A3;
}
