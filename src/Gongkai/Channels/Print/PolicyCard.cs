using System.Globalization;
using Gongkai.Platform.Pdf;
using Gongkai.Platform.Text;

namespace Gongkai.Channels.Print;

/// <summary>What a 惠民政策明白卡 says: the interpretation's title, who issued it, its text in paragraphs, the policies it
/// explains (as cited: 《title》（文号）), the address of the online version (printed and as a QR code) and the day it was printed.</summary>
public sealed record PolicyCardContent(
    string Title, string BodyName, string KindName, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Policies, string OnlineUrl, DateOnly PrintedOn)
{
    /// <summary>The paragraphs of a sanitised rich-text body: one per block element, blank ones dropped.</summary>
    public static IReadOnlyList<string> ParagraphsOf(string html) =>
        HtmlText.Read(html).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
}

/// <summary>
/// Lays out a 明白卡 on one page (issue 20, work plan 十一): A5 when the text fits, else A4; when even A4 is too small, the
/// last paragraphs give way to a note pointing to the QR code, so the card never runs onto a second sheet.
/// </summary>
public static class PolicyCard
{
    public const string Heading = "惠民政策明白卡";

    public const string QrCaption = "扫码查看网上全文";

    public const string Abridged = "（篇幅所限，以下内容请扫码查看网上全文）";

    public static PdfModel Model(PolicyCardContent card, PdfPageSize size, int paragraphs)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph($"{Heading}　{card.BodyName}　{card.KindName}", PdfAlignment.Center),
            new PdfHeading("政策要点", 2),
        };
        blocks.AddRange(card.Paragraphs.Take(paragraphs).Select(text => (PdfBlock)new PdfParagraph(text, Indent: true)));
        if (paragraphs < card.Paragraphs.Count)
        {
            blocks.Add(new PdfParagraph(Abridged, Indent: true));
        }

        if (card.Policies.Count > 0)
        {
            blocks.Add(new PdfHeading("政策依据", 2));
            blocks.AddRange(card.Policies.Select(policy => (PdfBlock)new PdfParagraph(policy)));
        }

        blocks.Add(new PdfQrCode(card.OnlineUrl, size == PdfPageSize.A5 ? 80f : 110f, QrCaption));
        blocks.Add(new PdfParagraph(card.OnlineUrl, PdfAlignment.Center));
        blocks.Add(new PdfParagraph("印制日期：" + card.PrintedOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), PdfAlignment.Right));
        return new PdfModel(card.Title, blocks, card.BodyName, size);
    }

    /// <summary>The card on one page: the smallest of <paramref name="preferred"/> and A4 that holds the whole text, or A4
    /// with as many paragraphs as fit.</summary>
    public static PdfRendering Render(PdfRenderer renderer, PolicyCardContent card, PdfPageSize preferred = PdfPageSize.A5)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(card);
        foreach (var size in preferred == PdfPageSize.A5 ? new[] { PdfPageSize.A5, PdfPageSize.A4 } : [PdfPageSize.A4])
        {
            var whole = renderer.RenderDocument(Model(card, size, card.Paragraphs.Count));
            if (whole.Pages == 1)
            {
                return whole;
            }
        }

        // Fewer paragraphs until it fits: halving first keeps the number of renders small for long interpretations.
        var low = 0;
        var high = card.Paragraphs.Count - 1;
        var best = renderer.RenderDocument(Model(card, PdfPageSize.A4, 0));
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            var attempt = renderer.RenderDocument(Model(card, PdfPageSize.A4, middle));
            if (attempt.Pages == 1)
            {
                best = attempt;
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best;
    }
}
