using Gongkai.Platform.Pdf;
using UglyToad.PdfPig;

namespace Gongkai.UnitTests.Platform.Pdf;

public sealed class PdfRendererTests
{
    private static readonly PdfRenderer Renderer = new();

    [Fact]
    public void A_chinese_document_renders_to_a_pdf_whose_text_can_be_read_back()
    {
        var pdf = Renderer.Render(new PdfModel("绵阳市人民政府公报", [
            new PdfHeading("目录"),
            new PdfParagraph("为进一步规范政府信息公开工作，制定本办法。", Indent: true),
            new PdfTableRow(["文号", "标题"], Header: true),
            new PdfTableRow(["绵府发〔2024〕3号", "关于调整最低生活保障标准的通知"]),
        ]));

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var text = PdfText.Of(pdf);
        Assert.Contains("绵阳市人民政府公报", text, StringComparison.Ordinal);
        Assert.Contains("政府公报", text, StringComparison.Ordinal);
        Assert.Contains("为进一步规范政府信息公开工作", text, StringComparison.Ordinal);
        Assert.Contains("最低生活保障", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_character_reads_back_as_drawn_even_where_the_font_shares_its_glyph_with_a_radical()
    {
        // 人民, 一, 工, 目, 文, 长, 见, 走, 言, 龙: ideographs whose glyph a CJK font also uses for a Kangxi radical or a
        // radicals-supplement code point; copied text must carry the ideograph.
        const string Line = "绵阳市人民政府办公室关于一工目文长见走言龙的通知（2024年第3号）";
        var pdf = Renderer.Render(new PdfModel("告知书", [new PdfParagraph(Line)]));

        Assert.Equal("告知书" + Line, string.Concat(PdfText.Of(pdf).Where(c => !char.IsWhiteSpace(c))));
    }

    [Fact]
    public void Empty_paragraphs_and_cells_render()
    {
        var pdf = Renderer.Render(new PdfModel("空白", [new PdfParagraph(""), new PdfTableRow(["", "有"]), new PdfParagraph("完")]));

        Assert.Equal("空白有完", string.Concat(PdfText.Of(pdf).Where(c => !char.IsWhiteSpace(c))));
    }

    [Fact]
    public void Long_text_flows_onto_further_pages()
    {
        var paragraphs = Enumerable.Range(1, 120).Select(i => (PdfBlock)new PdfParagraph($"第{i}条　本条规定有关事项，内容较长以便换行和分页，确保排版正确无误。")).ToList();
        var pdf = Renderer.Render(new PdfModel("分页测试", paragraphs));
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 1);
        Assert.Contains("第120条", PdfText.Of(pdf), StringComparison.Ordinal);
    }
}
