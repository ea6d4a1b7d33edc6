using Gongkai.Publishing.Checks;
using Gongkai.Platform.Text;

namespace Gongkai.UnitTests.Platform.Text;

/// <summary>The readable text of a document's HTML and the way back from a finding to the stored HTML.</summary>
public sealed class HtmlTextTests
{
    [Fact]
    public void Tags_are_not_text_and_paragraphs_become_line_breaks()
    {
        var view = HtmlText.Parse("<p>当事人：<b>张三</b></p><p><a href=\"/documents/13812345678\">链接</a></p>");

        Assert.Equal("当事人：张三\n链接\n", view.Text);
    }

    [Fact]
    public void A_finding_in_the_text_maps_to_the_same_characters_in_the_html()
    {
        const string html = "<p>身份证号码：11010519491231002X。</p>";
        var view = HtmlText.Parse(html);
        var textStart = view.Text.IndexOf("1101", StringComparison.Ordinal);

        var (start, length, plain) = view.ToHtml(textStart, 18);

        Assert.Equal("11010519491231002X", html.Substring(start, length));
        Assert.True(plain);
    }

    [Fact]
    public void Entities_are_decoded_for_the_detectors_and_mark_the_range_as_not_plain()
    {
        const string html = "<p>A&amp;B 公司&nbsp;13812345678</p>";
        var view = HtmlText.Parse(html);

        Assert.Equal("A&B 公司\u00A013812345678\n", view.Text);
        var (start, length, plain) = view.ToHtml(0, 3);
        Assert.Equal("A&amp;B", html.Substring(start, length));
        Assert.False(plain);
        var phone = view.ToHtml(view.Text.IndexOf("138", StringComparison.Ordinal), 11);
        Assert.Equal("13812345678", html.Substring(phone.Start, phone.Length));
        Assert.True(phone.IsPlain);
    }

    [Fact]
    public void A_finding_across_an_inline_tag_is_located_but_not_plain()
    {
        const string html = "<p>张<b>三</b></p>";
        var view = HtmlText.Parse(html);

        var (start, length, plain) = view.ToHtml(view.Text.IndexOf('张', StringComparison.Ordinal), 2);

        Assert.Equal("张<b>三", html.Substring(start, length));
        Assert.False(plain);
    }

    [Fact]
    public void A_greater_than_sign_inside_a_quoted_attribute_does_not_end_the_tag()
    {
        var view = HtmlText.Parse("<a title=\"a>b\" href=\"x\">文字</a>");

        Assert.Equal("文字", view.Text);
    }

    [Fact]
    public void Long_texts_are_split_at_line_breaks_within_the_limit_and_nothing_is_lost()
    {
        var text = string.Concat(Enumerable.Repeat("第一段文字内容。\n", 50));

        var parts = BodyParts.Split(text, 100).ToList();

        Assert.All(parts, p => Assert.True(p.Length <= 100));
        Assert.All(parts.SkipLast(1), p => Assert.Equal('\n', text[p.Offset + p.Length - 1]));
        Assert.Equal(text.Length, parts.Sum(p => p.Length));
        Assert.Equal(0, parts[0].Offset);
    }

    [Fact]
    public void Escaping_keeps_masked_text_safe_in_html()
    {
        Assert.Equal("张某&lt;script&gt;", HtmlText.Escape("张某<script>"));
        Assert.Equal("1101**********002X", HtmlText.Escape("1101**********002X"));
    }
}
