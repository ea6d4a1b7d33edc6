using Gongkai.Publishing;

namespace Gongkai.UnitTests.Publishing;

public sealed class DocumentTextTests
{
    [Fact]
    public void Each_non_blank_line_becomes_a_paragraph_without_its_indentation()
    {
        var html = DocumentText.ToParagraphHtml(" 标题\r\n\r\n　　（一）第一段。\n\t第二段。 \n");
        Assert.Equal("<p>标题</p>\n<p>（一）第一段。</p>\n<p>第二段。</p>\n", html);
    }

    [Fact]
    public void Markup_in_the_text_is_shown_as_text_not_run()
    {
        var html = DocumentText.ToParagraphHtml("<script>alert('x')</script> & \"引号\"");
        Assert.Equal("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot;</p>\n", html);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_punctuation_is_kept_as_characters()
    {
        Assert.Equal("<p>绵府办发〔2018〕12号·《要点》</p>\n", DocumentText.ToParagraphHtml("绵府办发〔2018〕12号·《要点》"));
    }
}
