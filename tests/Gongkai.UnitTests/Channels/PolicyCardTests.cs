using System.Text;
using Gongkai.Channels.Print;
using Gongkai.Platform.Pdf;
using Gongkai.UnitTests.Platform.Pdf;
using UglyToad.PdfPig;

namespace Gongkai.UnitTests.Channels;

public sealed class PolicyCardTests
{
    private static readonly PdfRenderer Renderer = new();

    private static PolicyCardContent Card(int paragraphs = 3) => new(
        "《绵阳市城乡居民最低生活保障标准调整方案》政策解读",
        "绵阳市民政局",
        "文字解读",
        Enumerable.Range(1, paragraphs).Select(i => $"第{i}点：自2025年1月1日起，城市低保标准提高到每人每月760元，农村低保标准提高到每人每年6960元。人民群众可到乡镇（街道）便民服务中心申请。").ToList(),
        ["《绵阳市城乡居民最低生活保障标准调整方案》（绵府发〔2024〕3号）"],
        "https://www.mianyang.gov.cn/interpretations/42",
        new DateOnly(2026, 12, 3));

    private static string Expected(PolicyCardContent card, int paragraphs, bool abridged) =>
        card.Title + PolicyCard.Heading + card.BodyName + card.KindName + "政策要点" + string.Concat(card.Paragraphs.Take(paragraphs))
        + (abridged ? PolicyCard.Abridged : "") + "政策依据" + string.Concat(card.Policies) + PolicyCard.QrCaption + card.OnlineUrl + "印制日期：2026年12月3日";

    private static string Visible(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void A_short_card_is_one_A5_page_whose_text_copies_out_exactly_and_whose_code_opens_the_online_version()
    {
        var card = Card(paragraphs: 2);
        var pdf = PolicyCard.Render(Renderer, card);

        using var document = PdfDocument.Open(pdf.Bytes);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(420, page.Width, 0);
        Assert.Equal(595, page.Height, 0);
        Assert.Equal(Visible(Expected(card, 2, abridged: false)), Visible(PdfText.Of(pdf.Bytes)));
        Assert.Equal([card.OnlineUrl], PdfQr.Decode(pdf.Bytes));
    }

    [Fact]
    public void The_chinese_font_is_embedded_so_the_card_prints_the_same_anywhere()
    {
        var pdf = PolicyCard.Render(Renderer, Card());

        // Every font the page uses carries its glyphs in the file: an embedded font program (/FontFile2, /FontFile3) or,
        // for the CFF outlines of Noto CJK, a Type 3 font whose glyphs are drawn in the PDF itself. A font that is only
        // named would print in whatever the printer substitutes.
        var raw = Encoding.Latin1.GetString(pdf.Bytes);
        var fonts = System.Text.RegularExpressions.Regex.Matches(raw, @"/Type\s*/Font\b[^>]*?/Subtype\s*/(\w+)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(fonts);
        Assert.True(raw.Contains("/FontFile", StringComparison.Ordinal) || fonts.All(subtype => subtype is "Type3"),
            "fonts without embedded glyphs: " + string.Join(", ", fonts));
    }

    [Fact]
    public void A_card_too_long_for_A5_moves_to_A4_and_stays_one_page()
    {
        var card = Card(paragraphs: 6);
        var pdf = PolicyCard.Render(Renderer, card);

        using var document = PdfDocument.Open(pdf.Bytes);
        Assert.Equal(1, document.NumberOfPages);
        Assert.Equal(595, document.GetPage(1).Width, 0);
        Assert.Equal(Visible(Expected(card, 6, abridged: false)), Visible(PdfText.Of(pdf.Bytes)));
    }

    [Fact]
    public void A_card_too_long_for_A4_keeps_the_paragraphs_that_fit_and_sends_the_reader_to_the_code()
    {
        var card = Card(paragraphs: 60);
        var pdf = PolicyCard.Render(Renderer, card);

        using var document = PdfDocument.Open(pdf.Bytes);
        Assert.Equal(1, document.NumberOfPages);
        var text = Visible(PdfText.Of(pdf.Bytes));
        Assert.Contains(Visible(PolicyCard.Abridged), text, StringComparison.Ordinal);
        var kept = Enumerable.Range(0, 60).Count(i => text.Contains(Visible(card.Paragraphs[i]), StringComparison.Ordinal));
        Assert.InRange(kept, 5, 59);
        Assert.Equal(Visible(Expected(card, kept, abridged: true)), text);
        Assert.Equal([card.OnlineUrl], PdfQr.Decode(pdf.Bytes));
    }

    [Fact]
    public void The_paragraphs_of_an_interpretation_are_its_block_elements()
    {
        Assert.Equal(["一、适用范围", "二、标准 & 申请"], PolicyCardContent.ParagraphsOf("<h2>一、适用范围</h2><p> </p><p>二、标准 &amp; 申请</p>"));
    }
}
